import { describe, expect, it } from 'vitest';
import { quantileClasses } from '../../../src/core/classify/index.ts';

describe('quantileClasses', () => {
  it('classifies five distinct values into five classes, keeping nulls as -1 in place', () => {
    const c = quantileClasses([10, 20, null, 30, 40, 50]);
    expect(Array.from(c.indices)).toEqual([0, 1, -1, 2, 3, 4]);
    expect(c.noData).toBe(1);
    expect(c.breaks).toHaveLength(4);
    expect(c.bins.map((b) => b.count)).toEqual([1, 1, 1, 1, 1]);
  });

  it('gives legend bounds from the minimum to the maximum through the thresholds', () => {
    const c = quantileClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(c.bins[0].from).toBe(1);
    expect(c.bins[0].to).toBeCloseTo(2.8, 12);
    expect(c.bins[4].from).toBeCloseTo(8.2, 12);
    expect(c.bins[4].to).toBe(10);
    for (let i = 1; i < c.bins.length; i++) expect(c.bins[i].from).toBe(c.bins[i - 1].to);
    expect(c.bins.reduce((s, b) => s + b.count, 0)).toBe(10);
  });

  it('makes fewer classes when ties collapse thresholds, and none of zero width', () => {
    const c = quantileClasses([0, 0, 0, 0, 0, 0, 0, 0, 5, 10, 20]);
    expect(c.breaks).toEqual([5]);
    expect(c.bins).toEqual([
      { from: 0, to: 5, count: 8 },
      { from: 5, to: 20, count: 3 },
    ]);
  });

  it('makes one class when every value is equal', () => {
    const c = quantileClasses([3, 3, null]);
    expect(c.bins).toEqual([{ from: 3, to: 3, count: 2 }]);
    expect(Array.from(c.indices)).toEqual([0, 0, -1]);
  });

  it('makes no classes when every value is missing', () => {
    const c = quantileClasses([null, null, NaN]);
    expect(c.bins).toEqual([]);
    expect(c.noData).toBe(3);
    expect(Array.from(c.indices)).toEqual([-1, -1, -1]);
  });

  it('honours the number of classes asked for', () => {
    expect(quantileClasses([1, 2, 3, 4, 5, 6], { classes: 3 }).bins).toHaveLength(3);
  });
});
