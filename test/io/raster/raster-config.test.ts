import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAtlasConfig } from '../../../src/core/config/validate-atlas-config.ts';
import { expectUserError } from '../fixtures.ts';

const root = path.resolve(__dirname, '../../..');
const demo = () => JSON.parse(readFileSync(path.join(root, 'data/arsenaal-demo/atlas.config.json'), 'utf8'));
const withLandcover = (landcover: unknown) => ({ ...demo(), sources: { ...demo().sources, landcover } });

describe('the raster land-cover config', () => {
  it('accepts a class raster and a sealed-percent raster', () => {
    const a = validateAtlasConfig(withLandcover({ path: 'bbk.tif', raster: { kind: 'classes', counting: 'centre', band: 1 }, class_values: { '2': 'paved', '6': 'green' } }), 'c.json');
    expect(a.sources.landcover?.raster).toEqual({ kind: 'classes', counting: 'centre', band: 1 });
    const b = validateAtlasConfig(withLandcover({ path: 'baf.tif', crs: 'EPSG:31370', raster: { kind: 'sealed-percent' } }), 'c.json');
    expect(b.sources.landcover?.raster?.kind).toBe('sealed-percent');
  });

  it('names the field of every mistake', async () => {
    await expectUserError(() => validateAtlasConfig(withLandcover({ path: 'x.tif', raster: { kind: 'percent' } }), 'c.json'), ['"sources.landcover.raster.kind"', 'classes, sealed-percent']);
    await expectUserError(() => validateAtlasConfig(withLandcover({ path: 'x.tif', raster: { kind: 'classes', counting: 'area' }, class_values: {} }), 'c.json'), ['"sources.landcover.raster.counting"', 'fractional, centre']);
    await expectUserError(() => validateAtlasConfig(withLandcover({ path: 'x.tif', raster: { kind: 'classes', band: 0 }, class_values: {} }), 'c.json'), ['"sources.landcover.raster.band"', '≥ 1']);
    await expectUserError(() => validateAtlasConfig(withLandcover({ path: 'x.tif', raster: { kind: 'classes', band: 1.5 }, class_values: {} }), 'c.json'), ['raster.band', 'whole']);
    await expectUserError(() => validateAtlasConfig(withLandcover({ path: 'x.tif', raster: { kind: 'classes' } }), 'c.json'), ['needs class_values']);
    await expectUserError(() => validateAtlasConfig(withLandcover({ path: 'x.tif', raster: { kind: 'sealed-percent' }, class_values: { '1': 'paved' } }), 'c.json'), ['sources.landcover.class_values', 'sealed-percent']);
    await expectUserError(() => validateAtlasConfig(withLandcover({ path: 'x.tif', raster: { kind: 'sealed-percent' }, fields: { class: 'klasse' }, where: 'a=b' }), 'c.json'), ['where, fields', 'polygon sources']);
    await expectUserError(() => validateAtlasConfig(withLandcover({ path: 'x.tif', raster: { kind: 'sealed-percent', size: 5 } }), 'c.json'), ['unknown field "size"', 'kind, counting, band']);
  });
});
