import { describe, expect, it } from 'vitest';
import { distanceBandWeights } from '../../../src/core/stats/distance-band-weights.ts';
import { knnWeights } from '../../../src/core/stats/knn-weights.ts';
import { readGal } from '../../../src/core/stats/read-gal.ts';
import { readGwt } from '../../../src/core/stats/read-gwt.ts';
import type { SpatialWeights } from '../../../src/core/stats/spatial-weights.ts';
import { transformWeights } from '../../../src/core/stats/transform-weights.ts';
import { weightsDiagnostics } from '../../../src/core/stats/weights-diagnostics.ts';
import { weightsSums } from '../../../src/core/stats/weights-sums.ts';

const rows = (w: SpatialWeights) => w.ids.map((_, i) => Array.from(w.neighbors.subarray(w.offsets[i], w.offsets[i + 1])));
// points on a line at x = 0, 1, 3, 6, 10 (gaps 1, 2, 3, 4)
const xs = Float64Array.from([0, 1, 3, 6, 10]);
const ys = new Float64Array(5);

describe('knnWeights', () => {
  it('takes the k nearest (asymmetric), ties broken by input order', () => {
    const w = knnWeights(xs, ys, 2);
    // unit 2 (x = 3) has 0 and 3 tied at distance 3: the lower index wins
    expect(rows(w)).toEqual([[1, 2], [0, 2], [0, 1], [2, 4], [2, 3]]);
    expect(weightsDiagnostics(w)).toMatchObject({ islands: 0, min: 2, max: 2, asymmetric: true });
    // ties: unit 1 of 0,1,2 at x = -1, 0, 1 has two neighbours at distance 1; k = 1 takes the lower index
    expect(rows(knnWeights(Float64Array.from([-1, 0, 1]), new Float64Array(3), 1))[1]).toEqual([0]);
  });
  it('refuses k ≥ n', () => expect(() => knnWeights(xs, ys, 5)).toThrow(/expected k between 1 and 4/));
});

describe('distanceBandWeights', () => {
  it('links units within the band and reports those beyond it as islands', () => {
    const w = distanceBandWeights(xs, ys, 2.5);
    expect(rows(w)).toEqual([[1], [0, 2], [1], [], []]);
    expect(weightsDiagnostics(w)).toMatchObject({ islands: 2, island_ids: ['3', '4'], components: 3 });
  });
  it('weights by inverse distance when asked (style none), row-standardises on request', () => {
    const w = distanceBandWeights(xs, ys, 3, { inverse: true });
    expect(w.style).toBe('none');
    // band 3 (inclusive): 0–1 at 1, 0–3 at 3, 1–3 at 2, 3–6 at 3; 10 is alone
    expect(rows(w)).toEqual([[1, 2], [0, 2], [0, 1, 3], [2], []]);
    expect(Array.from(w.weights)).toEqual([1, 1 / 3, 1, 0.5, 1 / 3, 0.5, 1 / 3, 1 / 3]);
    const r = transformWeights(w, 'W');
    expect(r.weights[0] + r.weights[1]).toBeCloseTo(1, 15);
    expect(r.weights[0]).toBeCloseTo(0.75, 15);
    expect(Array.from(distanceBandWeights(xs, ys, 3, { inverse: true, power: 2 }).weights)).toEqual([1, 1 / 9, 1, 0.25, 1 / 9, 0.25, 1 / 9, 1 / 9]);
  });
  it('refuses inverse distance between units at the same place', () => {
    expect(() => distanceBandWeights(Float64Array.from([0, 0, 5]), new Float64Array(3), 1, { inverse: true })).toThrow(/at the same place/);
  });
});

describe('weightsSums', () => {
  it('handles one-way (KNN) links in S1', () => {
    // two units, one link 0 -> 1 of weight 2: S0 = 2, S1 = ½((2+0)² + (0+2)²) = 4, S2 = (2+0)² + (0+2)² = 8
    const w = readGwt('0 2 t id\n1 2 2\n', ['1', '2']);
    expect(weightsSums(w)).toEqual({ s0: 2, s1: 4, s2: 8 });
  });
});

describe('readGal / readGwt', () => {
  it('reads GeoDa/spdep GAL with any unit order and an island', () => {
    const gal = '0 3 demo ID\nb 1\na\na 1\nb\nc 0\n\n';
    const w = readGal(gal, ['a', 'b', 'c']);
    expect(rows(w)).toEqual([[1], [0], []]);
    expect(w.kind).toBe('gal:weights.gal');
  });
  it('reads the plain libpysal header', () => expect(rows(readGal('2\n1 1\n2\n2 1\n1\n', ['1', '2']))).toEqual([[1], [0]]));
  it('says which ids do not match and how to fix it', () => {
    expect(() => readGal('2\n1 1\n2\n2 1\n1\n', ['0', '1'], 'x.gal')).toThrow(/x\.gal: 1 of the 2 data units have no record.*--id/);
    expect(() => readGal('2\n1 1\n3\n2 1\n1\n', ['1', '2'], 'x.gal')).toThrow(/not unit ids.*"3"/);
    expect(() => readGal('3\n1 1\n2\n2 1\n1\n', ['1', '2'], 'x.gal')).toThrow(/declares 3 units but the file has 2/);
    expect(() => readGal('2\n1 5\n2\n', ['1', '2'], 'x.gal')).toThrow(/cut off or not GAL/);
  });
  it('reads GWT weights as given and refuses malformed lines', () => {
    const w = readGwt('0 2 demo ID\n1 2 0.25\n2 1 0.5\n', ['1', '2']);
    expect(Array.from(w.weights)).toEqual([0.25, 0.5]);
    expect(() => readGwt('0 2 demo ID\n1 2\n', ['1', '2'], 'y.gwt')).toThrow(/y\.gwt, line 2: expected "from to weight"/);
  });
});
