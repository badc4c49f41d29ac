import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, localized, parseLang, t, themeLabel, withUnit } from '../../src/app/i18n.ts';

describe('i18n', () => {
  it('is Dutch unless ?lang=en', () => {
    expect(parseLang('')).toBe('nl');
    expect(parseLang('?lang=en')).toBe('en');
    expect(parseLang('?lang=EN&x=1')).toBe('en');
    expect(parseLang('?lang=fr')).toBe('nl');
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(t('nl', 'tooltipBlock', { id: 'B12' })).toBe('Bouwblok B12');
    expect(t('en', 'tooltipBlock', { id: 'B12' })).toBe('Street block B12');
    expect(t('nl', 'tooltipBlock')).toBe('Bouwblok {id}');
    expect(t('nl', 'legendNoData')).toBe('geen gegevens / onderdrukt');
  });

  it('names indicator themes, with a catch-all for unknown ones', () => {
    expect(themeLabel('housing', 'nl')).toBe('Wonen');
    expect(themeLabel('safety', 'en')).toBe('Safety');
    expect(themeLabel('astrology', 'nl')).toBe('Overige');
    expect(themeLabel(undefined, 'en')).toBe('Other');
  });

  it('falls back to Dutch when a manifest text has no English', () => {
    expect(localized({ nl: 'Huurders', en: 'Tenants' }, 'en')).toBe('Tenants');
    expect(localized({ nl: 'Huurders' }, 'en')).toBe('Huurders');
    expect(localized('%', 'en')).toBe('%');
    expect(localized(undefined, 'nl')).toBe('');
  });

  it('writes numbers, units and dates the local way', () => {
    expect(formatNumber(1234.5, 'nl', 1)).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
    expect(withUnit('45', '%', 'en')).toBe('45%');
    expect(withUnit('45', '%', 'nl')).toBe('45\u202f%');
    expect(withUnit('18', 'woningen', 'nl')).toBe('18\u00a0woningen');
    expect(withUnit('18', '', 'nl')).toBe('18');
    expect(formatDate('2020-12-31', 'nl')).toBe('31 december 2020');
    expect(formatDate('2020-12-31', 'en')).toBe('31 December 2020');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});
