import type { Dictionary, Messages } from './i18n';
import { common } from './common';
import { texts as publicTexts } from '../pages/public/texts';
import { texts as enterpriseTexts } from '../pages/enterprise/texts';
import { texts as expertTexts } from '../pages/expert/texts';
import { texts as secretariatTexts } from '../pages/secretariat/texts';
import { texts as notificationTexts } from '../pages/notifications/texts';
import { texts as salonTexts } from '../pages/salons/texts';
import { texts as eventsTexts } from '../pages/events/texts';
import { texts as brandkitTexts } from '../pages/brandkit/texts';
import { texts as accountTexts } from '../pages/account/texts';

/** Every part's texts; a key appears in one part only (each part prefixes its keys with its name). */
export const dictionaries: Record<string, Dictionary> = {
  common,
  public: publicTexts,
  enterprise: enterpriseTexts,
  expert: expertTexts,
  secretariat: secretariatTexts,
  notifications: notificationTexts,
  salons: salonTexts,
  events: eventsTexts,
  brandkit: brandkitTexts,
  account: accountTexts,
};

const merge = (locale: keyof Dictionary): Messages =>
  Object.assign({}, ...Object.values(dictionaries).map((d) => d[locale]));

export const messages: Dictionary = { en: merge('en'), 'zh-CN': merge('zh-CN') };
