import type { Geometry, Position } from 'geojson';
import type { Areal, RejectReason } from '../types.ts';
import { cleanRing } from './clean-ring.ts';
import { findSelfIntersections } from './find-self-intersections.ts';
import { repairSelfIntersection } from './repair-self-intersection.ts';

/** What repairGeometry may do to a geometry, each reported. */
export type GeometryRepairKind =
  | 'closed-ring'
  | 'removed-duplicate-points'
  | 'rewound'
  | 'dropped-degenerate-ring'
  | 'dropped-degenerate-part'
  | 'fixed-self-intersection';

/** One repair: its kind and a one-line description (where, what). */
export interface GeometryRepair {
  kind: GeometryRepairKind;
  detail: string;
}

/** Options of repairGeometry. */
export interface RepairGeometryOptions {
  /** Largest relative area change accepted when repairing a self-intersection (default 0.01 = 1 %). */
  maxAreaChange?: number;
  /** Decimals Clipper2 keeps when repairing a self-intersection (default 6; use 8 for degrees). */
  precision?: number;
}

/** The repaired geometry and its repairs (empty: it was valid), or why it cannot be used. */
export type RepairGeometryResult =
  | { ok: true; geometry: Geometry; repairs: GeometryRepair[] }
  | { ok: false; reason: RejectReason; detail: string };

/** Default of RepairGeometryOptions.maxAreaChange. */
export const DEFAULT_MAX_AREA_CHANGE = 0.01;

/**
 * Repairs what is safe to repair in a structurally sound geometry (types and nesting checked,
 * coordinates finite: see validateFeatures in src/io) and says why it cannot be used otherwise.
 * Never modifies the input.
 *
 * Polygons, per ring: an unclosed ring is closed (`closed-ring`); consecutive duplicate positions
 * are dropped (`removed-duplicate-points`); a ring left with fewer than 3 distinct positions or zero
 * area is dropped if it is a hole (`dropped-degenerate-ring`) or takes its polygon with it if it is
 * an outer ring of a MultiPolygon with other parts (`dropped-degenerate-part`); otherwise the record
 * is rejected ('invalid-geometry'). Rings are oriented outer counter-clockwise, holes clockwise
 * (`rewound`). Edges that cross or overlap (findSelfIntersections) are repaired by a Clipper2 union
 * (`fixed-self-intersection`) when that changes the area by at most `maxAreaChange`; otherwise the
 * record is rejected ('self-intersection'), with the place and the area change in the detail.
 * Lines: duplicate positions are dropped; a line with fewer than 2 distinct positions is rejected,
 * or dropped as a part of a MultiLineString with other parts. Points are returned as they are.
 *
 * @param geometry - a checked geometry
 * @param options - see RepairGeometryOptions
 * @returns `{ ok: true, geometry, repairs }` or `{ ok: false, reason, detail }`
 * @example
 * repairGeometry({ type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10]]] });
 * // { ok: true, geometry: { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 0]]] },
 * //   repairs: [{ kind: 'closed-ring', detail: 'closed ring 1 (outer)' }] }
 */
export function repairGeometry(geometry: Geometry, options: RepairGeometryOptions = {}): RepairGeometryResult {
  const maxAreaChange = options.maxAreaChange ?? DEFAULT_MAX_AREA_CHANGE;
  if (!(maxAreaChange >= 0 && maxAreaChange <= 1)) throw new RangeError(`repairGeometry: maxAreaChange must be 0..1, got ${maxAreaChange}`);
  const repairs: GeometryRepair[] = [];
  const fail = (reason: RejectReason, detail: string): RepairGeometryResult => ({ ok: false, reason, detail });
  switch (geometry.type) {
    case 'Point':
    case 'MultiPoint':
      return { ok: true, geometry, repairs };
    case 'LineString': {
      const line = cleanLine(geometry.coordinates, 'LineString', repairs);
      if (!line) return fail('invalid-geometry', `LineString: expected at least 2 distinct positions, found ${distinctCount(geometry.coordinates)}`);
      return { ok: true, geometry: { ...geometry, coordinates: line }, repairs };
    }
    case 'MultiLineString': {
      const parts: Position[][] = [];
      geometry.coordinates.forEach((part, i) => {
        const line = cleanLine(part, `MultiLineString part ${i + 1}`, repairs);
        if (line) parts.push(line);
        else repairs.push({ kind: 'dropped-degenerate-part', detail: `dropped MultiLineString part ${i + 1} (fewer than 2 distinct positions)` });
      });
      if (parts.length === 0) return fail('invalid-geometry', 'MultiLineString: expected a part with at least 2 distinct positions, found none');
      return { ok: true, geometry: { ...geometry, coordinates: parts }, repairs };
    }
    case 'Polygon':
    case 'MultiPolygon':
      return repairAreal(geometry, maxAreaChange, options.precision ?? 6, repairs);
    case 'GeometryCollection': {
      const members: Geometry[] = [];
      for (const [i, member] of geometry.geometries.entries()) {
        const result = repairGeometry(member, options);
        if (!result.ok) return fail(result.reason, `GeometryCollection member ${i + 1}: ${result.detail}`);
        members.push(result.geometry);
        for (const r of result.repairs) repairs.push({ kind: r.kind, detail: `member ${i + 1}: ${r.detail}` });
      }
      return { ok: true, geometry: { ...geometry, geometries: members }, repairs };
    }
  }
}

