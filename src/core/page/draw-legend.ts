import type { Rect } from './fit-map-projection.ts';
import type { PageGroup, PageItem } from './page-model.ts';
import { lineHeight, rectItem, textItem } from './page-shapes.ts';
import { formatPageNumber, legendDecimals, pageText, type PageLang, type PageMessage } from './page-strings.ts';
import type { Thematic } from './prepare-thematic.ts';
import { textWidth } from './text-width.ts';
import { ellipsize, wrapText } from './wrap-text.ts';

const METHOD_TEXT: Record<Thematic['method'], PageMessage> = { quantile: 'methodQuantile', equal: 'methodEqual', jenks: 'methodJenks', manual: 'methodManual' };

/** One legend row as printed (for tests and the render check). */
export interface LegendRow {
  label: string;
  colour: string;
  count: number;
}

/** The class labels of a thematic legend ("12,5 – 40,0") with colours and counts, no-data last. */
export function legendRows(thematic: Thematic, lang: PageLang): LegendRow[] {
  const { bins, noData } = thematic.classification;
  const decimals = legendDecimals(bins.flatMap((b) => [b.from, b.to]));
  const fmt = (v: number) => formatPageNumber(v, lang, decimals);
  const rows = bins.map((b, i) => ({ label: bins.length === 1 && b.from === b.to ? fmt(b.from) : `${fmt(b.from)} – ${fmt(b.to)}`, colour: thematic.palette[i], count: b.count }));
  rows.push({ label: pageText(lang, 'noData'), colour: thematic.noDataColour, count: noData });
  return rows;
}

function countText(count: number, blocks: boolean, lang: PageLang): string {
  if (!blocks) return formatPageNumber(count, lang, 0);
  return count === 1 ? pageText(lang, 'countOne') : pageText(lang, 'count', { count: formatPageNumber(count, lang, 0) });
}

/**
 * The legend: indicator and unit, the classification method, one row per class (swatch, bounds, count)
 * and a separate "geen gegevens / onderdrukt" row.
 *
 * @param thematic - the classified layer
 * @param box - where it may go (top-left, width; height is a limit)
 * @returns a group with role `legend` and the height it uses
 */
export function drawLegend(thematic: Thematic, box: Rect, lang: PageLang, typeScale = 1): { item: PageGroup; height: number } {
  const items: PageItem[] = [];
  const heading = 8.5 * typeScale;
  const body = 7.5 * typeScale;
  const small = 6.5 * typeScale;
  let y = box.y + heading * 0.3528;
  items.push(textItem(box.x, y, pageText(lang, 'legend'), heading, { weight: 'bold' }));
  y += lineHeight(heading) + 0.6;
  const title = thematic.unit ? `${thematic.label} (${thematic.unit})` : thematic.label;
  for (const line of wrapText(title, box.width, body, 'bold').slice(0, 3)) {
    items.push(textItem(box.x, y, line, body, { weight: 'bold' }));
    y += lineHeight(body);
  }
  const n = thematic.classification.bins.length;
  items.push(textItem(box.x, y, pageText(lang, METHOD_TEXT[thematic.method], { n }), small, { fill: '#4d4d4d' }));
  y += lineHeight(small) + 1.2;
  if (n === 0) {
    for (const line of wrapText(pageText(lang, 'noValues'), box.width, small)) {
      items.push(textItem(box.x, y + small * 0.3528, line, small, { italic: true }));
      y += lineHeight(small);
    }
  }
  const rows = legendRows(thematic, lang);
  const swatchW = 8 * typeScale;
  const swatchH = 4.2 * typeScale;
  const rowH = 5.4 * typeScale;
  const blocks = thematic.layer.kind === 'blocks';
  const countW = Math.max(...rows.map((r) => textWidth(countText(r.count, blocks, lang), body)));
  rows.forEach((row, i) => {
    if (i === rows.length - 1) y += 1.6 * typeScale;
    items.push(rectItem({ x: box.x, y, width: swatchW, height: swatchH }, { fill: row.colour, stroke: '#7f7f7f', strokeWidth: 0.15 }, `legend-swatch-${i === rows.length - 1 ? 'nodata' : i}`));
    const baseline = y + swatchH / 2 + body * 0.3528 * 0.36;
    const labelMax = box.width - swatchW - 2.5 - countW - 2;
    items.push(textItem(box.x + swatchW + 2.5, baseline, ellipsize(row.label, labelMax, body), body));
    items.push(textItem(box.x + box.width, baseline, countText(row.count, blocks, lang), body, { anchor: 'end', fill: '#4d4d4d' }));
    y += rowH;
  });
  return { item: { kind: 'group', role: 'legend', items }, height: y - box.y };
}
