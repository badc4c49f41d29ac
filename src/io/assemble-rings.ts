/**
 * Rings -> polygons: which ring is an outer boundary and which hole belongs to which outer. Shared by
 * the Shapefile reader (orientation decides) and the OSM readers (member roles decide).
 */
import type { Position } from 'geojson';

/**
 * Group rings into polygons by orientation, as the Shapefile format defines it: clockwise rings
 * (in x-east/y-north axes) are outer boundaries, counter-clockwise rings are holes. Each hole goes
 * to the smallest outer ring that contains it; a hole inside no outer ring (a writer that got the
 * orientation wrong) becomes an outer ring of its own, so no area is lost.
 *
 * @param rings - closed rings as read
 * @returns polygons (outer first), wound per RFC 7946: outer counter-clockwise, holes clockwise
 * @example
 * assemblePolygons([outerClockwise, holeCounterClockwise]) // [[outer, hole]]
 */
export function assemblePolygons(rings: Position[][]): Position[][][] {
  const outers: Position[][] = [];
  const holes: Position[][] = [];
  for (const ring of rings) (signedArea(ring) > 0 ? holes : outers).push(ring);
  return assembleWithRoles(outers, holes);
}

/**
 * Polygons from rings whose roles are known (OSM multipolygon members): each inner ring goes to the
 * smallest outer ring containing it; an inner ring inside no outer becomes an outer.
 *
 * @param outers - outer rings
 * @param inners - inner rings
 * @returns polygons wound per RFC 7946
 * @example
 * assembleWithRoles([square], [smallSquare]) // [[square, smallSquare]] (rewound)
 */
export function assembleWithRoles(outers: Position[][], inners: Position[][]): Position[][][] {
  const polygons = outers.map((ring) => ({ ring, area: Math.abs(signedArea(ring)), holes: [] as Position[][] }));
  const orphans: Position[][] = [];
  for (const hole of inners) {
    let best: (typeof polygons)[number] | null = null;
    for (const p of polygons) {
      if ((best === null || p.area < best.area) && ringInside(hole, p.ring)) best = p;
    }
    if (best) best.holes.push(hole);
    else orphans.push(hole);
  }
  for (const ring of orphans) polygons.push({ ring, area: Math.abs(signedArea(ring)), holes: [] });
  return polygons.map((p) => [wind(p.ring, true), ...p.holes.map((h) => wind(h, false))]);
}

/** Shoelace area (positive = counter-clockwise in x-east/y-north axes). */
export function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % n];
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

function wind(ring: Position[], ccw: boolean): Position[] {
  const area = signedArea(ring);
  return area === 0 || area > 0 === ccw ? ring : ring.slice().reverse();
}

/** True when the inner ring lies inside the outer one: its first vertex not on the outer boundary is inside. */
function ringInside(inner: Position[], outer: Position[]): boolean {
  for (const p of inner) {
    const where = pointInRing(p, outer);
    if (where !== 0) return where > 0;
  }
  return false;
}

/** 1 inside, -1 outside, 0 on the boundary (even-odd rule). */
function pointInRing([x, y]: Position, ring: Position[]): number {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((xi === x && yi === y) || (xj === x && yj === y)) return 0;
    if (yi > y !== yj > y) {
      const xCross = ((xj - xi) * (y - yi)) / (yj - yi) + xi;
      if (xCross === x) return 0;
      if (x < xCross) inside = !inside;
    }
  }
  return inside ? 1 : -1;
}
