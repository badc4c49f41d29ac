import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { streetNameLabels } from '../../src/core/labels/street-name-labels.ts';
import { createStreetNamesLayer, STREET_NAME_SIZE } from '../../src/app/map-layers/street-names-layer.ts';

describe('createStreetNamesLayer', () => {
  it('shows exactly the labels placed at or below the current zoom, and hides with the streets layer', () => {
    const streets = JSON.parse(readFileSync(new URL('../../data/arsenaal-demo/streets.geojson', import.meta.url), 'utf8')) as FeatureCollection;
    const labels = streetNameLabels(streets, { fontSize: STREET_NAME_SIZE });
    for (const zoom of [14, 15.5, 16.2, 18]) {
      const layer = createStreetNamesLayer({ data: labels, zoom });
      const { getFilterValue, filterRange, visible } = layer.props as unknown as { getFilterValue: (l: (typeof labels)[number]) => number; filterRange: [number, number]; visible: boolean };
      const shown = labels.filter((l) => getFilterValue(l) >= filterRange[0] && getFilterValue(l) <= filterRange[1]);
      expect(shown).toEqual(labels.filter((l) => l.minZoom <= zoom));
      expect(shown.length).toBeLessThan(labels.length);
      expect(visible).toBe(true);
    }
    expect(createStreetNamesLayer({ data: labels, zoom: 16, visible: false }).props.visible).toBe(false);
  });
});
