import { formatNumber, type Lang } from '../i18n.ts';

/** A single value: whole numbers as they are, others with one decimal. */
export function formatValue(value: number, lang: Lang): string {
  return formatNumber(value, lang, Number.isInteger(value) ? 0 : 1);
}

/** Decimals for legend bounds: enough that rounding does not visibly move a bound across a value. */
export function legendDecimals(min: number, max: number): number {
  const range = Math.abs(max - min);
  if (range >= 100) return 0;
  if (range >= 1) return 1;
  return 2;
}
