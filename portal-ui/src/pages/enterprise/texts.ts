import type { Dictionary } from '../../i18n/i18n';

/** Texts of the enterprise pages; keys start with 'enterprise.'. */
export const texts: Dictionary = {
  en: {
  },
  'zh-CN': {
  },
};
