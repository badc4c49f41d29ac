// Text parts of a page: header, footer with sources and dates, note block, figures table, demo watermark.
import type { Rect } from './fit-map-projection.ts';
import { round } from './geometry-path.ts';
import type { PageGroup, PageItem } from './page-model.ts';
import { lineHeight, rectItem, textItem } from './page-shapes.ts';
import { pageText, type PageLang } from './page-strings.ts';
import { textWidth } from './text-width.ts';
import { ellipsize, wrapText } from './wrap-text.ts';

/** Title (shrunk from 16 pt down to 11 pt, then shortened, to fit) and subtitle. */
export function drawHeader(title: string, subtitle: string, box: Rect, typeScale = 1): PageGroup {
  let size = 16 * typeScale;
  while (size > 11 * typeScale && textWidth(title, size, 'bold') > box.width) size -= 0.5;
  const items: PageItem[] = [textItem(box.x, box.y + 5.6 * typeScale, ellipsize(title, box.width, size, 'bold'), size, { weight: 'bold', id: 'title' })];
  if (subtitle) items.push(textItem(box.x, box.y + 11.6 * typeScale, ellipsize(subtitle, box.width, 9.5 * typeScale), 9.5 * typeScale, { fill: '#4d4d4d', id: 'subtitle' }));
  items.push({ kind: 'path', d: `M${round(box.x)} ${round(box.y + box.height)}H${round(box.x + box.width)}`, stroke: '#b3b3b3', strokeWidth: 0.25 });
  return { kind: 'group', role: 'header', items };
}

/** The footer's text lines: the wrapped sources line, then dates and projection. */
export function footerLines(sources: string[], meta: string, width: number, lang: PageLang, typeScale = 1): string[] {
  const size = 6.5 * typeScale;
  return [...wrapText(`${pageText(lang, 'sources')}: ${sources.join('; ')}`, width, size), meta];
}

/** Footer (role `sources`): sources and licences, data date, creation date, projection; page number at the right. */
export function drawFooter(lines: string[], box: Rect, pageLabel: string | undefined, typeScale = 1): PageGroup {
  const size = 6.5 * typeScale;
  const lh = size * (25.4 / 72) * 1.3;
  const items: PageItem[] = [{ kind: 'path', d: `M${round(box.x)} ${round(box.y)}H${round(box.x + box.width)}`, stroke: '#b3b3b3', strokeWidth: 0.25 }];
  lines.forEach((line, i) => items.push(textItem(box.x, box.y + 1 + lh * (i + 0.8), line, size, { fill: '#333333' })));
  if (pageLabel) items.push(textItem(box.x + box.width, box.y + 1 + lh * (lines.length - 0.2), pageLabel, size, { anchor: 'end', fill: '#333333', id: 'page-number' }));
  return { kind: 'group', role: 'sources', items };
}

/** A titled block of wrapped text (role `note`), cut with "…" at `box.height`. */
export function drawNote(heading: string, text: string, box: Rect, typeScale = 1): { item: PageGroup; height: number } {
  const h = 8.5 * typeScale;
  const size = 7.5 * typeScale;
  const pad = 2;
  const lines = wrapText(text, box.width - 2 * pad, size);
  const maxLines = Math.max(1, Math.floor((box.height - 2 * pad - lineHeight(h)) / lineHeight(size)));
  const shown = lines.length > maxLines ? [...lines.slice(0, maxLines - 1), ellipsize(lines[maxLines - 1] + '…', box.width - 2 * pad, size)] : lines;
  const height = 2 * pad + lineHeight(h) + shown.length * lineHeight(size);
  const items: PageItem[] = [rectItem({ x: box.x, y: box.y, width: box.width, height }, { fill: '#f7f7f7', stroke: '#b3b3b3', strokeWidth: 0.2 })];
  items.push(textItem(box.x + pad, box.y + pad + h * 0.3528, heading, h, { weight: 'bold' }));
  shown.forEach((line, i) => items.push(textItem(box.x + pad, box.y + pad + lineHeight(h) + size * 0.3528 + i * lineHeight(size), line, size)));
  return { item: { kind: 'group', role: 'note', items }, height };
}

/** One row of a figures table. */
export interface FigureRow {
  label: string;
  value: string;
  bold?: boolean;
}

/** The figures of one feature (role `figures`): label left, value right; rows that do not fit are counted in a last line. */
export function drawFigures(heading: string, rows: FigureRow[], box: Rect, lang: PageLang, typeScale = 1): { item: PageGroup; height: number } {
  const h = 8.5 * typeScale;
  const size = 7 * typeScale;
  const rowH = lineHeight(size) + 0.5;
  const items: PageItem[] = [textItem(box.x, box.y + h * 0.3528, heading, h, { weight: 'bold' })];
  let y = box.y + lineHeight(h) + 0.8;
  const fit = Math.max(0, Math.floor((box.y + box.height - y) / rowH));
  const shown = rows.length > fit ? rows.slice(0, Math.max(0, fit - 1)) : rows;
  shown.forEach((row, i) => {
    if (i % 2 === 0) items.push(rectItem({ x: box.x, y, width: box.width, height: rowH }, { fill: '#f2f2f2' }));
    const base = y + rowH / 2 + size * 0.3528 * 0.36;
    const valueW = textWidth(row.value, size, row.bold ? 'bold' : 'normal');
    items.push(textItem(box.x + 1, base, ellipsize(row.label, box.width - valueW - 4, size, row.bold ? 'bold' : 'normal'), size, { weight: row.bold ? 'bold' : 'normal' }));
    items.push(textItem(box.x + box.width - 1, base, row.value, size, { anchor: 'end', weight: row.bold ? 'bold' : 'normal' }));
    y += rowH;
  });
  if (shown.length < rows.length) {
    items.push(textItem(box.x + 1, y + size * 0.3528 + 0.4, pageText(lang, 'more', { count: rows.length - shown.length }), size, { italic: true, fill: '#4d4d4d' }));
    y += rowH;
  }
  return { item: { kind: 'group', role: 'figures', items }, height: y - box.y };
}

/**
 * Faint "DEMO — synthetische gegevens" across the top of the map frame (role `watermark`), clear of the
 * north arrow and of the feature in the middle of atlas pages; horizontal, so PDF text extraction reads
 * it as one line.
 */
export function drawWatermark(frame: Rect, lang: PageLang): PageGroup {
  const text = pageText(lang, 'demo');
  let size = 30;
  while (size > 10 && textWidth(text, size, 'bold') > frame.width * 0.7) size -= 1;
  const x = frame.x + frame.width / 2;
  const y = frame.y + 4 + size * 0.3528 * 0.75;
  return { kind: 'group', role: 'watermark', opacity: 0.12, items: [textItem(x, y, text, size, { weight: 'bold', anchor: 'middle', fill: '#000000', id: 'demo-watermark' })] };
}
