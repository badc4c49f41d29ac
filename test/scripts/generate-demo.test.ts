import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/generate-demo.ts';

const root = path.resolve(__dirname, '../..');

describe('wijkatlas generate-demo', () => {
  it('regenerates the committed demo inputs byte for byte (seeded, deterministic)', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-gen-'));
    expect(await generateDemo(['--out', out])).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['area.geojson', 'buildings.geojson', 'households.csv', 'incidents.csv', 'landcover.geojson', 'railways.geojson', 'streets.geojson', 'survey.geojson']);
    for (const f of files) {
      expect(readFileSync(path.join(out, f)).equals(readFileSync(path.join(root, 'data/arsenaal-demo', f))), `data/arsenaal-demo/${f} differs from the generator's output`).toBe(true);
    }
  });

  it('gives other data for another seed', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-gen-'));
    expect(await generateDemo(['--out', out, '--seed', '7'])).toBe(0);
    expect(readFileSync(path.join(out, 'incidents.csv'), 'utf8')).not.toBe(readFileSync(path.join(root, 'data/arsenaal-demo/incidents.csv'), 'utf8'));
    // the network does not depend on the seed
    expect(readFileSync(path.join(out, 'streets.geojson'), 'utf8')).toBe(readFileSync(path.join(root, 'data/arsenaal-demo/streets.geojson'), 'utf8'));
  });
});
