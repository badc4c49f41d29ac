import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { classPalette, NO_DATA_RGB, sequentialPalette } from '../../src/core/classify/index.ts';
import { numericFields, parseManifest } from '../../src/app/data/manifest.ts';
import { autoScheme, blockClasses, blockColors, blockValues, DEFAULT_STYLE, shownCounts } from '../../src/app/state/block-style.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/app-layers/${name}`, import.meta.url), 'utf8')) as unknown;
const rgb = (colors: Uint8Array) => Array.from({ length: colors.length / 4 }, (_, i) => Array.from(colors.subarray(i * 4, i * 4 + 3)));

describe('block style', () => {
  const blocks = fixture('blocks.geojson') as FeatureCollection;
  const values = blockValues(blocks.features, 'pct_built_before_1945');

  it('gives each block the colour of its quantile class, grey for null, in feature order', () => {
    const classes = blockClasses(values, 'pct_built_before_1945', 'housing', DEFAULT_STYLE);
    const ylOrRd = sequentialPalette('YlOrRd', 5);
    expect(classes.palette).toEqual(ylOrRd);
    // values 12.5, 35, 48.2, 61, 77.4, 90.1, null, 55
    const colors = blockColors(classes, null);
    expect(rgb(colors)).toEqual([ylOrRd[0], ylOrRd[0], ylOrRd[1], ylOrRd[3], ylOrRd[4], ylOrRd[4], NO_DATA_RGB, ylOrRd[2]]);
    expect(Array.from({ length: 8 }, (_, i) => colors[i * 4 + 3])).toEqual(new Array(8).fill(255));
    expect(Array.from(classes.ranks)).toEqual([7, 6, 5, 3, 2, 1, 0, 4]);
    expect(classes.ranked).toBe(7);
  });

  it('fades blocks outside the filter mask and counts only the blocks shown', () => {
    const classes = blockClasses(values, 'pct_built_before_1945', 'housing', DEFAULT_STYLE);
    const mask = Uint8Array.of(1, 0, 1, 1, 1, 1, 1, 0);
    const colors = blockColors(classes, mask);
    expect(colors[1 * 4 + 3]).toBe(40);
    expect(rgb(colors)[1]).toEqual(rgb(blockColors(classes, null))[1]);
    expect(shownCounts(classes, mask)).toEqual({ counts: [1, 1, 0, 1, 2], noData: 1, shown: 6 });
  });

  it('picks the palette from the theme, a diverging one for std-dev and box maps, and honours a chosen scheme', () => {
    expect(blockClasses(blockValues(blocks.features, 'pct_renters'), 'pct_renters', 'tenure', DEFAULT_STYLE).palette).toEqual(sequentialPalette('YlGnBu', 5));
    expect(autoScheme('housing', 'box')).toBe('PuOr');
    const box = blockClasses(values, 'x', 'housing', { ...DEFAULT_STYLE, method: 'box' });
    expect(box.palette).toEqual(classPalette('PuOr', 6));
    const chosen = blockClasses(values, 'x', 'housing', { ...DEFAULT_STYLE, method: 'jenks', classes: 3, scheme: 'Blues', reverse: true });
    expect(chosen.palette).toEqual(classPalette('Blues', 3, { reverse: true }));
  });

  it('treats a missing field as no data', () => {
    const missing = blockClasses(blockValues(blocks.features, 'no_such_field'), 'no_such_field', undefined, DEFAULT_STYLE);
    expect(missing.classification.bins).toEqual([]);
    expect(rgb(blockColors(missing, null)).every((c) => String(c) === String(NO_DATA_RGB))).toBe(true);
  });
});

describe('parseManifest', () => {
  it('accepts the fixture manifest and lists its numeric block fields only', () => {
    const m = parseManifest(fixture('manifest.json'));
    const blocksLayer = m.layers.find((l) => l.kind === 'blocks');
    expect(blocksLayer && numericFields(blocksLayer).map((f) => f.name)).toEqual(['pct_built_before_1945', 'pct_renters', 'dwellings', 'incidents_total']);
  });

  it('says what is wrong and how to fix it', () => {
    expect(() => parseManifest({ schema_version: 2 })).toThrow(/expected schema_version 1, found 2\. Rebuild the layers/);
    expect(() => parseManifest({ schema_version: 1, atlas: { bbox: [1, 2, 3] }, layers: [] })).toThrow(/atlas\.bbox/);
    expect(() => parseManifest({ schema_version: 1, atlas: { bbox: [4, 51, 5, 52] }, layers: [] })).toThrow(/kind "blocks"/);
    expect(() => parseManifest(null)).toThrow(/JSON object/);
  });
});
