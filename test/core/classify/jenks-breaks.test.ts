import { describe, expect, it } from 'vitest';
import { jenksBreaks } from '../../../src/core/classify/index.ts';
import { classIndex } from '../../../src/core/classify/index.ts';

/** Sum of squared deviations from the class means for a partition given by thresholds. */
function sdcm(values: number[], breaks: number[]): number {
  const groups = new Map<number, number[]>();
  for (const v of values) groups.set(classIndex(v, breaks), [...(groups.get(classIndex(v, breaks)) ?? []), v]);
  let total = 0;
  for (const g of groups.values()) {
    const mean = g.reduce((a, b) => a + b, 0) / g.length;
    total += g.reduce((a, b) => a + (b - mean) ** 2, 0);
  }
  return total;
}

/** Every way to cut the distinct sorted values into k contiguous classes: the optimum by exhaustion. */
function bruteForce(values: number[], k: number): number {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  let best = Infinity;
  const choose = (from: number, left: number, picked: number[]) => {
    if (left === 0) {
      best = Math.min(best, sdcm(values, picked));
      return;
    }
    for (let i = from; i <= distinct.length - left; i++) choose(i + 1, left - 1, [...picked, distinct[i]]);
  };
  choose(1, Math.min(k, distinct.length) - 1, []);
  return best;
}

/** Small seeded generator (mulberry32) for the cross-check. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('jenksBreaks', () => {
  it('separates three obvious groups', () => {
    expect(jenksBreaks([1, 2, 3, 10, 11, 12, 20, 21, 22], { classes: 3 })).toEqual([10, 20]);
  });

  it('finds the true optimum, not the widest gaps (hand-computed)', () => {
    // {1,2,4}|{5,7,8}: SDCM 14/3 + 14/3 = 9.33; the widest gaps (2→4, 5→7) give 10.5 either way
    const values = [1, 2, 4, 5, 7, 8];
    expect(jenksBreaks(values, { classes: 2 })).toEqual([5]);
    expect(sdcm(values, [5])).toBeCloseTo(28 / 3, 10);
    expect(sdcm(values, [4])).toBeCloseTo(10.5, 10);
    expect(sdcm(values, [7])).toBeCloseTo(10.5, 10);
  });

  it('weights repeated values: ties stay in one class', () => {
    // 0 ×5, 10, 11: two classes {0…} | {10, 11}
    expect(jenksBreaks([0, 0, 0, 0, 0, 10, 11], { classes: 2 })).toEqual([10]);
    expect(jenksBreaks([5, 5, 5, 5], { classes: 3 })).toEqual([]);
  });

  it('makes one class per distinct value when there are fewer values than classes', () => {
    expect(jenksBreaks([3, 1, 2], { classes: 5 })).toEqual([2, 3]);
    expect(jenksBreaks([7], { classes: 5 })).toEqual([]);
    expect(jenksBreaks([], { classes: 5 })).toEqual([]);
  });

  it('ignores nulls, NaN and infinities (no data, suppressed)', () => {
    expect(jenksBreaks([1, null, 2, NaN, 3, undefined, 10, Infinity, 11, 12], { classes: 2 })).toEqual([10]);
  });

  it('equals the exhaustive optimum on 200 random small sets', () => {
    const rand = mulberry32(42);
    for (let trial = 0; trial < 200; trial++) {
      const n = 3 + Math.floor(rand() * 10);
      const values = Array.from({ length: n }, () => Math.round(rand() * 50) / 2);
      const k = 2 + Math.floor(rand() * 3);
      const breaks = jenksBreaks(values, { classes: k });
      expect(sdcm(values, breaks)).toBeCloseTo(bruteForce(values, k), 8);
    }
  });

  it('handles 20,000 values quickly and returns ascending thresholds inside the data', () => {
    const rand = mulberry32(7);
    const values = Array.from({ length: 20_000 }, () => rand() ** 2 * 100);
    const breaks = jenksBreaks(values, { classes: 9 });
    expect(breaks).toHaveLength(8);
    expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
    expect(breaks[0]).toBeGreaterThan(Math.min(...values));
  });

  it('rejects a class count that is not a positive integer', () => {
    expect(() => jenksBreaks([1, 2], { classes: 0 })).toThrow(/positive integer, found 0/);
  });
});
