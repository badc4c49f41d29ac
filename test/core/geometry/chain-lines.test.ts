import { describe, expect, it } from 'vitest';
import { chainLines } from '../../../src/core/geometry/chain-lines.ts';
import type { XY } from '../../../src/core/types.ts';

describe('chainLines', () => {
  it('joins parts that meet end to end, whatever their direction and order', () => {
    const parts: XY[][] = [
      [[2, 0], [3, 0]],
      [[1, 0], [0, 0]],
      [[1, 0], [2, 0]],
    ];
    const runs = chainLines(parts);
    expect(runs).toHaveLength(1);
    const run = runs[0][0][0] === 0 ? runs[0] : runs[0].slice().reverse();
    expect(run).toEqual([[0, 0], [1, 0], [2, 0], [3, 0]]);
  });

  it('ends runs at a fork (three ends meet) and keeps separate streets apart', () => {
    const runs = chainLines([
      [[0, 0], [1, 0]],
      [[1, 0], [2, 1]],
      [[1, 0], [2, -1]],
      [[5, 5], [6, 5]],
    ]);
    expect(runs).toHaveLength(4);
    expect(runs.reduce((n, r) => n + r.length, 0)).toBe(8);
  });

  it('closes a ring without walking it twice, and compares ends to the given decimals', () => {
    const ring = chainLines([
      [[0, 0], [1, 0], [1, 1]],
      [[1, 1], [0, 1], [0, 0]],
    ]);
    expect(ring).toHaveLength(1);
    expect(ring[0]).toHaveLength(5);
    expect(chainLines([[[0, 0], [1, 0]], [[1.0004, 0], [2, 0]]])).toHaveLength(1);
    expect(chainLines([[[0, 0], [1, 0]], [[1.0004, 0], [2, 0]]], 4)).toHaveLength(2);
  });
});
