import { scaleQuantile } from 'd3';
import { describe, expect, it } from 'vitest';
import { quantileBreaks } from '../../../src/core/classify/index.ts';
import { seededRandom as mulberry32 } from '../../../src/core/random/seeded-random.ts';

function d3Quantiles(values: number[], classes: number): number[] {
  return scaleQuantile<number>()
    .domain(values)
    .range(Array.from({ length: classes }, (_, i) => i))
    .quantiles();
}

describe('quantileBreaks', () => {
  it('gives the known quintile thresholds of 1..10', () => {
    const breaks = quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(breaks).toHaveLength(4);
    [2.8, 4.6, 6.4, 8.2].forEach((b, i) => expect(breaks[i]).toBeCloseTo(b, 12));
  });

  it('gives the median for two classes, interpolated between the middle values', () => {
    expect(quantileBreaks([4, 1, 3, 2], { classes: 2 })).toEqual([2.5]);
  });

  it('does not depend on input order', () => {
    expect(quantileBreaks([9, 1, 5, 3, 7])).toEqual(quantileBreaks([1, 3, 5, 7, 9]));
  });

  it('equals d3.scaleQuantile().quantiles() on seeded random data', () => {
    const rand = mulberry32(42);
    for (const n of [1, 2, 3, 7, 52, 1000]) {
      for (const classes of [2, 3, 5, 7]) {
        const values = Array.from({ length: n }, () => Math.round(rand() * 10000) / 100);
        expect(quantileBreaks(values, { classes })).toEqual(d3Quantiles(values, classes));
      }
    }
  });

  it('ignores null, undefined, NaN and Infinity as no data (not zero)', () => {
    const withGaps = [null, 1, 2, undefined, 3, NaN, 4, 5, Infinity, -Infinity];
    expect(quantileBreaks(withGaps, { classes: 2 })).toEqual([3]);
    expect(quantileBreaks(withGaps)).toEqual(d3Quantiles([1, 2, 3, 4, 5], 5));
  });

  it('returns no thresholds when there is no usable value', () => {
    expect(quantileBreaks([])).toEqual([]);
    expect(quantileBreaks([null, NaN])).toEqual([]);
  });

  it('returns one class (no thresholds) when asked for one', () => {
    expect(quantileBreaks([1, 2, 3], { classes: 1 })).toEqual([]);
  });

  it('keeps tied thresholds by default, like d3', () => {
    const values = [0, 0, 0, 0, 0, 0, 0, 0, 5, 10, 20];
    expect(quantileBreaks(values)).toEqual(d3Quantiles(values, 5));
    expect(quantileBreaks(values)).toEqual([0, 0, 0, 5]);
  });

  it('with unique: true drops repeated thresholds and those at the minimum', () => {
    expect(quantileBreaks([0, 0, 0, 0, 0, 0, 0, 0, 5, 10, 20], { unique: true })).toEqual([5]);
    expect(quantileBreaks([1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 4], { unique: true })).toEqual([2]);
    expect(quantileBreaks([7, 7, 7], { unique: true })).toEqual([]);
  });

  it('rejects a class count that is not a positive integer', () => {
    expect(() => quantileBreaks([1, 2], { classes: 0 })).toThrow(/positive integer, found 0/);
    expect(() => quantileBreaks([1, 2], { classes: 2.5 })).toThrow(RangeError);
  });

  it('does not change its input', () => {
    const values = [3, 1, 2];
    quantileBreaks(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
