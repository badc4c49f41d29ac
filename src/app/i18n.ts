// The one message catalogue of the app. Dutch is the default; English is chosen with ?lang=en or the toggle.

export type Lang = 'nl' | 'en';

/** A text in several languages, as the manifest carries it; Dutch is always present. */
export interface Localized {
  nl: string;
  en?: string;
}

const nl = {
  appName: 'Wijkatlas',
  pageTitle: '{atlas} — Wijkatlas',
  loading: 'Atlas laden…',
  loadError: 'De atlas kon niet geladen worden: {message}',
  indicator: 'Indicator',
  legendNoData: 'geen gegevens / onderdrukt',
  legendCount: '{count} blokken',
  legendCountOne: '1 blok',
  legendEmpty: 'Geen enkel blok heeft een waarde voor deze indicator.',
  tooltipBlock: 'Bouwblok {id}',
  sources: 'Bronnen',
  dataDate: 'toestand {date}',
  demoBadge: 'DEMO',
  demoTitle: 'Demo-atlas: synthetische gegevens, geen echte metingen',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  mapLabel: 'Kaart van de bouwblokken, gekleurd volgens de gekozen indicator',
  noIndicators: 'Deze atlas heeft geen numerieke indicatoren.',
  theme_housing: 'Wonen',
  theme_tenure: 'Huishoudens en huur',
  theme_safety: 'Veiligheid',
  theme_green: 'Verharding en groen',
  theme_survey: 'Bevraging',
  theme_other: 'Overige',
} as const;

export type MessageKey = keyof typeof nl;

const en: Record<MessageKey, string> = {
  appName: 'Wijkatlas',
  pageTitle: '{atlas} — Wijkatlas',
  loading: 'Loading the atlas…',
  loadError: 'The atlas could not be loaded: {message}',
  indicator: 'Indicator',
  legendNoData: 'no data / suppressed',
  legendCount: '{count} blocks',
  legendCountOne: '1 block',
  legendEmpty: 'No block has a value for this indicator.',
  tooltipBlock: 'Street block {id}',
  sources: 'Sources',
  dataDate: 'as of {date}',
  demoBadge: 'DEMO',
  demoTitle: 'Demo atlas: synthetic data, not real measurements',
  switchLanguage: 'Nederlands',
  switchLanguageLabel: 'Schakel naar Nederlands',
  mapLabel: 'Map of the street blocks, coloured by the chosen indicator',
  noIndicators: 'This atlas has no numeric indicators.',
  theme_housing: 'Housing',
  theme_tenure: 'Households and tenure',
  theme_safety: 'Safety',
  theme_green: 'Paving and green',
  theme_survey: 'Survey',
  theme_other: 'Other',
};

/** The heading of an indicator theme (manifest field `theme`); unknown themes go under "other". */
export function themeLabel(theme: string | undefined, lang: Lang): string {
  const key = `theme_${theme ?? 'other'}`;
  return key in nl ? t(lang, key as MessageKey) : t(lang, 'theme_other');
}

const catalogue: Record<Lang, Record<MessageKey, string>> = { nl, en };

/** A message in `lang`, with `{name}` placeholders filled from `vars`. */
export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return catalogue[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The text of a manifest label in `lang`, falling back to Dutch. Plain strings are returned as they are. */
export function localized(text: Localized | string | undefined, lang: Lang): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (lang === 'en' ? text.en : undefined) ?? text.nl;
}

/** The language asked for in a query string (`?lang=en`); Dutch otherwise. */
export function parseLang(search: string): Lang {
  return new URLSearchParams(search).get('lang')?.toLowerCase() === 'en' ? 'en' : 'nl';
}

const LOCALES: Record<Lang, string> = { nl: 'nl-BE', en: 'en-GB' };

/** A number with a fixed number of decimals in the conventions of `lang` (12,5 in Dutch, 12.5 in English). */
export function formatNumber(value: number, lang: Lang, decimals: number): string {
  return new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** A number followed by its unit: "45 %" / "45%", "18 woningen". */
export function withUnit(formatted: string, unit: string, lang: Lang): string {
  if (!unit) return formatted;
  if (unit === '%') return lang === 'nl' ? `${formatted}\u202f%` : `${formatted}%`;
  return `${formatted}\u00a0${unit}`;
}

/** An ISO date (2020-12-31) as people in `lang` write it. */
export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}