function cleanLine(line: Position[], where: string, repairs: GeometryRepair[]): Position[] | null {
  const kept: Position[] = [];
  for (const p of line) {
    const last = kept[kept.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) kept.push(p);
  }
  if (kept.length < 2) return null;
  if (kept.length < line.length) repairs.push({ kind: 'removed-duplicate-points', detail: `removed ${line.length - kept.length} repeated position(s) from ${where}` });
  return kept;
}

function distinctCount(line: Position[]): number {
  return new Set(line.map((p) => `${p[0]},${p[1]}`)).size;
}

function repairAreal(geometry: Areal, maxAreaChange: number, precision: number, repairs: GeometryRepair[]): RepairGeometryResult {
  const multi = geometry.type === 'MultiPolygon';
  const polygons: Position[][][] = multi ? geometry.coordinates : [geometry.coordinates];
  const kept: Position[][][] = [];
  let rewound = 0;
  const closed: string[] = [];
  const deduped: string[] = [];
  let duplicates = 0;
  for (const [p, rings] of polygons.entries()) {
    const partName = multi ? `MultiPolygon part ${p + 1} ` : '';
    const out: Position[][] = [];
    let dropPart: string | null = null;
    for (const [r, ring] of rings.entries()) {
      const name = `${partName}ring ${r + 1}${r === 0 ? ' (outer)' : ' (hole)'}`;
      const c = cleanRing(ring);
      if (c.distinct < 3 || c.collinear) {
        const why = c.distinct < 3 ? `${c.distinct} distinct position(s)` : 'zero area (all positions on one line)';
        if (r > 0) {
          repairs.push({ kind: 'dropped-degenerate-ring', detail: `dropped ${name}: ${why}` });
          continue;
        }
        dropPart = `${name} has ${why}; a ring needs at least 3 distinct positions and an area`;
        break;
      }
      if (c.closed) closed.push(name);
      if (c.duplicatesRemoved > 0) {
        deduped.push(name);
        duplicates += c.duplicatesRemoved;
      }
      const wantPositive = r === 0;
      if (c.signedArea > 0 !== wantPositive) {
        c.ring.reverse();
        rewound++;
      }
      out.push(c.ring);
    }
    if (dropPart !== null) {
      if (polygons.length === 1) return { ok: false, reason: 'invalid-geometry', detail: dropPart };
      repairs.push({ kind: 'dropped-degenerate-part', detail: `dropped MultiPolygon part ${p + 1}: ${dropPart.replace(/^MultiPolygon part \d+ /, '')}` });
      continue;
    }
    kept.push(out);
  }
  if (kept.length === 0) return { ok: false, reason: 'invalid-geometry', detail: 'MultiPolygon: every part is degenerate (fewer than 3 distinct positions or zero area)' };
  // One entry per kind: a polygon with 40 rings gets one line, not 40.
  const rings = (names: string[]) => (names.length === 1 ? names[0] : `${names.length} rings`);
  if (closed.length > 0) repairs.unshift({ kind: 'closed-ring', detail: `closed ${rings(closed)}` });
  if (duplicates > 0) repairs.splice(closed.length > 0 ? 1 : 0, 0, { kind: 'removed-duplicate-points', detail: `removed ${duplicates} repeated position(s) from ${rings(deduped)}` });
  if (rewound > 0) repairs.push({ kind: 'rewound', detail: `reversed ${rewound} ring(s) to outer counter-clockwise, holes clockwise` });
  const cleaned: Areal = multi ? { type: 'MultiPolygon', coordinates: kept } : { type: 'Polygon', coordinates: kept[0] };

  const [clash] = findSelfIntersections(cleaned, { limit: 1 });
  if (!clash) return { ok: true, geometry: cleaned, repairs };
  const where = describeClash(clash, multi);
  const fixed = repairSelfIntersection(cleaned, { precision });
  const pct = (v: number) => `${(v * 100).toFixed(v < 0.001 ? 3 : 1)} %`;
  const areas = `area ${round(fixed.areaBefore)} → ${round(fixed.areaAfter)}`;
  if (!fixed.geometry) return { ok: false, reason: 'self-intersection', detail: `${where}; nothing is left after repairing it (${areas})` };
  if (findSelfIntersections(fixed.geometry, { limit: 1 }).length > 0) return { ok: false, reason: 'self-intersection', detail: `${where}; the Clipper2 union did not give a valid polygon` };
  if (fixed.relativeChange > maxAreaChange) {
    return { ok: false, reason: 'self-intersection', detail: `${where}; repairing it would change the area by ${pct(fixed.relativeChange)} (${areas}), more than the ${pct(maxAreaChange)} allowed` };
  }
  repairs.push({ kind: 'fixed-self-intersection', detail: `${where}: rebuilt with a Clipper2 union, area changed by ${pct(fixed.relativeChange)} (${areas})` });
  return { ok: true, geometry: fixed.geometry, repairs };
}

function describeClash(c: ReturnType<typeof findSelfIntersections>[number], multi: boolean): string {
  // Rings only: edge numbers would count the cleaned, rewound ring, not the ring in the file.
  const name = (s: { part: number; ring: number }) => `${multi ? `part ${s.part + 1} ` : ''}ring ${s.ring + 1}`;
  const same = c.a.part === c.b.part && c.a.ring === c.b.ring;
  const verb = c.kind === 'cross' ? 'crosses' : 'runs along';
  return `self-intersection: ${name(c.a)} ${verb} ${same ? 'itself' : name(c.b)} at (${round(c.at[0])}, ${round(c.at[1])})`;
}

function round(v: number): number {
  return Number(v.toPrecision(10));
}
