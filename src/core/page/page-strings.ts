// The words printed on exported pages, in Dutch (default) and English, and how numbers and dates are written.

export type PageLang = 'nl' | 'en';

/** A text in several languages as the manifest carries it; Dutch is always present. */
export interface PageLabel {
  nl: string;
  en?: string;
}

const nl = {
  legend: 'Legende',
  noData: 'geen gegevens / onderdrukt',
  count: '{count} blokken',
  countOne: '1 blok',
  countFeatures: '{count}',
  unit: 'eenheid: {unit}',
  methodQuantile: 'Klassen: kwantielen ({n})',
  methodEqual: 'Klassen: gelijke intervallen ({n})',
  methodJenks: 'Klassen: natuurlijke grenzen, Jenks ({n})',
  methodManual: 'Klassen: vaste grenzen ({n})',
  noValues: 'Geen enkel object heeft een waarde voor deze indicator.',
  inset: 'Ligging',
  north: 'N',
  scale: 'Schaal 1:{denominator}',
  sources: 'Bronnen',
  dataDate: 'Toestand gegevens: {date}',
  created: 'Gemaakt op: {date}',
  projection: 'Projectie: {name}',
  projection_lambert72: 'Belgian Lambert 72 (EPSG:31370)',
  'projection_web-mercator': 'Web Mercator (EPSG:3857)',
  madeWith: 'Wijkatlas',
  demo: 'DEMO — synthetische gegevens',
  note: 'Opmerking',
  page: 'Blad {n} van {total}',
  figures: 'Cijfers',
  atlasFocus: 'Getoond object',
  otherFeatures: 'Overige objecten',
  rank: 'klasse {k} van {n}',
  more: '… en {count} velden meer',
} as const;

export type PageMessage = keyof typeof nl;

const en: Record<PageMessage, string> = {
  legend: 'Legend',
  noData: 'no data / suppressed',
  count: '{count} blocks',
  countOne: '1 block',
  countFeatures: '{count}',
  unit: 'unit: {unit}',
  methodQuantile: 'Classes: quantiles ({n})',
  methodEqual: 'Classes: equal intervals ({n})',
  methodJenks: 'Classes: natural breaks, Jenks ({n})',
  methodManual: 'Classes: fixed breaks ({n})',
  noValues: 'No feature has a value for this indicator.',
  inset: 'Location',
  north: 'N',
  scale: 'Scale 1:{denominator}',
  sources: 'Sources',
  dataDate: 'Data as of: {date}',
  created: 'Created: {date}',
  projection: 'Projection: {name}',
  projection_lambert72: 'Belgian Lambert 72 (EPSG:31370)',
  'projection_web-mercator': 'Web Mercator (EPSG:3857)',
  madeWith: 'Wijkatlas',
  demo: 'DEMO — synthetic data',
  note: 'Note',
  page: 'Page {n} of {total}',
  figures: 'Figures',
  atlasFocus: 'Feature shown',
  otherFeatures: 'Other features',
  rank: 'class {k} of {n}',
  more: '… and {count} more fields',
};

const CATALOGUE: Record<PageLang, Record<PageMessage, string>> = { nl, en };

/** A page text in `lang` with `{name}` placeholders filled. */
export function pageText(lang: PageLang, key: PageMessage, vars: Record<string, string | number> = {}): string {
  return CATALOGUE[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** A manifest label in `lang`, falling back to Dutch; plain strings as they are. */
export function pageLabel(label: PageLabel | string | undefined, lang: PageLang): string {
  if (label === undefined) return '';
  if (typeof label === 'string') return label;
  return (lang === 'en' ? label.en : undefined) ?? label.nl;
}

const LOCALES: Record<PageLang, string> = { nl: 'nl-BE', en: 'en-GB' };

/** A number with fixed decimals as `lang` writes it: 1.234,5 (nl) or 1,234.5 (en). */
export function formatPageNumber(value: number, lang: PageLang, decimals: number): string {
  return new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** A scale denominator with a thin space between thousands in both languages (1:12 500), as map scales are written. */
export function formatScaleDenominator(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/**
 * An ISO date (YYYY-MM-DD, or a full ISO timestamp: its date part) as dd/mm/jjjj — the way both Dutch and
 * British English readers write dates. Anything else is returned as it is.
 *
 * @example
 * formatPageDate('2020-12-31'); // '31/12/2020'
 */
export function formatPageDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A number followed by its unit: "45 %" in Dutch (narrow space), "45%" in English, "18 woningen". */
export function withPageUnit(formatted: string, unit: string, lang: PageLang): string {
  if (!unit) return formatted;
  if (unit === '%') return lang === 'nl' ? `${formatted}\u202f%` : `${formatted}%`;
  return `${formatted}\u00a0${unit}`;
}

/**
 * Decimals for legend bounds: none when every bound is a whole number (counts); else by the range (0 from
 * 100 up, 1 from 1 up, else 2, as in the app), plus one when a bound would otherwise be rounded (a
 * quantile break of 7.33 prints as 7,3, not 7), at most 2.
 *
 * @example
 * legendDecimals([0, 7.33, 25, 100]); // 1
 */
export function legendDecimals(bounds: readonly number[]): number {
  if (bounds.length === 0 || bounds.every((v) => Number.isInteger(v))) return 0;
  const range = Math.abs(Math.max(...bounds) - Math.min(...bounds));
  const base = range >= 100 ? 0 : range >= 1 ? 1 : 2;
  const exact = (d: number) => bounds.every((v) => Math.abs(v * 10 ** d - Math.round(v * 10 ** d)) < 1e-6);
  return exact(base) || base >= 2 ? base : base + 1;
}
