import { describe, expect, it } from 'vitest';
import { classifyIndicator } from '../../../src/core/page/classify-indicator.ts';
import { formatPageDate, formatPageNumber, formatScaleDenominator, legendDecimals, pageText, withPageUnit } from '../../../src/core/page/page-strings.ts';
import { textWidth } from '../../../src/core/page/text-width.ts';
import { ellipsize, wrapText } from '../../../src/core/page/wrap-text.ts';

describe('page text helpers', () => {
  it('wrapText keeps every line within the width and loses no word', () => {
    const text = 'Gegenereerd door Wijkatlas (scripts/generate-demo.ts), geijkt op de cijfers 2020 van de stad Mechelen voor Arsenaal';
    const lines = wrapText(text, 50, 7);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(textWidth(l, 7)).toBeLessThanOrEqual(50);
    expect(lines.join(' ')).toBe(text);
    expect(wrapText('een\ntwee', 100, 7)).toEqual(['een', 'twee']);
  });

  it('ellipsize shortens only what does not fit, and ends in …', () => {
    expect(ellipsize('kort', 50, 7)).toBe('kort');
    const s = ellipsize('Incidenten per 1.000 inwoners per jaar', 20, 9);
    expect(s.endsWith('…')).toBe(true);
    expect(textWidth(s, 9)).toBeLessThanOrEqual(20);
  });

  it('dates are dd/mm/jjjj, numbers follow the language, units as the app writes them', () => {
    expect(formatPageDate('2020-12-31')).toBe('31/12/2020');
    expect(formatPageDate('2026-11-27T15:00:00Z')).toBe('27/11/2026');
    expect(formatPageNumber(1234.5, 'nl', 1)).toBe('1.234,5');
    expect(formatPageNumber(1234.5, 'en', 1)).toBe('1,234.5');
    expect(formatScaleDenominator(12500)).toBe('12\u202f500');
    expect(withPageUnit('45', '%', 'nl')).toBe('45\u202f%');
    expect(withPageUnit('45', '%', 'en')).toBe('45%');
    expect(pageText('en', 'count', { count: 3 })).toBe('3 blocks');
  });

  it('legendDecimals shows rounded breaks exactly (one more decimal when needed, at most 2)', () => {
    expect(legendDecimals([0, 25, 50, 100])).toBe(0);
    expect(legendDecimals([0, 32, 52, 92])).toBe(0);
    expect(legendDecimals([0, 32.5, 52, 92])).toBe(1);
    expect(legendDecimals([0, 7.2, 24.7, 100])).toBe(1);
    expect(legendDecimals([5.9, 18.2, 32.34, 62.1])).toBe(2);
    expect(legendDecimals([0.1234, 0.5])).toBe(2);
  });
});

describe('classifyIndicator', () => {
  const values = [1, 2, 3, 4, 10, 11, 12, 30, null, Number.NaN];
  it('manual: n thresholds give n + 1 classes with their counts, no data apart', () => {
    const c = classifyIndicator(values, { method: 'manual', breaks: [5, 20] });
    expect(c.bins.map((b) => b.count)).toEqual([4, 3, 1]);
    expect(c.noData).toBe(2);
  });
  it('equal and jenks come from src/core/classify with the same class rule', () => {
    expect(classifyIndicator(values, { method: 'equal', classes: 2 }).breaks).toEqual([15.5]);
    expect(classifyIndicator(values, { method: 'jenks', classes: 3 }).bins.map((b) => b.count)).toEqual([4, 3, 1]);
    expect(classifyIndicator(values).bins.reduce((s, b) => s + b.count, 0)).toBe(8);
  });
  it('rejects what a legend cannot show', () => {
    expect(() => classifyIndicator(values, { method: 'manual' })).toThrow(/needs breaks/);
    expect(() => classifyIndicator(values, { method: 'manual', breaks: [5, 5] })).toThrow(/strictly ascending/);
    expect(() => classifyIndicator(values, { classes: 12 })).toThrow(/1 to 9/);
    expect(() => classifyIndicator(values, { method: 'box' as never })).toThrow(/unknown method/);
  });
});
