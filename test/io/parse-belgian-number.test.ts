import { describe, expect, it } from 'vitest';
import { parseBelgianNumber } from '../../src/io/parse-belgian-number.ts';

describe('parseBelgianNumber', () => {
  it.each([
    ['51,0201', 51.0201],
    ['51.0201', 51.0201],
    ['4,492', 4.492], // a single separator is always decimal (documented ambiguity)
    ['4.492', 4.492],
    ['158 650,5', 158650.5],
    ['158\u00a0650,5', 158650.5], // no-break space, as Excel writes it
    ['158\u202f650', 158650], // narrow no-break space
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['1.234.567,89', 1234567.89],
    ['-3,5', -3.5],
    ['\u22123,5', -3.5],
    ['+3,5', 3.5],
    [',5', 0.5],
    ['  42  ', 42],
    ['1,5E-3', 0.0015],
    ['2e3', 2000],
    ['-0', 0],
    ['0', 0],
  ])('%j -> %d', (text, expected) => {
    expect(parseBelgianNumber(text)).toBe(expected);
  });

  it.each(['', '   ', 'abc', '12a', 'NaN', 'Infinity', '1e', '--1', '1.23.4', '1,23,4', '1.23,5', '1 50', '12 3456', '4,', '.', ',', '1..2', '1 234.567,8'])('%j -> null', (text) => {
    expect(parseBelgianNumber(text)).toBeNull();
  });

  it('passes finite numbers through and rejects non-finite ones', () => {
    expect(parseBelgianNumber(3.25)).toBe(3.25);
    expect(parseBelgianNumber(NaN)).toBeNull();
    expect(parseBelgianNumber(null)).toBeNull();
    expect(Object.is(parseBelgianNumber('-0,0'), 0)).toBe(true);
  });
});
