import type { Feature } from 'geojson';
import { geometryBbox } from './draw-map.ts';
import { fitMapProjection, type FittedProjection, type PageProjectionKind, type Rect } from './fit-map-projection.ts';
import { geometryPath, round } from './geometry-path.ts';
import type { PageGroup, PageItem } from './page-model.ts';
import { lineHeight, rectItem, textItem } from './page-shapes.ts';
import { pageText, type PageLang } from './page-strings.ts';

/** What the locator map shows. */
export interface InsetContent {
  /** The study area (the atlas's area layer); may be empty. */
  area: readonly Feature[];
  /** Features drawn as the light-grey ground (the thematic layer: the blocks). */
  ground: readonly Feature[];
  /** Line layers for context (streets, railways). */
  lines: readonly Feature[];
  /** Fallback extent when area and lines are empty: the atlas bbox. */
  bbox: [number, number, number, number];
  /** Highlighted feature (atlas pages). */
  focus?: Feature;
  /** true: the inset shows the wider context around the area (single map); false: the area itself (atlas pages). */
  wide: boolean;
}

function unionBbox(features: readonly Feature[]): [number, number, number, number] | null {
  let b: [number, number, number, number] | null = null;
  for (const f of features) {
    if (!f.geometry) continue;
    const g = geometryBbox(f.geometry);
    if (!Number.isFinite(g[0])) continue;
    b = b ? [Math.min(b[0], g[0]), Math.min(b[1], g[1]), Math.max(b[2], g[2]), Math.max(b[3], g[3])] : [...g];
  }
  return b;
}

/**
 * Inset locator map: the study area (outlined) among the blocks and the street and railway network,
 * with the extent of the main map as a red rectangle, and on atlas pages the feature shown filled red.
 * There is no city outline in the layers, so "in its city" means the area in a wider frame of the
 * network around it (single map) or the whole area (atlas pages).
 *
 * @returns a group with role `inset` and the height used
 */
export function drawInset(content: InsetContent, main: FittedProjection, box: Rect, kind: PageProjectionKind, lang: PageLang, typeScale = 1): { item: PageGroup; height: number } {
  const heading = 8.5 * typeScale;
  const items: PageItem[] = [textItem(box.x, box.y + heading * 0.3528, pageText(lang, 'inset'), heading, { weight: 'bold' })];
  const top = box.y + lineHeight(heading) + 0.6;
  const frame: Rect = { x: box.x, y: top, width: box.width, height: Math.min(box.width * 0.62, box.height - (top - box.y)) };
  const areaBox = unionBbox(content.area) ?? content.bbox;
  // The main map's extent: its frame corners carried back to longitude/latitude.
  const m = main.frame;
  const corners = [[m.x, m.y], [m.x + m.width, m.y], [m.x + m.width, m.y + m.height], [m.x, m.y + m.height]].map((c) => main.invert(c as [number, number]));
  let extent: [number, number, number, number] = [
    Math.min(areaBox[0], ...corners.map((c) => c[0])),
    Math.min(areaBox[1], ...corners.map((c) => c[1])),
    Math.max(areaBox[2], ...corners.map((c) => c[0])),
    Math.max(areaBox[3], ...corners.map((c) => c[1])),
  ];
  if (content.wide) {
    const around = unionBbox([...content.area, ...content.lines]) ?? extent;
    const span = Math.max(around[2] - around[0], (around[3] - around[1]) * 1.6);
    const grow = span * 0.3;
    extent = [
      Math.min(extent[0], around[0] - grow),
      Math.min(extent[1], around[1] - grow / 1.6),
      Math.max(extent[2], around[2] + grow),
      Math.max(extent[3], around[3] + grow / 1.6),
    ];
  }
  const proj = fitMapProjection(kind, extent, frame, { niceScale: false, padding: 2 });
  const map: PageItem[] = [rectItem(frame, { fill: '#f2f2f2' })];
  for (const f of content.ground) {
    const d = geometryPath(f.geometry, proj.project);
    if (d) map.push({ kind: 'path', d, fill: '#d4d4d4', fillRule: 'evenodd' });
  }
  for (const f of content.lines) {
    const d = geometryPath(f.geometry, proj.project);
    if (d) map.push({ kind: 'path', d, stroke: '#8a8a8a', strokeWidth: 0.2, lineJoin: 'round' });
  }
  for (const f of content.area) {
    const d = geometryPath(f.geometry, proj.project);
    if (d) map.push({ kind: 'path', d, stroke: '#262626', strokeWidth: 0.4, fillRule: 'evenodd', lineJoin: 'round' });
  }
  if (content.focus?.geometry) {
    const d = geometryPath(content.focus.geometry, proj.project);
    if (d) map.push({ kind: 'path', d, fill: '#d7301f', stroke: '#d7301f', strokeWidth: 0.3, fillRule: 'evenodd', id: 'inset-focus' });
  }
  const ring = corners.map((c) => proj.project(c));
  map.push({ kind: 'path', d: 'M' + ring.map(([x, y]) => `${round(x)} ${round(y)}`).join('L') + 'Z', stroke: '#d7301f', strokeWidth: 0.45, id: 'inset-extent' });
  items.push({ kind: 'group', role: 'inset-map', clip: { ...frame }, items: map });
  items.push(rectItem(frame, { stroke: '#333333', strokeWidth: 0.25 }));
  return { item: { kind: 'group', role: 'inset', items }, height: frame.y + frame.height - box.y };
}
