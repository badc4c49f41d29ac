import { describe, expect, it } from 'vitest';
import { clipPolylineToRect } from '../../../src/core/geometry/clip-polyline-to-rect.ts';

describe('clipPolylineToRect', () => {
  it('cuts a line crossing the rectangle at its edges', () => {
    expect(clipPolylineToRect([[-1, 1], [3, 1]], [0, 0, 2, 2])).toEqual([[[0, 1], [2, 1]]]);
  });
  it('keeps a line inside whole, and drops one outside', () => {
    expect(clipPolylineToRect([[0.5, 0.5], [1, 1], [1.5, 0.5]], [0, 0, 2, 2])).toEqual([[[0.5, 0.5], [1, 1], [1.5, 0.5]]]);
    expect(clipPolylineToRect([[3, 3], [4, 4]], [0, 0, 2, 2])).toEqual([]);
  });
  it('splits a line that leaves and comes back into two parts, in its direction', () => {
    const parts = clipPolylineToRect([[1, 1], [1, 3], [1.5, 3], [1.5, 1]], [0, 0, 2, 2]);
    expect(parts).toEqual([[[1, 1], [1, 2]], [[1.5, 2], [1.5, 1]]]);
  });
  it('clips a diagonal at both ends', () => {
    const [part] = clipPolylineToRect([[-1, -1], [3, 3]], [0, 0, 2, 2]);
    expect(part).toEqual([[0, 0], [2, 2]]);
  });
});
