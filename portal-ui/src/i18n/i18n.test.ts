import { describe, expect, it } from 'vitest';
import { createI18n, initialLocale, translate } from './i18n';
import { dictionaries } from './messages';

describe('texts', () => {
  it.each(Object.entries(dictionaries))('the %s texts exist in English and Simplified Chinese alike', (_, dictionary) => {
    expect(Object.keys(dictionary['zh-CN']).sort()).toEqual(Object.keys(dictionary.en).sort());
    for (const [key, text] of Object.entries(dictionary['zh-CN'])) {
      expect(text, key).not.toBe('');
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(text), key).toEqual(placeholders(dictionary.en[key]));
    }
  });

  it('no key is defined by two parts of the UI', () => {
    const seen = new Map<string, string>();
    for (const [part, dictionary] of Object.entries(dictionaries)) {
      for (const key of Object.keys(dictionary.en)) {
        expect(seen.get(key), `${key} in ${part}`).toBeUndefined();
        seen.set(key, part);
      }
    }
  });

  it('fills placeholders and falls back to the key for an unknown text', () => {
    expect(translate('en', 'common.pageOf', { page: 2, pages: 5 })).toBe('Page 2 of 5');
    expect(translate('zh-CN', 'common.pageOf', { page: 2, pages: 5 })).toBe('第 2 页，共 5 页');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});

describe('locale', () => {
  it('takes the stored choice first, then the browser languages', () => {
    expect(initialLocale('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(initialLocale(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(initialLocale(null, ['de-DE', 'en'])).toBe('en');
    expect(initialLocale('fr', ['en'])).toBe('en');
  });
});

describe('dates and numbers', () => {
  const instant = '2026-03-01T02:30:00Z';

  it('shows an instant in the viewer\'s time zone', () => {
    expect(createI18n('en', 'Asia/Shanghai').time(instant)).toBe('10:30 AM');
    expect(createI18n('en', 'Europe/Berlin').time(instant)).toBe('3:30 AM');
    expect(createI18n('zh-CN', 'Asia/Shanghai').time(instant)).toBe('10:30');
  });

  it('shows a calendar date as that date everywhere', () => {
    expect(createI18n('en', 'America/Los_Angeles').date('2026-03-01')).toBe('Mar 1, 2026');
    expect(createI18n('zh-CN', 'Pacific/Kiritimati').date('2026-03-01')).toBe('2026年3月1日');
  });

  it('formats money in yuan in the locale', () => {
    expect(createI18n('en', 'UTC').money(12000)).toBe('CN¥12,000.00');
    expect(createI18n('zh-CN', 'UTC').money(12000)).toBe('¥12,000.00');
  });
});
