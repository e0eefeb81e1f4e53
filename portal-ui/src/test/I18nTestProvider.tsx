import type { ReactNode } from 'react';
import { I18nContextForTests, type I18n } from '../i18n/i18n';

export function I18nTestProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return <I18nContextForTests.Provider value={i18n}>{children}</I18nContextForTests.Provider>;
}
