import { describe, expect, it } from 'vitest';
import { mergeSlivers } from '../../../src/core/blocks/merge-slivers.ts';
import { nodeLines } from '../../../src/core/blocks/node-lines.ts';
import { polygonizeFaces } from '../../../src/core/blocks/polygonize-faces.ts';
import { resolveBlockOptions } from '../../../src/core/blocks/resolve-block-options.ts';
import type { Feature, LineString, Polygon } from '../../../src/core/types.ts';
import { areaOf, rail, rect, street } from './helpers.ts';

const opts = resolveBlockOptions();
const merge = (streets: Feature<LineString>[], rails: Feature<LineString>[], area: Feature<Polygon>, o = opts) =>
  mergeSlivers(polygonizeFaces(nodeLines({ streets, rail: rails, area }, o), area.geometry), o);

describe('mergeSlivers', () => {
  it('drops a strip between dual carriageways as street-space', () => {
    const { groups, dropped } = merge([street([[-10, 97], [110, 97]]), street([[-10, 103], [110, 103]])], [], areaOf(rect(0, 0, 100, 200)));
    expect(groups.map((g) => g.area)).toEqual([9700, 9700]);
    expect(dropped).toEqual([{ reason: 'street-space', area: 600, point: [50, 100] }]);
  });

  it('drops a strip between the area edge and a street as area-edge', () => {
    const { dropped } = merge([street([[-10, 5], [110, 5]])], [], areaOf(rect(0, 0, 100, 100)));
    expect(dropped.map((d) => d.reason)).toEqual(['area-edge']);
  });

  it('drops a face below minArea even when it is not thin (a traffic island)', () => {
    const { dropped } = merge([street([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]])], [], areaOf(rect(-50, -50, 60, 60)));
    expect(dropped.map((d) => [d.reason, d.area])).toEqual([['street-space', 100]]);
  });

  it('merges the rail-bounded strips between parallel tracks into one rail-land group', () => {
    const tracks = [0, 10, 20, 30].map((y) => rail([[-10, y], [210, y]]));
    const { groups } = merge([street([[0, -50], [0, 80]]), street([[200, -50], [200, 80]])], tracks, areaOf(rect(-5, -40, 205, 70)));
    const railLand = groups.filter((g) => g.blockType === 'rail-land');
    expect(railLand).toHaveLength(1);
    expect(railLand[0].faces).toHaveLength(3);
    expect(railLand[0].mergeReason).toBe('merged-rail-land');
    expect(railLand[0].polygons).toHaveLength(1);
    expect(railLand[0].area).toBeCloseTo(6000, 6);
  });

  it('merges two slivers across a rail edge and drops the group when it is still a sliver', () => {
    // three 2 m strips between two streets and two tracks: all slivers, merged across the tracks;
    // the 6 m wide union is still a sliver and is dropped
    const { groups, dropped } = merge([street([[-10, 0], [110, 0]]), street([[-10, 6], [110, 6]])], [rail([[-10, 2], [110, 2]]), rail([[-10, 4], [110, 4]])], areaOf(rect(0, -50, 100, 60)));
    expect(groups.map((g) => g.area)).toEqual([5000, 5400]);
    expect(dropped.map((d) => [d.reason, Math.round(d.area)])).toEqual([['street-space', 600]]);
  });

  it('never merges across a street', () => {
    const { groups } = merge([street([[50, -10], [50, 110]])], [], areaOf(rect(0, 0, 100, 100)));
    expect(groups).toHaveLength(2);
    expect(groups.every((g) => g.mergeReason === null && g.blockType === 'block')).toBe(true);
  });
});
