import type { Feature, Geometry } from 'geojson';
import type { FittedProjection } from './fit-map-projection.ts';
import { geometryPath } from './geometry-path.ts';
import type { PageGroup, PageItem, PagePath } from './page-model.ts';
import { rectItem } from './page-shapes.ts';
import type { Thematic } from './prepare-thematic.ts';

/** A context layer to draw over the thematic one. */
export interface ContextLayer {
  id: string;
  features: readonly Feature[];
}

/** Longitude/latitude box of a geometry, cached per geometry object. */
const BBOX = new WeakMap<object, [number, number, number, number]>();
export function geometryBbox(g: Geometry): [number, number, number, number] {
  const cached = BBOX.get(g);
  if (cached) return cached;
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      if (c[0] < b[0]) b[0] = c[0];
      if (c[1] < b[1]) b[1] = c[1];
      if (c[0] > b[2]) b[2] = c[0];
      if (c[1] > b[3]) b[3] = c[1];
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  if (g.type === 'GeometryCollection') {
    for (const m of g.geometries) {
      const mb = geometryBbox(m);
      walk([[mb[0], mb[1]], [mb[2], mb[3]]]);
    }
  }
  else walk(g.coordinates);
  BBOX.set(g, b);
  return b;
}

/** The longitude/latitude box of the map frame, with a tenth of its width to spare on every side. */
export function frameView(proj: FittedProjection): [number, number, number, number] {
  const f = proj.frame;
  const corners = [proj.invert([f.x, f.y]), proj.invert([f.x + f.width, f.y]), proj.invert([f.x, f.y + f.height]), proj.invert([f.x + f.width, f.y + f.height])];
  const pad = 0.1 * Math.max(...corners.map((c) => c[0])) - 0.1 * Math.min(...corners.map((c) => c[0]));
  return [Math.min(...corners.map((c) => c[0])) - pad, Math.min(...corners.map((c) => c[1])) - pad, Math.max(...corners.map((c) => c[0])) + pad, Math.max(...corners.map((c) => c[1])) + pad];
}

export const overlaps = (a: readonly number[], b: readonly number[]) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/** A safe XML id from a feature key (letters, digits, - _ .), starting with a letter. */
export function itemId(key: unknown): string | undefined {
  if (key === undefined || key === null || key === '') return undefined;
  const s = String(key).replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z_]/.test(s) ? s : `f${s}`;
}

/** Style of a context layer by its id and geometry: railways dashed, other lines grey, polygons outlined. */
function contextPaths(layer: ContextLayer, project: FittedProjection['project'], view: readonly number[]): PageItem[] {
  const items: PageItem[] = [];
  const rail = /rail|spoor/i.test(layer.id);
  for (const f of layer.features) {
    if (!f.geometry || !overlaps(geometryBbox(f.geometry), view)) continue;
    const d = geometryPath(f.geometry, project);
    if (!d) continue;
    const polygon = /Polygon/.test(f.geometry.type);
    if (polygon) items.push({ kind: 'path', d, stroke: '#262626', strokeWidth: 0.45, dash: [2, 1], fillRule: 'evenodd', lineJoin: 'round' });
    else if (rail) {
      items.push({ kind: 'path', d, stroke: '#4d4d4d', strokeWidth: 0.7, lineJoin: 'round' });
      items.push({ kind: 'path', d, stroke: '#ffffff', strokeWidth: 0.35, dash: [1.5, 1.5], lineJoin: 'round' });
    } else items.push({ kind: 'path', d, stroke: '#8f8f8f', strokeWidth: 0.25, lineJoin: 'round', lineCap: 'round' });
  }
  return items;
}

/** Options of {@link drawMap}. */
export interface DrawMapOptions {
  /** Feature outlined as the focus of an atlas page. */
  focus?: Feature;
  /** Name of the property used as SVG id of each thematic feature (e.g. 'block_id'). */
  idField?: string;
}

/**
 * The map frame: white ground, the thematic layer filled with its class colours, context layers over it,
 * the focus outline (atlas pages), all clipped to the frame, then the frame border.
 *
 * @returns the items (a clipped group with role `map` and the border)
 */
export function drawMap(proj: FittedProjection, thematic: Thematic, context: ContextLayer[], options: DrawMapOptions = {}): PageItem[] {
  const f = proj.frame;
  const view = frameView(proj);
  const fills: PagePath[] = [];
  thematic.features.forEach((feature, i) => {
    if (!feature.geometry || !overlaps(geometryBbox(feature.geometry), view)) return;
    const d = geometryPath(feature.geometry, proj.project);
    if (!d) return;
    const id = itemId(options.idField ? feature.properties?.[options.idField] : feature.id);
    fills.push({ kind: 'path', d, fill: thematic.colours[i], stroke: '#ffffff', strokeWidth: 0.15, fillRule: 'evenodd', lineJoin: 'round', ...(id ? { id } : {}) });
  });
  const groups: PageItem[] = [rectItem(f, { fill: '#ffffff' }), { kind: 'group', role: 'thematic', items: fills }];
  for (const layer of context) groups.push({ kind: 'group', role: `context-${layer.id}`, items: contextPaths(layer, proj.project, view) });
  if (options.focus?.geometry) {
    const d = geometryPath(options.focus.geometry, proj.project);
    if (d) {
      groups.push({
        kind: 'group',
        role: 'focus',
        items: [
          { kind: 'path', d, stroke: '#ffffff', strokeWidth: 1.6, fillRule: 'evenodd', lineJoin: 'round' },
          { kind: 'path', d, stroke: '#000000', strokeWidth: 0.8, fillRule: 'evenodd', lineJoin: 'round' },
        ],
      });
    }
  }
  return [
    { kind: 'group', role: 'map', clip: { ...f }, items: groups } satisfies PageGroup,
    rectItem(f, { stroke: '#333333', strokeWidth: 0.3 }),
  ];
}
