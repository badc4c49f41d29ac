import { describe, expect, it } from 'vitest';
import { nodeLines } from '../../../src/core/blocks/node-lines.ts';
import { polygonizeFaces } from '../../../src/core/blocks/polygonize-faces.ts';
import { resolveBlockOptions } from '../../../src/core/blocks/resolve-block-options.ts';
import { validatePolygon } from '../../../src/core/geometry/validate-polygon.ts';
import type { Feature, LineString, Polygon } from '../../../src/core/types.ts';
import { areaOf, rect, street } from './helpers.ts';

const opts = resolveBlockOptions();
const facesOf = (streets: Feature<LineString>[], area: Feature<Polygon>) => polygonizeFaces(nodeLines({ streets, rail: [], area }, opts), area.geometry);

describe('polygonizeFaces', () => {
  const area = areaOf(rect(0, 0, 100, 100));

  it('finds the four faces of a cross inside a square, each with its two neighbours across streets', () => {
    const faces = facesOf([street([[50, -10], [50, 110]]), street([[-10, 50], [110, 50]])], area);
    expect(faces.map((f) => f.area)).toEqual([2500, 2500, 2500, 2500]);
    for (const f of faces) {
      expect(f.perimeter).toBe(200);
      const across = f.boundary.filter((b) => b.kind === 'street').map((b) => b.neighbour);
      expect(new Set(across).size).toBe(2);
      expect(f.boundary.filter((b) => b.kind === 'area').every((b) => b.neighbour === -1)).toBe(true);
      expect(validatePolygon({ type: 'Polygon', coordinates: f.rings })).toEqual([]);
    }
  });

  it('ignores a dangle: one face, the dead end not in its boundary or perimeter', () => {
    const faces = facesOf([street([[50, 0], [50, 60]])], area);
    expect(faces).toHaveLength(1);
    expect(faces[0].area).toBe(10000);
    expect(faces[0].perimeter).toBe(400);
    expect(faces[0].rings).toHaveLength(1);
    expect(faces[0].rings[0]).toHaveLength(6); // the bottom edge is split at (50, 0); no spike
  });

  it('makes a network island a hole of the face around it and a face of its own', () => {
    const faces = facesOf([street([[30, 30], [70, 30], [70, 70], [30, 70], [30, 30]])], area);
    expect(faces.map((f) => f.area).sort((a, b) => a - b)).toEqual([1600, 8400]);
    const outer = faces.find((f) => f.area === 8400)!;
    expect(outer.rings).toHaveLength(2);
    expect(outer.perimeter).toBe(560);
    expect(validatePolygon({ type: 'Polygon', coordinates: outer.rings })).toEqual([]);
    const inner = faces.find((f) => f.area === 1600)!;
    expect(inner.boundary.every((b) => b.neighbour === outer.id)).toBe(true);
  });

  it('splits a boundary that touches itself at a node into an outer ring and a touching hole', () => {
    // a loop hanging from the bottom edge at (50, 0)
    const faces = facesOf([street([[50, 0], [60, 20], [40, 20], [50, 0]])], area);
    const outer = faces.find((f) => f.area > 5000)!;
    expect(outer.rings).toHaveLength(2);
    expect(outer.area).toBe(10000 - 200);
    expect(validatePolygon({ type: 'Polygon', coordinates: outer.rings })).toEqual([]);
  });

  it('keeps only faces inside the area', () => {
    const faces = facesOf([street([[-50, -50], [150, -50], [150, 150], [-50, 150], [-50, -50]])], area);
    expect(faces.map((f) => f.area)).toEqual([10000]);
  });
});
