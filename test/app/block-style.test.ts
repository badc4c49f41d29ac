import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { NO_DATA_RGB, sequentialPalette } from '../../src/core/classify/index.ts';
import { numericFields, parseManifest } from '../../src/app/data/manifest.ts';
import { blockStyle } from '../../src/app/state/block-style.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/app-layers/${name}`, import.meta.url), 'utf8')) as unknown;

describe('blockStyle', () => {
  const blocks = fixture('blocks.geojson') as FeatureCollection;

  it('gives each block the colour of its quantile class, grey for null, in feature order', () => {
    const style = blockStyle(blocks.features, 'pct_built_before_1945', 'housing');
    const ylOrRd = sequentialPalette('YlOrRd', 5);
    expect(style.palette).toEqual(ylOrRd);
    // values 12.5, 35, 48.2, 61, 77.4, 90.1, null, 55
    expect(style.fillColors.map((c) => c.slice(0, 3))).toEqual([ylOrRd[0], ylOrRd[0], ylOrRd[1], ylOrRd[3], ylOrRd[4], ylOrRd[4], NO_DATA_RGB, ylOrRd[2]]);
    expect(style.fillColors.every((c) => c[3] === 255)).toBe(true);
  });

  it('picks the palette from the theme and treats a missing field as no data', () => {
    expect(blockStyle(blocks.features, 'pct_renters', 'tenure').palette).toEqual(sequentialPalette('YlGnBu', 5));
    const missing = blockStyle(blocks.features, 'no_such_field');
    expect(missing.classification.bins).toEqual([]);
    expect(missing.fillColors.every((c) => String(c.slice(0, 3)) === String(NO_DATA_RGB))).toBe(true);
  });
});

describe('parseManifest', () => {
  it('accepts the fixture manifest and lists its numeric block fields only', () => {
    const m = parseManifest(fixture('manifest.json'));
    const blocksLayer = m.layers.find((l) => l.kind === 'blocks');
    expect(blocksLayer && numericFields(blocksLayer).map((f) => f.name)).toEqual(['pct_built_before_1945', 'pct_renters', 'dwellings']);
  });

  it('says what is wrong and how to fix it', () => {
    expect(() => parseManifest({ schema_version: 2 })).toThrow(/expected schema_version 1, found 2\. Rebuild the layers/);
    expect(() => parseManifest({ schema_version: 1, atlas: { bbox: [1, 2, 3] }, layers: [] })).toThrow(/atlas\.bbox/);
    expect(() => parseManifest({ schema_version: 1, atlas: { bbox: [4, 51, 5, 52] }, layers: [] })).toThrow(/kind "blocks"/);
    expect(() => parseManifest(null)).toThrow(/JSON object/);
  });
});
