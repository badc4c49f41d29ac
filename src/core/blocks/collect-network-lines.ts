import type { Areal, Feature, LineString, MultiLineString, XY } from '../types.ts';
import { UserError } from '../user-error.ts';
import type { EdgeKind } from './block-types.ts';

/** One input polyline, cropped, with its kind and highway class. */
export interface SourceLine {
  coords: XY[];
  kind: EdgeKind;
  highway: string | null;
}

type LineFeature = Feature<LineString | MultiLineString>;

/**
 * Turns the input features into plain polylines for noding:
 * - MultiLineStrings are split into their parts; consecutive duplicate positions are removed;
 * - rail features are kept only when their `railway` (OSM tag) or `type` (extract field) is in
 *   `railTypes`, water features only when their `waterway`/`type` is in `waterTypes`; features
 *   with neither property are kept. Left-out features are counted in `skipped` as `rail:<type>`;
 * - features with null or non-LineString geometry or non-finite coordinates are counted as
 *   `<input>:null-geometry` / `<input>:invalid-geometry` and left out; street features tagged
 *   `route=ferry` (a ferry crossing is not a street) are counted as `streets:ferry`;
 * - when most street features carry an OSM `highway` class (an OpenStreetMap extract), the ones
 *   without it are not streets (tile frames, ferry routes, admin lines exported with the roads) and
 *   are counted as `streets:no-highway`; a street file without any `highway` field is used whole;
 * - lines are cropped to the area's bounding box grown by `cropMargin`: only runs of segments
 *   whose bounding box touches that box are kept (nothing outside it can bound a block);
 * - every ring of the area becomes a closed line of kind 'area'.
 *
 * @param input - streets, rail, optional water, study area (planar metres)
 * @param options - cropMargin (m), railTypes, waterTypes
 * @returns polylines and counts of left-out features
 * @throws UserError when the area is not a Polygon or MultiPolygon
 */
export function collectNetworkLines(
  input: { streets: LineFeature[]; rail: LineFeature[]; water?: LineFeature[]; area: Feature<Areal> },
  options: { cropMargin: number; railTypes: string[]; waterTypes: string[] },
): { lines: SourceLine[]; skipped: Record<string, number>; bbox: [number, number, number, number] } {
  const geom = input.area?.geometry;
  if (!geom || (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon')) {
    throw new UserError(`blocks: expected the study area to be a Polygon or MultiPolygon feature, found ${geom ? (geom as { type: string }).type : 'no geometry'}. Pass the area polygon (reprojected to metres).`);
  }
  const polygons = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const rings of polygons) for (const ring of rings) for (const p of ring) {
    minX = Math.min(minX, p[0]);
    minY = Math.min(minY, p[1]);
    maxX = Math.max(maxX, p[0]);
    maxY = Math.max(maxY, p[1]);
  }
  if (!Number.isFinite(minX)) throw new UserError('blocks: the study area has no coordinates. Pass a non-empty area polygon.');
  if (Math.max(Math.abs(minX), Math.abs(maxX), Math.abs(minY), Math.abs(maxY)) <= 180 && maxX - minX < 5) {
    throw new UserError('blocks: the study area looks like longitude/latitude degrees; expected planar metres (e.g. EPSG:31370). Reproject before deriving blocks.');
  }
  const m = options.cropMargin;
  const box = [minX - m, minY - m, maxX + m, maxY + m] as const;
  const skipped: Record<string, number> = {};
  const skip = (key: string) => (skipped[key] = (skipped[key] ?? 0) + 1);
  const lines: SourceLine[] = [];

  const streetsWithClass = input.streets.filter((f) => typeof f?.properties?.highway === 'string').length;
  const requireHighway = streetsWithClass * 2 > input.streets.length;

  const addFeatures = (features: LineFeature[] | undefined, kind: EdgeKind, name: string, types: string[] | null, typeKeys: string[]) => {
    for (const f of features ?? []) {
      const g = f?.geometry;
      if (!g) {
        skip(`${name}:null-geometry`);
        continue;
      }
      if (g.type !== 'LineString' && g.type !== 'MultiLineString') {
        skip(`${name}:invalid-geometry`);
        continue;
      }
      const props = f.properties ?? {};
      if (kind === 'street' && props.route === 'ferry') {
        skip('streets:ferry');
        continue;
      }
      if (kind === 'street' && requireHighway && typeof props.highway !== 'string') {
        skip('streets:no-highway');
        continue;
      }
      if (types) {
        const key = typeKeys.find((k) => typeof props[k] === 'string');
        const t = key ? (props[key] as string) : null;
        if (t !== null && !types.includes(t)) {
          skip(`${name}:${t}`);
          continue;
        }
      }
      const highway = kind === 'street' && typeof props.highway === 'string' ? props.highway : null;
      const parts = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
      if (parts.some((part) => part.some((p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1])))) {
        skip(`${name}:invalid-geometry`);
        continue;
      }
      for (const part of parts) for (const run of cropRuns(part, box)) lines.push({ coords: run, kind, highway });
    }
  };
  addFeatures(input.streets, 'street', 'streets', null, []);
  addFeatures(input.rail, 'rail', 'rail', options.railTypes, ['railway', 'type']);
  addFeatures(input.water, 'water', 'water', options.waterTypes, ['waterway', 'type']);
  for (const rings of polygons) {
    for (const ring of rings) {
      const coords = dedupe(ring);
      if (coords.length < 3) continue;
      const first = coords[0];
      const last = coords[coords.length - 1];
      if (first[0] !== last[0] || first[1] !== last[1]) coords.push([first[0], first[1]]);
      lines.push({ coords, kind: 'area', highway: null });
    }
  }
  return { lines, skipped, bbox: [minX, minY, maxX, maxY] };
}

function dedupe(coords: number[][]): XY[] {
  const out: XY[] = [];
  for (const p of coords) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push([p[0], p[1]]);
  }
  return out;
}

/** Runs of consecutive segments whose bounding box touches `box`. */
function cropRuns(coords: number[][], box: readonly [number, number, number, number]): XY[][] {
  const pts = dedupe(coords);
  const runs: XY[][] = [];
  let run: XY[] = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const [ax, ay] = pts[i];
    const [bx, by] = pts[i + 1];
    const touches = Math.max(ax, bx) >= box[0] && Math.min(ax, bx) <= box[2] && Math.max(ay, by) >= box[1] && Math.min(ay, by) <= box[3];
    if (touches) {
      if (run.length === 0) run.push(pts[i]);
      run.push(pts[i + 1]);
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 1) runs.push(run);
  return runs;
}
