import type { Geometry, Position } from 'geojson';
import type { RejectReason } from '../types.ts';
import { ringSignedArea } from '../geometry/ring-signed-area.ts';

/** Which geometry types a join accepts. */
export type AcceptedGeometry = 'point' | 'areal' | 'point-or-areal';

/** Why a geometry cannot be joined. */
export interface GeometryProblem {
  reason: RejectReason;
  detail: string;
}

/**
 * Checks a record's geometry before it is joined and says what is wrong with it, or returns null when it
 * can be used. Checks, in order: null geometry → 'null-geometry'; a type the join does not take or a
 * malformed coordinate structure → 'invalid-geometry'; a coordinate that is not a finite number (NaN,
 * Infinity, null, a string) → 'invalid-coordinates'; a ring with fewer than 3 distinct positions or a
 * polygon whose outer ring has zero area → 'invalid-geometry'. Unclosed rings are accepted (treated as
 * closed). Self-intersections are NOT checked (too costly for every record).
 *
 * @param geometry the record's geometry (may be null or malformed)
 * @param accept 'point' | 'areal' | 'point-or-areal'
 * @returns the problem, or null
 * @example
 * geometryProblem({ type: 'Point', coordinates: [NaN, 1] }, 'point');
 * // { reason: 'invalid-coordinates', detail: 'coordinate [NaN, 1] is not a pair of finite numbers' }
 */
export function geometryProblem(geometry: Geometry | null | undefined, accept: AcceptedGeometry): GeometryProblem | null {
  if (geometry === null || geometry === undefined) return { reason: 'null-geometry', detail: 'the record has no geometry' };
  const type = (geometry as { type?: unknown }).type;
  const wantPoint = accept !== 'areal';
  const wantAreal = accept !== 'point';
  const expected = [wantPoint ? 'Point' : '', wantAreal ? 'Polygon or MultiPolygon' : ''].filter(Boolean).join(' or ');
  const coords: unknown = (geometry as { coordinates?: unknown }).coordinates;
  if (type === 'Point' && wantPoint) return positionProblem(coords);
  if (type === 'Polygon' && wantAreal) return polygonProblem(coords, '');
  if (type === 'MultiPolygon' && wantAreal) {
    if (!Array.isArray(coords) || coords.length === 0) return { reason: 'invalid-geometry', detail: 'the MultiPolygon has no polygons' };
    for (let i = 0; i < coords.length; i++) {
      const p = polygonProblem(coords[i], `polygon ${i}, `);
      if (p) return p;
    }
    return null;
  }
  return { reason: 'invalid-geometry', detail: `expected ${expected}, found ${typeof type === 'string' ? type : JSON.stringify(type)}` };
}

function positionProblem(p: unknown): GeometryProblem | null {
  if (!Array.isArray(p) || p.length < 2) return { reason: 'invalid-geometry', detail: `expected a position [x, y], found ${JSON.stringify(p)}` };
  if (typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
    return { reason: 'invalid-coordinates', detail: `coordinate [${String(p[0])}, ${String(p[1])}] is not a pair of finite numbers` };
  }
  return null;
}

function polygonProblem(rings: unknown, where: string): GeometryProblem | null {
  if (!Array.isArray(rings) || rings.length === 0) return { reason: 'invalid-geometry', detail: `${where}the polygon has no rings` };
  for (let r = 0; r < rings.length; r++) {
    const ring: unknown = rings[r];
    const name = `${where}${r === 0 ? 'outer ring' : `hole ${r}`}`;
    if (!Array.isArray(ring)) return { reason: 'invalid-geometry', detail: `${name} is not an array of positions` };
    for (const p of ring) {
      const problem = positionProblem(p);
      if (problem) return { ...problem, detail: `${name}: ${problem.detail}` };
    }
    const distinct = distinctPositions(ring as Position[]);
    if (distinct < 3) {
      return { reason: 'invalid-geometry', detail: `${name} has ${distinct} distinct position${distinct === 1 ? '' : 's'}; a ring needs at least 3` };
    }
    if (r === 0 && ringSignedArea(ring as Position[]) === 0) return { reason: 'invalid-geometry', detail: `${name} has zero area (all positions on one line)` };
  }
  return null;
}

function distinctPositions(ring: readonly Position[]): number {
  // counts up to 3 distinct positions without building keys (this runs for every vertex of every record)
  const a = ring[0];
  let b: Position | null = null;
  for (const p of ring) {
    if (p[0] === a[0] && p[1] === a[1]) continue;
    if (!b) b = p;
    else if (p[0] !== b[0] || p[1] !== b[1]) return 3;
  }
  return b ? 2 : ring.length > 0 ? 1 : 0;
}
