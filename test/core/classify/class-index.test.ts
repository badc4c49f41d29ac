import { scaleQuantile } from 'd3';
import { describe, expect, it } from 'vitest';
import { classIndex, NO_DATA_CLASS, quantileBreaks } from '../../../src/core/classify/index.ts';

describe('classIndex', () => {
  const breaks = [2.8, 4.6, 6.4, 8.2];

  it('puts values below the first threshold in class 0 and at or above the last in the top class', () => {
    expect(classIndex(-100, breaks)).toBe(0);
    expect(classIndex(1, breaks)).toBe(0);
    expect(classIndex(10, breaks)).toBe(4);
    expect(classIndex(1e9, breaks)).toBe(4);
  });

  it('puts a value equal to a threshold in the class above it', () => {
    expect(classIndex(2.8, breaks)).toBe(1);
    expect(classIndex(8.2, breaks)).toBe(4);
  });

  it('gives -1 for null, undefined, NaN and Infinity', () => {
    expect(NO_DATA_CLASS).toBe(-1);
    for (const v of [null, undefined, NaN, Infinity, -Infinity]) expect(classIndex(v, breaks)).toBe(-1);
  });

  it('gives class 0 for every value when there are no thresholds', () => {
    expect(classIndex(42, [])).toBe(0);
  });

  it('agrees with d3.scaleQuantile for every value', () => {
    const values = [0, 1.5, 2, 2, 3, 10, 11, 12.25, 40, 41, 77, 100];
    const scale = scaleQuantile<number>().domain(values).range([0, 1, 2, 3, 4]);
    const b = quantileBreaks(values);
    for (const v of [...values, -1, 5, 50, 1000]) expect(classIndex(v, b)).toBe(scale(v));
  });
});
