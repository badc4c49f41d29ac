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
  theme_id: 'Identificatie',
  theme_meta: 'Identificatie',
  classification: 'Indeling',
  method: 'Methode',
  method_quantile: 'Kwantielen',
  method_equal: 'Gelijke intervallen',
  method_jenks: 'Natuurlijke grenzen (Jenks)',
  method_stddev: 'Standaardafwijkingen',
  method_box: 'Boxkaart (uitschieters)',
  method_manual: 'Eigen grenzen',
  classes: 'Klassen',
  palette: 'Kleuren',
  paletteSequential: 'Oplopend',
  paletteDiverging: 'Uiteenlopend',
  paletteAuto: 'Automatisch ({scheme})',
  reverse: 'Kleuren omkeren',
  lockBreaks: 'Klassengrenzen vastzetten',
  lockBreaksHint: 'Dezelfde waarde houdt dezelfde kleur, ook met filters of andere gegevens.',
  manualBreaks: 'Grenzen (gescheiden door ;)',
  manualBreaksInvalid: 'Geef oplopende getallen, gescheiden door ; (bv. 20; 40; 60).',
  box_0: 'uitschieter laag',
  box_1: '< 25 %',
  box_2: '25–50 %',
  box_3: '50–75 %',
  box_4: '> 75 %',
  box_5: 'uitschieter hoog',
  legendFiltered: 'Filter actief: {shown} van {total} blokken getoond',
  legendBelow: 'minder dan {value}',
  legendFrom: '{value} of meer',
  tooltipRank: 'rang {rank} van {total}',
  layers: 'Lagen',
  layerVisible: '{layer} tonen',
  layerOpacity: 'Dekking {layer}',
  layerUp: '{layer} hoger leggen',
  layerDown: '{layer} lager leggen',
  basemap: 'Achtergrondkaart ({name})',
  basemapNote: 'Haalt kaarttegels op via internet.',
  filters: 'Filters',
  filterAdd: 'Bereikfilter toevoegen',
  filterField: 'Veld',
  filterMin: 'van',
  filterMax: 'tot',
  filterRemove: 'Filter verwijderen',
  filterClear: 'Alle filters wissen',
  filterCategories: '{field}',
  filterNone: 'Geen filters. Elk blok telt mee.',
  table: 'Tabel',
  tableShow: 'Tabel tonen',
  tableHide: 'Tabel verbergen',
  tableSearch: 'Zoek bouwblok',
  tableCount: '{shown} van {total} blokken',
  tableTruncated: 'De eerste {shown} rijen worden getoond; verfijn met filters.',
  tableSort: 'Sorteer op {column}',
  exportCsv: 'CSV (Excel)',
  exportGeoJson: 'GeoJSON',
  exportLabel: 'Exporteer de gefilterde tabel',
  blockPanelTitle: 'Bouwblok {id}',
  close: 'Sluiten',
  chartTitle: '{theme}: bouwblok tegenover de mediaan van de wijk',
  chartBlock: 'dit blok',
  chartMedian: 'mediaan wijk',
  value_yes: 'ja',
  value_no: 'nee',
  panels: 'Analyses',
  loadingPart: 'Laden…',
  skipToControls: 'Naar de bediening',
  blockIdLabel: 'Bouwblok',
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
  theme_id: 'Identification',
  theme_meta: 'Identification',
  classification: 'Classification',
  method: 'Method',
  method_quantile: 'Quantiles',
  method_equal: 'Equal intervals',
  method_jenks: 'Natural breaks (Jenks)',
  method_stddev: 'Standard deviations',
  method_box: 'Box map (outliers)',
  method_manual: 'Manual breaks',
  classes: 'Classes',
  palette: 'Colours',
  paletteSequential: 'Sequential',
  paletteDiverging: 'Diverging',
  paletteAuto: 'Automatic ({scheme})',
  reverse: 'Reverse colours',
  lockBreaks: 'Lock class breaks',
  lockBreaksHint: 'The same value keeps the same colour, also with filters or other data.',
  manualBreaks: 'Breaks (separated by ;)',
  manualBreaksInvalid: 'Enter ascending numbers separated by ; (e.g. 20; 40; 60).',
  box_0: 'low outlier',
  box_1: '< 25%',
  box_2: '25–50%',
  box_3: '50–75%',
  box_4: '> 75%',
  box_5: 'high outlier',
  legendFiltered: 'Filter on: {shown} of {total} blocks shown',
  legendBelow: 'below {value}',
  legendFrom: '{value} or more',
  tooltipRank: 'rank {rank} of {total}',
  layers: 'Layers',
  layerVisible: 'Show {layer}',
  layerOpacity: 'Opacity {layer}',
  layerUp: 'Move {layer} up',
  layerDown: 'Move {layer} down',
  basemap: 'Basemap ({name})',
  basemapNote: 'Fetches map tiles over the internet.',
  filters: 'Filters',
  filterAdd: 'Add range filter',
  filterField: 'Field',
  filterMin: 'from',
  filterMax: 'to',
  filterRemove: 'Remove filter',
  filterClear: 'Clear all filters',
  filterCategories: '{field}',
  filterNone: 'No filters. Every block counts.',
  table: 'Table',
  tableShow: 'Show table',
  tableHide: 'Hide table',
  tableSearch: 'Search block',
  tableCount: '{shown} of {total} blocks',
  tableTruncated: 'The first {shown} rows are shown; narrow down with filters.',
  tableSort: 'Sort by {column}',
  exportCsv: 'CSV (Excel)',
  exportGeoJson: 'GeoJSON',
  exportLabel: 'Export the filtered table',
  blockPanelTitle: 'Street block {id}',
  close: 'Close',
  chartTitle: '{theme}: block against the neighbourhood median',
  chartBlock: 'this block',
  chartMedian: 'neighbourhood median',
  value_yes: 'yes',
  value_no: 'no',
  panels: 'Analyses',
  loadingPart: 'Loading…',
  skipToControls: 'Skip to the controls',
  blockIdLabel: 'Street block',
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
