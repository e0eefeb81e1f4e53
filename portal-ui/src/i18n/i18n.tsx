import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { messages } from './messages';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export type Messages = Record<string, string>;
/** The texts of one part of the UI, in every locale (each part of the UI keeps its own). */
export type Dictionary = Record<Locale, Messages>;

const STORAGE_KEY = 'bc.locale';

export interface I18n {
  locale: Locale;
  /** The viewer's IANA time zone: every instant is shown in it. */
  timeZone: string;
  setLocale(locale: Locale): void;
  /** The text of a key in the current locale, `{name}` placeholders filled from `vars`. */
  t(key: string, vars?: Record<string, string | number>): string;
  /** An instant (ISO-8601 with offset) as date and time in the viewer's time zone and locale. */
  dateTime(instant: string | Date, style?: 'short' | 'medium' | 'long'): string;
  /** A calendar date (ISO `yyyy-MM-dd`, no time zone) in the locale. */
  date(isoDate: string): string;
  /** Only the time of an instant, in the viewer's time zone. */
  time(instant: string | Date): string;
  number(value: number): string;
  money(amount: number, currency?: string): string;
}

export function initialLocale(stored: string | null, languages: readonly string[]): Locale {
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export function translate(locale: Locale, key: string, vars?: Record<string, string | number>): string {
  const text = messages[locale][key] ?? messages.en[key];
  if (text === undefined) {
    if (import.meta.env.DEV) console.warn(`Missing text: ${key}`);
    return key;
  }
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}

export function createI18n(locale: Locale, timeZone: string, setLocale: (l: Locale) => void = () => {}): I18n {
  const toDate = (v: string | Date) => (typeof v === 'string' ? new Date(v) : v);
  const dateTimeFormats = {
    short: new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'short', timeStyle: 'short' }),
    medium: new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }),
    long: new Intl.DateTimeFormat(locale, {
      timeZone, weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit',
      timeZoneName: 'short',
    }),
  };
  const dateFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' });
  const timeFormat = new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'short' });
  const numberFormat = new Intl.NumberFormat(locale);
  return {
    locale,
    timeZone,
    setLocale,
    t: (key, vars) => translate(locale, key, vars),
    dateTime: (instant, style = 'medium') => dateTimeFormats[style].format(toDate(instant)),
    date: (isoDate) => dateFormat.format(new Date(isoDate.length === 10 ? isoDate + 'T00:00:00Z' : isoDate)),
    time: (instant) => timeFormat.format(toDate(instant)),
    number: (value) => numberFormat.format(value),
    money: (amount, currency = 'CNY') =>
      new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount),
  };
}

const I18nContext = createContext<I18n | null>(null);
/** For tests: provides a fixed locale and time zone. */
export const I18nContextForTests = I18nContext;

export function I18nProvider({ children, timeZone }: { children: ReactNode; timeZone?: string }) {
  const [locale, setLocaleState] = useState<Locale>(() =>
    initialLocale(localStorage.getItem(STORAGE_KEY), navigator.languages ?? [navigator.language]));
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo(() => createI18n(locale, zone, setLocale), [locale, zone, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
