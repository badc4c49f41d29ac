import type { FittedProjection, Rect } from './fit-map-projection.ts';
import type { PageGroup, PageItem } from './page-model.ts';
import { rectItem, textItem } from './page-shapes.ts';
import { formatPageNumber, formatScaleDenominator, pageText, type PageLang } from './page-strings.ts';
import { textWidth } from './text-width.ts';

/** The length of a scale bar: metres shown and mm on paper. */
export interface ScaleBarLength {
  metres: number;
  mm: number;
  /** Label of the right end, e.g. '200 m' or '1 km'. */
  label: string;
}

/**
 * The longest "nice" ground length (1, 2 or 5 × 10ⁿ metres) whose bar is at most `maxMm` long.
 *
 * @param metresPerMm - ground metres per mm of paper (from the fitted projection)
 * @param maxMm - longest bar allowed on paper
 * @returns metres, mm and label
 * @example
 * scaleBarLength(12.5, 40, 'nl'); // { metres: 500, mm: 40, label: '500 m' }
 */
export function scaleBarLength(metresPerMm: number, maxMm: number, lang: PageLang = 'nl'): ScaleBarLength {
  if (!(metresPerMm > 0) || !(maxMm > 0)) throw new RangeError(`scaleBarLength: expected positive numbers, found ${metresPerMm}, ${maxMm}.`);
  const max = metresPerMm * maxMm;
  const p = 10 ** Math.floor(Math.log10(max));
  const metres = [5, 2, 1].map((s) => s * p).find((m) => m <= max * (1 + 1e-9)) ?? p;
  return { metres, mm: metres / metresPerMm, label: distanceLabel(metres, lang) };
}

function distanceLabel(metres: number, lang: PageLang): string {
  if (metres >= 1000) return `${formatPageNumber(metres / 1000, lang, metres % 1000 === 0 ? 0 : 1)} km`;
  return `${formatPageNumber(metres, lang, metres < 1 ? 2 : 0)} m`;
}

/**
 * A scale bar in the lower-left corner of the map frame: four alternating segments, labels at 0, half
 * and the full length, and the scale "1:12 500" at the centre of the map, on a white box.
 *
 * @returns the group (role `scale-bar`) and the bar length
 */
export function drawScaleBar(proj: FittedProjection, lang: PageLang, typeScale = 1): { item: PageGroup; length: ScaleBarLength; box: Rect } {
  const f = proj.frame;
  const length = scaleBarLength(proj.metresPerMm, Math.min(45 * typeScale, f.width * 0.3), lang);
  const size = 6.5 * typeScale;
  const pad = 2.2;
  const barH = 1.5 * typeScale;
  const half = distanceLabel(length.metres / 2, lang).replace(/ (k?m)$/, '');
  const scaleLabel = pageText(lang, 'scale', { denominator: formatScaleDenominator(proj.scaleDenominator) });
  const labelW = textWidth(length.label, size);
  const boxW = Math.max(length.mm + labelW / 2 + 2 * pad + 1, textWidth(scaleLabel, size) + 2 * pad);
  const boxH = pad + size * 0.3528 + 1.2 + barH + 1.4 + size * 0.3528 + pad;
  const x0 = f.x + 4;
  const y0 = f.y + f.height - 4 - boxH;
  const bx = x0 + pad + 1;
  const labelY = y0 + pad + size * 0.3528 * 0.8;
  const barY = labelY + 1.2;
  const items: PageItem[] = [rectItem({ x: x0, y: y0, width: boxW, height: boxH }, { fill: '#ffffff', fillOpacity: 0.88, stroke: '#999999', strokeWidth: 0.15 })];
  const seg = length.mm / 4;
  for (let i = 0; i < 4; i++) {
    items.push(rectItem({ x: bx + i * seg, y: barY, width: seg, height: barH }, { fill: i % 2 === 0 ? '#1a1a1a' : '#ffffff', stroke: '#1a1a1a', strokeWidth: 0.15 }));
  }
  items.push(textItem(bx, labelY, '0', size, { anchor: 'middle' }));
  items.push(textItem(bx + length.mm / 2, labelY, half, size, { anchor: 'middle' }));
  items.push(textItem(bx + length.mm, labelY, length.label, size, { anchor: 'middle', id: 'scale-bar-label' }));
  items.push(textItem(x0 + pad, barY + barH + 1.4 + size * 0.3528 * 0.8, scaleLabel, size));
  return { item: { kind: 'group', role: 'scale-bar', items }, length, box: { x: x0, y: y0, width: boxW, height: boxH } };
}
