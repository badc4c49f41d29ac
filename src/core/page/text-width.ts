import { CODE_POINTS, DEJAVU_UNITS_PER_EM, DEJAVU_WIDTHS } from './dejavu-widths.ts';
import { MM_PER_PT } from './page-model.ts';

const NORMAL = new Map<number, number>();
const BOLD = new Map<number, number>();
CODE_POINTS.forEach((cp, i) => {
  NORMAL.set(cp, DEJAVU_WIDTHS.normal[i]);
  BOLD.set(cp, DEJAVU_WIDTHS.bold[i]);
});
/** Width used for a character outside the table (about the width of a digit). */
const FALLBACK = 1303;

/**
 * Width in mm of a one-line text in DejaVu Sans, the font every page writer embeds. Sums advance
 * widths (no kerning, so real widths are at most a few per cent smaller): enough for layout.
 *
 * @param text - the text
 * @param sizePt - font size in points
 * @param weight - 'normal' or 'bold'
 * @returns width in mm
 * @example
 * textWidth('Legende', 9); // ≈ 13.7
 */
export function textWidth(text: string, sizePt: number, weight: 'normal' | 'bold' = 'normal'): number {
  const table = weight === 'bold' ? BOLD : NORMAL;
  let units = 0;
  for (const ch of text) units += table.get(ch.codePointAt(0)!) ?? FALLBACK;
  return (units / DEJAVU_UNITS_PER_EM) * sizePt * MM_PER_PT;
}
