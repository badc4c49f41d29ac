import { describe, expect, it } from 'vitest';
import { segmentSplitPoints } from '../../../src/core/blocks/segment-split-points.ts';

describe('segmentSplitPoints', () => {
  const cross = [{ coords: [[0, 0], [2, 0]] as [number, number][] }, { coords: [[1, -1], [1, 1]] as [number, number][] }];
  it('splits two crossing lines at their crossing, and at forced points', () => {
    const r = segmentSplitPoints(cross, [{ line: 0, seg: 0, point: [0.5, 0] }]);
    expect(r.segLine).toEqual([0, 1]);
    expect(r.splitPts[0]).toEqual(expect.arrayContaining([[1, 0], [0.5, 0]]));
    expect(r.splitPts[1]).toEqual([[1, 0]]);
  });
  it('leaves an isolated line (a bridge) and the lines under it unsplit', () => {
    const r = segmentSplitPoints(cross, [], (line) => line === 1);
    expect(r.splitPts).toEqual([[], []]);
  });
});
