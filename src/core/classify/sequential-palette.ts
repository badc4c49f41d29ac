import { schemeBlues, schemeGnBu, schemeGreens, schemeOrRd, schemePurples, schemeYlGn, schemeYlGnBu, schemeYlOrBr, schemeYlOrRd } from 'd3';

/** An sRGB colour as deck.gl takes it. */
export type RGB = [number, number, number];

/** ColorBrewer sequential schemes offered by the atlas (all colour-blind safe). */
export type SequentialScheme = 'YlOrRd' | 'YlOrBr' | 'YlGn' | 'YlGnBu' | 'GnBu' | 'OrRd' | 'Greens' | 'Blues' | 'Purples';

/** Colour of "no data / suppressed": a neutral mid grey. It is
 * far (CIELAB ΔE ≥ 20) from every class of the schemes that start in yellow (YlOrRd, YlOrBr, YlGn, YlGnBu) and
 * of GnBu and OrRd; Blues and Purples come closer (ΔE ≈ 14), so prefer the former for maps with gaps. */
export const NO_DATA_RGB: RGB = [189, 189, 189];

const SCHEMES: Record<SequentialScheme, ReadonlyArray<ReadonlyArray<string>>> = {
  YlOrRd: schemeYlOrRd,
  YlOrBr: schemeYlOrBr,
  YlGn: schemeYlGn,
  YlGnBu: schemeYlGnBu,
  GnBu: schemeGnBu,
  OrRd: schemeOrRd,
  Greens: schemeGreens,
  Blues: schemeBlues,
  Purples: schemePurples,
};

/**
 * The colours of a ColorBrewer sequential scheme for `classes` classes, lightest first.
 * ColorBrewer defines 3 to 9 classes; for 1 or 2 classes the light and dark ends of the 3-class
 * scheme are used so that the classes stay far apart.
 *
 * @param scheme - scheme name, e.g. 'YlOrRd'
 * @param classes - number of classes, 1 … 9
 * @returns `classes` RGB triples
 * @example
 * sequentialPalette('YlOrRd', 5)[0]; // [255, 255, 178]
 */
export function sequentialPalette(scheme: SequentialScheme, classes: number): RGB[] {
  const table = SCHEMES[scheme];
  if (!table) throw new RangeError(`sequentialPalette: unknown scheme "${scheme}"; expected one of ${Object.keys(SCHEMES).join(', ')}.`);
  if (!Number.isInteger(classes) || classes < 1 || classes > 9) {
    throw new RangeError(`sequentialPalette: expected 1 to 9 classes, found ${classes}.`);
  }
  const hex = classes >= 3 ? table[classes] : classes === 2 ? [table[3][0], table[3][2]] : [table[3][1]];
  return hex.map(hexToRgb);
}

function hexToRgb(hex: string): RGB {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
