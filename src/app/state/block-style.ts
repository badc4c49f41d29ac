// Colours of the blocks for one indicator: quantile classes (src/core/classify) mapped onto a
// ColorBrewer sequential palette chosen by the indicator's theme. Computed once per indicator so the
// deck.gl accessor only looks a colour up.
import type { Feature } from 'geojson';
import { NO_DATA_RGB, quantileClasses, sequentialPalette, type Classification, type RGB, type SequentialScheme } from '../../core/classify/index.ts';

export type RGBA = [number, number, number, number];

/** Palette per indicator theme (schemes that stay far from the no-data grey); YlOrRd for anything else. */
const THEME_SCHEMES: Record<string, SequentialScheme> = {
  housing: 'YlOrRd',
  tenure: 'YlGnBu',
  green: 'YlGn',
  safety: 'YlOrBr',
  survey: 'GnBu',
};

/** Number of quantile classes on the map. */
export const CLASS_COUNT = 5;

export interface BlockStyle {
  field: string;
  classification: Classification;
  /** One colour per class, lightest first. */
  palette: RGB[];
  /** Fill colour per block, in feature order. */
  fillColors: RGBA[];
}

/** The numeric value of a property, or null (missing, null, or not a number). */
export function numericValue(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Classify `features` by the property `field` and colour each one. */
export function blockStyle(features: readonly Feature[], field: string, theme?: string): BlockStyle {
  const values = features.map((f) => numericValue(f.properties?.[field]));
  const classification = quantileClasses(values, { classes: CLASS_COUNT });
  const palette = classification.bins.length > 0 ? sequentialPalette(THEME_SCHEMES[theme ?? ''] ?? 'YlOrRd', classification.bins.length) : [];
  const fillColors = Array.from(classification.indices, (k): RGBA => [...(k < 0 ? NO_DATA_RGB : palette[k]), 255]);
  return { field, classification, palette, fillColors };
}
