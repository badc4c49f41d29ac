/**
 * What CRS a set of coordinates looks like (Belgium-centred ranges), for messages such as
 * "these numbers look like Belgian Lambert 72 metres; declare crs EPSG:31370". A guess is never
 * applied silently: it only goes into error messages and `wijkatlas inspect`.
 */

/** One guess. */
export interface CrsGuess {
  /** CRS to declare ('EPSG:31370'), or null for "swapped latitude/longitude". */
  crs: string | null;
  /** What the numbers look like, e.g. 'Belgian Lambert 72 metres (x≈158650, y≈189990)'. */
  what: string;
}

/**
 * Guess the CRS of a bounding box [minX, minY, maxX, maxY] (or a single position, as a
 * degenerate box) from Belgian and world ranges. The first matching rule wins:
 * longitude/latitude around Belgium, swapped latitude/longitude, Belgian Lambert 72 metres,
 * Belgian Lambert 2008 metres, UTM zone 31N metres, Web Mercator metres, any longitude/latitude.
 *
 * @param bbox - [minX, minY, maxX, maxY] of the coordinates as found
 * @returns the guess, or null when nothing fits
 * @example
 * guessCrsFromBbox([158000, 189000, 159000, 191000])?.crs // 'EPSG:31370'
 */
export function guessCrsFromBbox(bbox: readonly number[]): CrsGuess | null {
  const [x0, y0, x1, y1] = bbox;
  if (![x0, y0, x1, y1].every(Number.isFinite)) return null;
  const within = (a: number, b: number, c: number, d: number) => x0 >= a && x1 <= b && y0 >= c && y1 <= d;
  const mx = Math.round((x0 + x1) / 2);
  const my = Math.round((y0 + y1) / 2);
  const dx = Number(((x0 + x1) / 2).toFixed(5));
  const dy = Number(((y0 + y1) / 2).toFixed(5));
  if (within(2, 7, 49, 52)) return { crs: 'EPSG:4326', what: `longitude/latitude degrees around Belgium (lon≈${dx}, lat≈${dy})` };
  if (within(49, 52, 2, 7)) return { crs: null, what: `latitude/longitude degrees in swapped order (lat≈${dx}, lon≈${dy}); put longitude first (x) and latitude second (y)` };
  if (within(0, 320_000, 0, 320_000) && x1 > 1000 && y1 > 1000) return { crs: 'EPSG:31370', what: `Belgian Lambert 72 metres (x≈${mx}, y≈${my})` };
  if (within(480_000, 830_000, 480_000, 780_000)) return { crs: 'EPSG:3812', what: `Belgian Lambert 2008 metres (x≈${mx}, y≈${my})` };
  if (within(300_000, 850_000, 5_400_000, 5_800_000)) return { crs: 'EPSG:32631', what: `UTM zone 31N metres (x≈${mx}, y≈${my}; EPSG:25831 for ETRS89)` };
  if (within(200_000, 900_000, 6_200_000, 6_800_000)) return { crs: 'EPSG:3857', what: `Web Mercator metres around Belgium (x≈${mx}, y≈${my})` };
  if (within(-180, 180, -90, 90)) return { crs: 'EPSG:4326', what: `longitude/latitude degrees (lon≈${dx}, lat≈${dy}), not in Belgium` };
  return null;
}

/**
 * The guess as a message fragment: 'these numbers look like Belgian Lambert 72 metres (...); declare
 * crs EPSG:31370' or '' when there is no guess.
 *
 * @param bbox - see guessCrsFromBbox
 * @param declare - how to declare a CRS in this context, e.g. 'give --crs' (default 'declare crs')
 * @returns the fragment
 * @example
 * describeCrsGuess([158000, 189000, 159000, 191000], 'give --crs') // 'these numbers look like Belgian Lambert 72 metres (x≈158500, y≈190000); give --crs EPSG:31370'
 */
export function describeCrsGuess(bbox: readonly number[], declare = 'declare crs'): string {
  const guess = guessCrsFromBbox(bbox);
  if (!guess) return '';
  return guess.crs ? `these numbers look like ${guess.what}; ${declare} ${guess.crs}` : `these numbers look like ${guess.what}`;
}
