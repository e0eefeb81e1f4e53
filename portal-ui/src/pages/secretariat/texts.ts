import type { Dictionary } from '../../i18n/i18n';

/** Texts of the secretariat pages; keys start with 'secretariat.'. */
export const texts: Dictionary = {
  en: {
  },
  'zh-CN': {
  },
};
