import type { Rect } from './fit-map-projection.ts';
import { PAPER_MM } from './page-model.ts';

export type Paper = keyof typeof PAPER_MM;
export type Orientation = 'landscape' | 'portrait';

/** Where the parts of a map page go, in mm. */
export interface PageLayout {
  width: number;
  height: number;
  margin: number;
  /** Title and subtitle. */
  header: Rect;
  map: Rect;
  /** Side panel columns (landscape: one to the right of the map; portrait: two below it). */
  panels: Rect[];
  footer: Rect;
  /** Scale factor of type and furniture: 1 on A4, larger on A3. */
  typeScale: number;
}

/** Typographic constants (points), before typeScale. */
export const TYPE = { title: 16, subtitle: 9.5, heading: 8.5, body: 7.5, small: 6.5 } as const;

/**
 * The layout of a map page: margins, header, map frame, panel column(s) and footer.
 *
 * @param paper - 'A4' or 'A3'
 * @param orientation - 'landscape' or 'portrait'
 * @param footerLines - number of text lines the footer needs
 * @returns a {@link PageLayout}
 * @example
 * pageLayout('A4', 'landscape', 2).map; // { x: 10, y: 29, width: 191, height: … }
 */
export function pageLayout(paper: Paper, orientation: Orientation, footerLines: number): PageLayout {
  const size = PAPER_MM[paper];
  if (!size) throw new RangeError(`pageLayout: unknown paper "${String(paper)}"; expected A4 or A3.`);
  if (orientation !== 'landscape' && orientation !== 'portrait') throw new RangeError(`pageLayout: expected orientation landscape or portrait, found "${String(orientation)}".`);
  const landscape = orientation === 'landscape';
  const width = landscape ? size.height : size.width;
  const height = landscape ? size.width : size.height;
  const typeScale = paper === 'A3' ? 1.25 : 1;
  const margin = paper === 'A3' ? 14 : 10;
  const headerHeight = 16 * typeScale;
  const header: Rect = { x: margin, y: margin, width: width - 2 * margin, height: headerHeight };
  const footerLine = 6.5 * typeScale * (25.4 / 72) * 1.3;
  const footerHeight = footerLines * footerLine + 1;
  const footer: Rect = { x: margin, y: height - margin - footerHeight, width: width - 2 * margin, height: footerHeight };
  const top = header.y + header.height + 3;
  const bottom = footer.y - 4;
  const gap = 6;
  if (landscape) {
    const panelWidth = Math.round(width * 0.27);
    const map: Rect = { x: margin, y: top, width: width - 2 * margin - panelWidth - gap, height: bottom - top };
    return { width, height, margin, header, map, panels: [{ x: map.x + map.width + gap, y: top, width: panelWidth, height: bottom - top }], footer, typeScale };
  }
  const mapHeight = Math.round((bottom - top) * 0.64);
  const map: Rect = { x: margin, y: top, width: width - 2 * margin, height: mapHeight };
  const panelTop = top + mapHeight + gap;
  const colWidth = (width - 2 * margin - gap) / 2;
  return {
    width,
    height,
    margin,
    header,
    map,
    panels: [
      { x: margin, y: panelTop, width: colWidth, height: bottom - panelTop },
      { x: margin + colWidth + gap, y: panelTop, width: colWidth, height: bottom - panelTop },
    ],
    footer,
    typeScale,
  };
}
