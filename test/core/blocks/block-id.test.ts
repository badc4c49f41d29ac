import { describe, expect, it } from 'vitest';
import { blockId } from '../../../src/core/blocks/block-id.ts';
import type { Polygon } from '../../../src/core/types.ts';
import { rect } from './helpers.ts';

const sq = (x0: number, y0: number, x1: number, y1: number, ...holes: number[][][]): Polygon => ({ type: 'Polygon', coordinates: [rect(x0, y0, x1, y1), ...holes] });

describe('blockId', () => {
  it('is B<round(cx)>-<round(cy)> of the area centroid in metres', () => {
    expect(blockId([sq(157000, 189000, 157100, 189050)])).toEqual(['B157050-189025']);
    expect(blockId([sq(0, 0, 10, 10)])).toEqual(['B5-5']);
  });

  it('uses the area centroid, so holes move it', () => {
    const holed = sq(0, 0, 100, 100, rect(50, 0, 100, 100).reverse());
    expect(blockId([holed])).toEqual(['B25-50']);
  });

  it('does not depend on other blocks or their order', () => {
    const a = sq(0, 0, 10, 10);
    const b = sq(100, 0, 110, 10);
    expect(blockId([a, b])).toEqual(['B5-5', 'B105-5']);
    expect(blockId([b, a])).toEqual(['B105-5', 'B5-5']);
    expect(blockId([sq(500, 500, 600, 600), a])[1]).toBe('B5-5');
  });

  it('suffixes colliding ids -2, -3 in order of exact centroid x, y, then area', () => {
    const ring = sq(0, 0, 100, 100, rect(40, 40, 60, 60).reverse());
    const island = sq(40, 40, 60, 60);
    const shifted = sq(0.2, 0, 10.2, 10); // centroid (5.2, 5): same cell as (5, 5)
    expect(blockId([ring, island])).toEqual(['B50-50-2', 'B50-50']);
    expect(blockId([shifted, sq(0, 0, 10, 10)])).toEqual(['B5-5-2', 'B5-5']);
  });
});
