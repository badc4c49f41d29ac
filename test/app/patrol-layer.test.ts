import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { stopBadgeOffsets } from '../../src/app/map-layers/patrol-layer.ts';

const stop = (lon: number, lat: number, team: number, n: number): Feature<Point, { team: number; stop: number }> => ({ type: 'Feature', properties: { team, stop: n }, geometry: { type: 'Point', coordinates: [lon, lat] } });

describe('stopBadgeOffsets', () => {
  it('leaves lone stops in place and spreads stops at one corner in a row, in team order', () => {
    const pts = [stop(4.49, 51.02, 2, 3), stop(4.495, 51.021, 1, 1), stop(4.49000002, 51.02000001, 1, 5), stop(4.49, 51.02, 4, 2)];
    const o = stopBadgeOffsets(pts, 20);
    expect(o[1]).toEqual([0, 0]);
    // group: team 1 (index 2), team 2 (index 0), team 4 (index 3) → -20, 0, +20
    expect(o[2]).toEqual([-20, 0]);
    expect(o[0]).toEqual([0, 0]);
    expect(o[3]).toEqual([20, 0]);
  });
  it('two stops 20 m apart are not grouped; 3 m apart are', () => {
    const dLat20 = 20 / 111_320;
    const dLat3 = 3 / 111_320;
    expect(stopBadgeOffsets([stop(4.49, 51.02, 1, 1), stop(4.49, 51.02 + dLat20, 2, 1)])).toEqual([[0, 0], [0, 0]]);
    expect(stopBadgeOffsets([stop(4.49, 51.02, 1, 1), stop(4.49, 51.02 + dLat3, 2, 1)])).toEqual([[-10, 0], [10, 0]]);
  });
});
