import type { Dictionary } from '../../i18n/i18n';

/** Texts of the expert pages; keys start with 'expert.'. */
export const texts: Dictionary = {
  en: {
  },
  'zh-CN': {
  },
};
