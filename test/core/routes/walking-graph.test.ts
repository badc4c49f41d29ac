import { describe, expect, it } from 'vitest';
import { buildWalkingGraph } from '../../../src/core/routes/walking-graph.ts';
import { shortestPaths, pathTo } from '../../../src/core/routes/shortest-paths.ts';
import { gridStreets, street } from './helpers.ts';

describe('buildWalkingGraph', () => {
  it('nodes crossing streets and chains sections between junctions', () => {
    const g = buildWalkingGraph([street('A', [[0, 0], [200, 0]]), street('B', [[100, -100], [100, 100]])]);
    expect(g.nodes).toHaveLength(5);
    expect(g.edges).toHaveLength(4);
    expect(g.report.metres).toBeCloseTo(400, 9);
    const centre = g.nodes.findIndex(([x, y]) => x === 100 && y === 0);
    expect(g.adjacency[centre]).toHaveLength(4);
  });

  it('joins a near miss within the snap tolerance (2 m) and not beyond', () => {
    const near = buildWalkingGraph([street('A', [[0, 0], [200, 0]]), street('B', [[100, 1.5], [100, 100]])]);
    expect(near.report.snappedEnds).toBe(1);
    expect(near.report.fragmentsRemoved).toBe(0);
    const far = buildWalkingGraph([street('A', [[0, 0], [200, 0]]), street('B', [[100, 3], [100, 100]])]);
    expect(far.report.snappedEnds).toBe(0);
    expect(far.report.fragmentsRemoved).toBe(1);
    expect(far.report.fragmentMetresRemoved).toBeCloseTo(97, 9);
    expect(far.report.fragmentSamples[0].name).toBe('B');
  });

  it('does not node a bridge where it crosses a street below', () => {
    const g = buildWalkingGraph([
      street('Onder', [[0, 0], [200, 0]]),
      street('Brug', [[100, -100], [100, 100]], { bridge: 'yes' }),
      street('Verbinding', [[0, 0], [100, -100]]),
    ]);
    expect(g.nodes.some(([x, y]) => x === 100 && y === 0)).toBe(false);
    // the bridge is reached only through its own end, via Verbinding
    expect(g.report.fragmentsRemoved).toBe(0);
  });

  it('leaves out motorways and reports them', () => {
    const g = buildWalkingGraph([...gridStreets(3, 3), street('Ring', [[0, -50], [200, -50]], { highway: 'motorway' })]);
    expect(g.report.skipped).toEqual({ 'highway:motorway': 1 });
    expect(g.edges.every((e) => e.name !== 'Ring')).toBe(true);
  });

  it('keeps the largest connected piece and reports the removed fragments', () => {
    const g = buildWalkingGraph([...gridStreets(3, 3), street('Eiland', [[1000, 1000], [1050, 1000]])]);
    expect(g.report.fragmentsRemoved).toBe(1);
    expect(g.report.fragmentEdgesRemoved).toBe(1);
    expect(g.edges.every((e) => e.name !== 'Eiland')).toBe(true);
  });

  it('gives an empty graph for no lines', () => {
    const g = buildWalkingGraph([]);
    expect(g.edges).toEqual([]);
    expect(g.report.edges).toBe(0);
  });

  it('shortest paths walk along streets (metres), both ways', () => {
    const g = buildWalkingGraph(gridStreets(4, 4));
    const from = g.nodes.findIndex(([x, y]) => x === 0 && y === 0);
    const to = g.nodes.findIndex(([x, y]) => x === 300 && y === 200);
    const tree = shortestPaths(g, from);
    expect(tree.dist[to]).toBeCloseTo(500, 9);
    const steps = pathTo(g, tree, to)!;
    expect(steps.reduce((s, st) => s + g.edges[st.edge].length, 0)).toBeCloseTo(500, 9);
    const back = shortestPaths(g, to);
    expect(back.dist[from]).toBeCloseTo(500, 9);
  });
});
