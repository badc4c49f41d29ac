import { describe, expect, it } from 'vitest';
import { boxBreaks, classifyValues, equalIntervalBreaks, stdDevBreaks } from '../../../src/core/classify/index.ts';

const idx = (c: { indices: Int16Array }) => Array.from(c.indices);

describe('equalIntervalBreaks', () => {
  it('cuts min…max into equal parts', () => {
    expect(equalIntervalBreaks([0, 3, 10], { classes: 4 })).toEqual([2.5, 5, 7.5]);
    expect(equalIntervalBreaks([10, 20, null, 40], { classes: 3 })).toEqual([20, 30]);
  });
  it('has no threshold when all values are equal or missing', () => {
    expect(equalIntervalBreaks([4, 4, 4])).toEqual([]);
    expect(equalIntervalBreaks([null, NaN])).toEqual([]);
  });
});

describe('stdDevBreaks', () => {
  it('puts thresholds one σ apart around the mean (hand case: mean 5, σ 2)', () => {
    expect(stdDevBreaks([2, 4, 4, 4, 5, 5, 7, 9], { classes: 4 })).toEqual([3, 5, 7]);
    expect(stdDevBreaks([2, 4, 4, 4, 5, 5, 7, 9], { classes: 5 })).toEqual([2, 4, 6, 8]);
    expect(stdDevBreaks([2, 4, 4, 4, 5, 5, 7, 9], { classes: 3 })).toEqual([4, 6]);
  });
  it('has no threshold without spread', () => {
    expect(stdDevBreaks([3, 3, null])).toEqual([]);
  });
});

describe('boxBreaks', () => {
  it('gives the fences and quartiles (hand case 1…9: Q1 3, median 5, Q3 7, IQR 4)', () => {
    expect(boxBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([-3, 3, 5, 7, 13]);
    expect(boxBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9], { hinge: 3 })).toEqual([-9, 3, 5, 7, 19]);
  });
});

describe('classifyValues', () => {
  const values = [12.5, 35, 48.2, 61, 77.4, 90.1, null, 55];

  it('quantile: the classes of the fixture, no data counted apart', () => {
    const c = classifyValues(values, { method: 'quantile', classes: 5 });
    expect(idx(c)).toEqual([0, 0, 1, 3, 4, 4, -1, 2]);
    expect(c.bins.map((b) => b.count)).toEqual([2, 1, 1, 1, 2]);
    expect(c.noData).toBe(1);
    expect(c.bins[0].from).toBe(12.5);
    expect(c.bins[4].to).toBe(90.1);
  });

  it('equal intervals: hand-computed classes', () => {
    // range 10…40 in 3 classes: [10,20) [20,30) [30,40]
    const c = classifyValues([10, 19.9, 20, 29, 30, 40, null], { method: 'equal', classes: 3 });
    expect(c.breaks).toEqual([20, 30]);
    expect(idx(c)).toEqual([0, 0, 1, 1, 2, 2, -1]);
    expect(c.bins).toEqual([
      { from: 10, to: 20, count: 2 },
      { from: 20, to: 30, count: 2 },
      { from: 30, to: 40, count: 2 },
    ]);
  });

  it('jenks: natural groups', () => {
    const c = classifyValues([1, 2, 4, 5, 7, 8, null], { method: 'jenks', classes: 2 });
    expect(idx(c)).toEqual([0, 0, 0, 1, 1, 1, -1]);
  });

  it('stddev: classes around the mean, outer ones open', () => {
    const c = classifyValues([2, 4, 4, 4, 5, 5, 7, 9], { method: 'stddev', classes: 4 });
    expect(c.breaks).toEqual([3, 5, 7]);
    expect(idx(c)).toEqual([0, 1, 1, 1, 2, 2, 3, 3]);
  });

  it('box: six classes, outliers beyond the fences, a value on the upper fence is not an outlier', () => {
    const c = classifyValues([-5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14], { method: 'box' });
    // Q1 = 2.75, median 5.5, Q3 = 8.25, IQR 5.5 → fences -5.5 and 16.5: nothing outside
    expect(c.breaks).toEqual([-5.5, 2.75, 5.5, 8.25, 16.5]);
    expect(c.bins).toHaveLength(6);
    const d = classifyValues([1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 30, -10], { method: 'box' });
    expect(d.bins.map((b) => b.count)).toEqual([1, 2, 3, 3, 2, 1]);
    const onFence = classifyValues([1, 2, 3, 4, 5, 6, 7, 8, 9], { method: 'box', breaks: [-3, 3, 5, 7, 9] });
    expect(idx(onFence).at(-1)).toBe(4);
  });

  it('all values equal: one class holding them all', () => {
    for (const method of ['quantile', 'equal', 'jenks', 'stddev'] as const) {
      const c = classifyValues([7, 7, null, 7], { method, classes: 5 });
      expect(c.bins, method).toEqual([{ from: 7, to: 7, count: 3 }]);
      expect(idx(c), method).toEqual([0, 0, -1, 0]);
    }
  });

  it('fewer values than classes: at most one class per distinct value', () => {
    expect(classifyValues([3, 1], { method: 'quantile', classes: 5 }).bins.map((b) => b.count)).toEqual([1, 1]);
    expect(classifyValues([3, 1], { method: 'jenks', classes: 5 }).bins.map((b) => b.count)).toEqual([1, 1]);
    expect(classifyValues([3, 1], { method: 'equal', classes: 5 }).bins.length).toBe(5);
  });

  it('only nulls and suppressed values: no classes, every feature no data', () => {
    const c = classifyValues([null, undefined, NaN, Infinity], { method: 'jenks' });
    expect(c.bins).toEqual([]);
    expect(c.noData).toBe(4);
    expect(idx(c)).toEqual([-1, -1, -1, -1]);
  });

  it('locked breaks keep a value in the same class when the data change', () => {
    const first = classifyValues([10, 20, 30, 40, 50], { method: 'quantile', classes: 3 });
    const locked = classifyValues([10, 20, 30, 40, 50, 500, 600], { method: 'quantile', classes: 3, breaks: first.breaks });
    expect(locked.breaks).toEqual(first.breaks);
    expect(idx(locked).slice(0, 5)).toEqual(idx(first));
    expect(locked.bins.at(-1)?.to).toBe(600);
  });

  it('manual breaks: given thresholds, even outside the data; empty classes keep their bounds', () => {
    const c = classifyValues([5, 15, null], { method: 'manual', breaks: [10, 20, 30] });
    expect(idx(c)).toEqual([0, 1, -1]);
    expect(c.bins.map((b) => b.count)).toEqual([1, 1, 0, 0]);
    expect(c.bins[3]).toEqual({ from: 30, to: 30, count: 0 });
    expect(() => classifyValues([1], { method: 'manual' })).toThrow(/needs options\.breaks/);
    expect(() => classifyValues([1], { method: 'manual', breaks: [3, 2] })).toThrow(/ascending breaks, found 3 before 2/);
  });

  it('rejects more than nine classes', () => {
    expect(() => classifyValues([1, 2], { classes: 10 })).toThrow(/from 1 to 9, found 10/);
  });
});
