import { describe, expect, it } from 'vitest';
import { nodeLines } from '../../../src/core/blocks/node-lines.ts';
import { resolveBlockOptions } from '../../../src/core/blocks/resolve-block-options.ts';
import type { Feature, MultiLineString } from '../../../src/core/types.ts';
import { areaOf, rail, rect, street } from './helpers.ts';

const opts = resolveBlockOptions();
const kinds = (net: ReturnType<typeof nodeLines>) => net.edges.reduce((m: Record<string, number>, e) => ((m[e.kind] = (m[e.kind] ?? 0) + 1), m), {});
const hasNode = (net: ReturnType<typeof nodeLines>, x: number, y: number) => net.nodes.some((n) => Math.abs(n[0] - x) < 1e-6 && Math.abs(n[1] - y) < 1e-6);

describe('nodeLines', () => {
  const area = areaOf(rect(-100, -100, 100, 100));

  it('splits two crossing streets at the crossing', () => {
    const net = nodeLines({ streets: [street([[-50, -50], [50, 50]]), street([[-50, 50], [50, -50]])], rail: [], area }, opts);
    expect(hasNode(net, 0, 0)).toBe(true);
    expect(kinds(net)).toEqual({ street: 4, area: 4 });
  });

  it('splits a street where another ends on it (T-junction) and where a rail crosses it', () => {
    const net = nodeLines({ streets: [street([[-50, 0], [50, 0]]), street([[10, 0], [10, 50]])], rail: [rail([[-20, -50], [-20, 50]])], area }, opts);
    expect(hasNode(net, 10, 0)).toBe(true);
    expect(hasNode(net, -20, 0)).toBe(true);
    expect(kinds(net)).toEqual({ street: 4, rail: 2, area: 4 });
  });

  it('keeps a segment covered twice once, as street before area, with the widest highway class', () => {
    const net = nodeLines({ streets: [street([[-100, -100], [100, -100]], 'service'), street([[-100, -100], [0, -100]], 'primary')], rail: [], area }, opts);
    const bottom = net.edges.filter((e) => net.nodes[e.a][1] === -100 && net.nodes[e.b][1] === -100);
    expect(bottom.map((e) => [e.kind, e.highway])).toEqual([
      ['street', 'primary'],
      ['street', 'service'],
    ]);
    expect(kinds(net)).toEqual({ street: 2, area: 3 });
  });

  it('snaps a dangling end 0.3 m short of a street onto it, not one 0.8 m short', () => {
    const near = nodeLines({ streets: [street([[-50, 0], [50, 0]]), street([[0, 0.3], [0, 50]])], rail: [], area }, opts);
    expect(near.snapped).toBe(1);
    expect(hasNode(near, 0, 0)).toBe(true);
    const far = nodeLines({ streets: [street([[-50, 0], [50, 0]]), street([[0, 0.8], [0, 50]])], rail: [], area }, opts);
    expect(far.snapped).toBe(0);
    expect(hasNode(far, 0, 0)).toBe(false);
  });

  it('snaps onto a vertex within the tolerance rather than splitting next to it', () => {
    const net = nodeLines({ streets: [street([[-50, 0], [0, 0], [50, 0]]), street([[0.2, 0.3], [0, 50]])], rail: [], area }, opts);
    expect(net.snapped).toBe(1);
    expect(hasNode(net, 0.2, 0)).toBe(false);
    expect(hasNode(net, 0, 0)).toBe(true);
  });

  it('flattens MultiLineStrings and crops lines to the area bbox plus the margin', () => {
    const multi: Feature<MultiLineString> = {
      type: 'Feature',
      properties: { highway: 'tertiary' },
      geometry: { type: 'MultiLineString', coordinates: [[[-50, 0], [50, 0]], [[1000, 0], [2000, 0]]] },
    };
    const net = nodeLines({ streets: [multi], rail: [], area }, opts);
    expect(Math.max(...net.nodes.map((n) => n[0]))).toBe(100);
    expect(kinds(net)).toEqual({ street: 1, area: 4 });
  });

  it('does not depend on feature order or line direction', () => {
    const lines = [street([[-50, -50], [50, 50]]), street([[-50, 50], [50, -50]]), street([[-70, 10], [70, 13]], 'primary'), street([[0, -80], [0, 30]], 'service')];
    const a = nodeLines({ streets: lines, rail: [], area }, opts);
    const reversed = lines.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: f.geometry.coordinates.slice().reverse() } })).reverse();
    expect(nodeLines({ streets: reversed, rail: [], area }, opts)).toEqual(a);
  });

  it('counts rail features it leaves out by type', () => {
    const net = nodeLines({ streets: [], rail: [rail([[0, -50], [0, 50]], 'platform'), rail([[5, -50], [5, 50]], 'abandoned'), rail([[9, -50], [9, 50]])], area }, opts);
    expect(net.skipped).toEqual({ 'rail:abandoned': 1, 'rail:platform': 1 });
    expect(kinds(net).rail).toBe(1);
  });
});
