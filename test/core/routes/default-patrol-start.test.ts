import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { defaultPatrolStart } from '../../../src/core/routes/default-patrol-start.ts';

const line = (name: string | null, coordinates: number[][]) => ({ type: 'Feature' as const, properties: name ? { name } : {}, geometry: { type: 'LineString' as const, coordinates } });

describe('defaultPatrolStart (patrol start when the atlas config names none)', () => {
  it('takes the street vertex nearest the middle of the area, named after its street', () => {
    const streets: FeatureCollection = {
      type: 'FeatureCollection',
      features: [line('Randweg', [[4.0, 51.0], [4.0, 51.02]]), line('Dorpsstraat', [[4.009, 51.011], [4.02, 51.011]]), line(null, [[4.03, 51.0], [4.04, 51.0]])],
    };
    expect(defaultPatrolStart(streets, [4.0, 51.0, 4.02, 51.02])).toEqual({ start: [4.009, 51.011], label: 'de Dorpsstraat (midden van de wijk)' });
    // longitude degrees are shorter than latitude degrees: 0.0012° east beats 0.001° north at 51°N
    const scaled: FeatureCollection = { type: 'FeatureCollection', features: [line('Noord', [[4.01, 51.011]]), line('Oost', [[4.0112, 51.01]])] };
    expect(defaultPatrolStart(scaled, [4.0, 51.0, 4.02, 51.02])?.label).toBe('de Oost (midden van de wijk)');
    const unnamed: FeatureCollection = { type: 'FeatureCollection', features: [line(null, [[4.01, 51.01]])] };
    expect(defaultPatrolStart(unnamed, [4.0, 51.0, 4.02, 51.02])?.label).toBe('het midden van de wijk');
    expect(defaultPatrolStart({ type: 'FeatureCollection', features: [] }, [4.0, 51.0, 4.02, 51.02])).toBeNull();
    // in English for the English route sheets
    expect(defaultPatrolStart(streets, [4.0, 51.0, 4.02, 51.02], 'en')?.label).toBe('Dorpsstraat (middle of the area)');
    expect(defaultPatrolStart(unnamed, [4.0, 51.0, 4.02, 51.02], 'en')?.label).toBe('the middle of the area');
  });

  it('on the demo atlas lies on a street inside the area', () => {
    const root = path.resolve(__dirname, '../../..');
    const streets = JSON.parse(readFileSync(path.join(root, 'layers/streets.geojson'), 'utf8'));
    const bbox = JSON.parse(readFileSync(path.join(root, 'layers/manifest.json'), 'utf8')).atlas.bbox;
    const r = defaultPatrolStart(streets, bbox)!;
    expect(r.start[0]).toBeGreaterThan(bbox[0]);
    expect(r.start[0]).toBeLessThan(bbox[2]);
    expect(r.start[1]).toBeGreaterThan(bbox[1]);
    expect(r.start[1]).toBeLessThan(bbox[3]);
    expect(r.label).toMatch(/^de .+ \(midden van de wijk\)$/);
  });
});
