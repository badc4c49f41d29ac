import { schemeBrBG, schemePiYG, schemePRGn, schemePuOr, schemeRdBu, schemeRdYlBu } from 'd3';
import type { RGB } from './sequential-palette.ts';

/** ColorBrewer diverging schemes marked colour-blind safe (the others, e.g. RdYlGn and Spectral, are not offered). */
export type DivergingScheme = 'RdBu' | 'PuOr' | 'BrBG' | 'PiYG' | 'PRGn' | 'RdYlBu';

const SCHEMES: Record<DivergingScheme, ReadonlyArray<ReadonlyArray<string>>> = {
  RdBu: schemeRdBu,
  PuOr: schemePuOr,
  BrBG: schemeBrBG,
  PiYG: schemePiYG,
  PRGn: schemePRGn,
  RdYlBu: schemeRdYlBu,
};

/** Whether `name` is one of the {@link DivergingScheme}s. */
export function isDivergingScheme(name: string): name is DivergingScheme {
  return Object.hasOwn(SCHEMES, name);
}

/**
 * The colours of a ColorBrewer diverging scheme for `classes` classes, in ColorBrewer order (e.g. RdBu
 * runs from red to blue). 3 to 11 classes come from ColorBrewer; for 1 or 2 classes the middle or the
 * two ends of the 3-class scheme are used.
 *
 * @param scheme - scheme name, e.g. 'RdBu'
 * @param classes - number of classes, 1 … 11
 * @returns `classes` RGB triples
 * @example
 * divergingPalette('RdBu', 3); // [[239, 138, 98], [247, 247, 247], [103, 169, 207]]
 */
export function divergingPalette(scheme: DivergingScheme, classes: number): RGB[] {
  const table = SCHEMES[scheme];
  if (!table) throw new RangeError(`divergingPalette: unknown scheme "${scheme}"; expected one of ${Object.keys(SCHEMES).join(', ')}.`);
  if (!Number.isInteger(classes) || classes < 1 || classes > 11) {
    throw new RangeError(`divergingPalette: expected 1 to 11 classes, found ${classes}.`);
  }
  const hex = classes >= 3 ? table[classes] : classes === 2 ? [table[3][0], table[3][2]] : [table[3][1]];
  return hex.map((h) => {
    const n = Number.parseInt(h.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255] as RGB;
  });
}
