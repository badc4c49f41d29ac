import { divergingPalette, isDivergingScheme, type DivergingScheme } from './diverging-palette.ts';
import { sequentialPalette, type RGB, type SequentialScheme } from './sequential-palette.ts';

/** Any scheme the atlas offers. */
export type PaletteScheme = SequentialScheme | DivergingScheme;

export const SEQUENTIAL_SCHEMES: readonly SequentialScheme[] = ['YlOrRd', 'YlOrBr', 'YlGn', 'YlGnBu', 'GnBu', 'OrRd', 'Greens', 'Blues', 'Purples'];
export const DIVERGING_SCHEMES: readonly DivergingScheme[] = ['RdBu', 'PuOr', 'BrBG', 'PiYG', 'PRGn', 'RdYlBu'];

/** Options of {@link classPalette}. */
export interface ClassPaletteOptions {
  /** Run the colours the other way (for indicators where high is good). @default false */
  reverse?: boolean;
}

/**
 * The colours for `classes` classes of a sequential or diverging ColorBrewer scheme, class 0 first.
 *
 * @param scheme - e.g. 'YlOrRd' (sequential) or 'RdBu' (diverging)
 * @param classes - 1 … 9
 * @param options - see {@link ClassPaletteOptions}
 * @returns `classes` RGB triples
 * @example
 * classPalette('YlOrRd', 3, { reverse: true })[0]; // [240, 59, 32] (the darkest first)
 */
export function classPalette(scheme: PaletteScheme, classes: number, options: ClassPaletteOptions = {}): RGB[] {
  if (!Number.isInteger(classes) || classes < 1 || classes > 9) throw new RangeError(`classPalette: expected 1 to 9 classes, found ${classes}.`);
  const colours = isDivergingScheme(scheme) ? divergingPalette(scheme, classes) : sequentialPalette(scheme, classes);
  return options.reverse ? colours.reverse() : colours;
}
