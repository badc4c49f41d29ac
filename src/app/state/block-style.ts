// Colours of the blocks for one indicator: classes from src/core/classify on a ColorBrewer palette,
// computed once per indicator/classification so the deck.gl accessor only reads a precomputed colour.
import type { Feature } from 'geojson';
import {
  classColors,
  classifyValues,
  classPalette,
  isDivergingScheme,
  rankValues,
  type ClassificationMethod,
  type MethodClassification,
  type PaletteScheme,
  type RGB,
  type SequentialScheme,
} from '../../core/classify/index.ts';

/** Sequential palette per indicator theme (schemes that stay far from the no-data grey); YlOrRd for anything else. */
const THEME_SCHEMES: Record<string, SequentialScheme> = {
  housing: 'YlOrRd',
  tenure: 'YlGnBu',
  green: 'YlGn',
  safety: 'YlOrBr',
  survey: 'GnBu',
};

/** Diverging palette for the methods centred on the middle of the data (standard deviations, box map). */
const DIVERGING_DEFAULT: PaletteScheme = 'PuOr';

/** Number of classes at start. */
export const CLASS_COUNT = 5;

/** How the mapped indicator is classified and coloured. */
export interface StyleChoice {
  method: ClassificationMethod;
  classes: number;
  /** null = automatic: the theme's sequential scheme, or a diverging one for stddev/box. */
  scheme: PaletteScheme | null;
  reverse: boolean;
  /** Locked or manual thresholds; null = computed from the data. */
  breaks: number[] | null;
}

export const DEFAULT_STYLE: StyleChoice = { method: 'quantile', classes: CLASS_COUNT, scheme: null, reverse: false, breaks: null };

/** The scheme used when the user has not chosen one. */
export function autoScheme(theme: string | undefined, method: ClassificationMethod): PaletteScheme {
  return method === 'stddev' || method === 'box' ? DIVERGING_DEFAULT : (THEME_SCHEMES[theme ?? ''] ?? 'YlOrRd');
}

/** The numeric value of a property, or null (missing, null, or not a number). */
export function numericValue(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The values of `field`, one per feature. */
export function blockValues(features: readonly Feature[], field: string): (number | null)[] {
  return features.map((f) => numericValue(f.properties?.[field]));
}

export interface BlockClasses {
  field: string;
  classification: MethodClassification;
  /** One colour per class. */
  palette: RGB[];
  scheme: PaletteScheme;
  /** Rank per block (1 = highest, 0 = no data), and how many are ranked. */
  ranks: Int32Array;
  ranked: number;
}

/** Classify the values of one indicator and pick the palette. */
export function blockClasses(values: readonly (number | null)[], field: string, theme: string | undefined, choice: StyleChoice): BlockClasses {
  const classification = classifyValues(values, {
    method: choice.method,
    classes: choice.classes,
    breaks: choice.breaks ?? undefined,
  });
  let scheme = choice.scheme ?? autoScheme(theme, choice.method);
  const n = classification.bins.length;
  // diverging schemes need the data to have a middle; sequential ones go up to 9 classes
  if (n > 9 && !isDivergingScheme(scheme)) scheme = DIVERGING_DEFAULT;
  const palette = n > 0 ? classPalette(scheme, Math.min(n, 9), { reverse: choice.reverse }) : [];
  const ranks = rankValues(values);
  let ranked = 0;
  for (const r of ranks) if (r > 0) ranked++;
  return { field, classification, palette, scheme, ranks, ranked };
}

/** Class counts among the blocks that pass `mask` (all when null). */
export function shownCounts(classes: BlockClasses, mask: Uint8Array | null): { counts: number[]; noData: number; shown: number } {
  const counts = new Array<number>(classes.classification.bins.length).fill(0);
  let noData = 0;
  let shown = 0;
  const idx = classes.classification.indices;
  for (let i = 0; i < idx.length; i++) {
    if (mask && !mask[i]) continue;
    shown++;
    if (idx[i] < 0) noData++;
    else counts[idx[i]]++;
  }
  return { counts, noData, shown };
}

/** Fill colour per block (flat RGBA), faded where the filters leave a block out. */
export function blockColors(classes: BlockClasses, mask: Uint8Array | null): Uint8Array {
  return classColors(classes.classification.indices, classes.palette, { mask: mask ?? undefined });
}
