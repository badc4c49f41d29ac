// Small builders of page items shared by the page parts.
import { round } from './geometry-path.ts';
import type { Rect } from './fit-map-projection.ts';
import type { PagePath, PageStyle, PageText } from './page-model.ts';

/** An RGB triple as a CSS hex colour. */
export function hexColour(rgb: readonly [number, number, number]): string {
  return '#' + rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');
}

/** Path data of an axis-aligned rectangle. */
export function rectD(r: Rect): string {
  return `M${round(r.x)} ${round(r.y)}H${round(r.x + r.width)}V${round(r.y + r.height)}H${round(r.x)}Z`;
}

/** A rectangle item. */
export function rectItem(r: Rect, style: PageStyle, id?: string): PagePath {
  return { kind: 'path', d: rectD(r), ...style, ...(id ? { id } : {}) };
}

/** A text item (baseline at y). */
export function textItem(x: number, y: number, text: string, size: number, extra: Partial<PageText> = {}): PageText {
  return { kind: 'text', x: Number(round(x)), y: Number(round(y)), text, size, fill: '#1a1a1a', ...extra };
}

/** Line height in mm for a font size in points (1.25 em). */
export function lineHeight(sizePt: number): number {
  return sizePt * (25.4 / 72) * 1.25;
}
