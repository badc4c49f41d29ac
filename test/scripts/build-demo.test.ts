import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAtlas, DEFAULT_CONFIG } from '../../scripts/build.ts';

const root = path.resolve(__dirname, '../..');
type FC = { features: Array<{ properties: Record<string, number | string | null>; geometry: { coordinates: unknown } }> };

describe('the built demo atlas of Arsenaal', () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-demo-'));
  const again = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-demo2-'));
  let blocks: FC;
  beforeAll(async () => {
    await buildAtlas(path.join(root, DEFAULT_CONFIG), out);
    await buildAtlas(path.join(root, DEFAULT_CONFIG), again);
    blocks = JSON.parse(readFileSync(path.join(out, 'blocks.geojson'), 'utf8'));
  });
  const sum = (k: string) => blocks.features.reduce((s, f) => s + (typeof f.properties[k] === 'number' ? (f.properties[k] as number) : 0), 0);

  it('reproduces the city\u2019s 2020 housing figures exactly', () => {
    expect(sum('dwellings')).toBe(1296);
    expect([sum('dwellings_pre1900'), sum('dwellings_1900_1945'), sum('dwellings_1946_1970'), sum('dwellings_1971_plus')]).toEqual([332, 263, 552, 149]);
    expect(sum('dwellings_renovated_since_1983')).toBe(491);
    expect(Math.round((100 * sum('dwellings_closed_row')) / sum('dwellings'))).toBe(96);
  });

  it('reproduces households, renters (30.5 % ± 0.5) and inhabitants', () => {
    expect(sum('households')).toBe(1171);
    const pct = (100 * sum('households_renting')) / (sum('households_renting') + sum('households_owning'));
    expect(Math.abs(pct - 30.5)).toBeLessThanOrEqual(0.5);
    expect(sum('inhabitants')).toBe(3090);
  });

  it('reproduces the age structure: 27 % aged 0–17, 9 % 18–24, 39 % 25–49, 17 % 50–64, 9 % 65+', () => {
    const shares = ['0_17', '18_24', '25_49', '50_64', '65_plus'].map((b) => Math.round((100 * sum(`inhabitants_${b}`)) / sum('inhabitants')));
    expect(shares).toEqual([27, 9, 39, 17, 9]);
  });

  it('has 222 incidents per 1,000 inhabitants, 66 % of them in the five main categories', () => {
    expect(Math.round((1000 * sum('incidents_total')) / sum('inhabitants'))).toBe(222);
    const five = ['overlast', 'drugs', 'diefstal_tweewieler', 'slagen_verwondingen', 'vandalisme'].reduce((s, c) => s + sum(`incidents_${c}`), 0);
    expect(Math.round((100 * five) / sum('incidents_total'))).toBe(66);
  });

  it('is mostly paved or built: little green', () => {
    expect(sum('green_m2') / sum('area_m2')).toBeLessThan(0.15);
    expect((sum('paved_m2') + sum('built_m2')) / sum('area_m2')).toBeGreaterThan(0.8);
  });

  it('accounts for every record of every layer: joined + rejected == records in', () => {
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(report.joins.map((j: { source: string }) => j.source)).toEqual(['housing', 'tenure', 'incidents', 'landcover', 'survey']);
    for (const j of report.joins) expect(j.joined + j.rejected.length, j.source).toBe(j.recordsIn);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    for (const j of report.joins) {
      expect(manifest.inputs.find((i: { id: string }) => i.id === j.source).records, j.source).toBe(j.recordsIn);
    }
    const incidents = report.joins.find((j: { source: string }) => j.source === 'incidents');
    expect(incidents.rejected.map((r: { reason: string }) => r.reason).sort()).toEqual(['outside-blocks', 'outside-blocks', 'outside-period', 'outside-period']);
  });

  it('publishes the incident density from exactly the counted incidents, generalised: no id, category, exact place or date', () => {
    const layer = JSON.parse(readFileSync(path.join(out, 'incident-density.json'), 'utf8'));
    expect(layer.kind).toBe('incident-density');
    expect(layer.crs).toBe('EPSG:31370');
    expect(layer.incidents).toBe(sum('incidents_total'));
    expect(layer.bins.n.reduce((a: number, b: number) => a + b, 0)).toBe(sum('incidents_total'));
    expect(Object.keys(layer.bins).sort()).toEqual(['block', 'col', 'hour', 'month', 'n', 'row', 'weekday']);
    // per block, the binned incidents add up to the block's count
    for (const f of blocks.features) {
      const n = layer.bins.block.reduce((a: number, b: string, i: number) => a + (b === f.properties.block_id ? layer.bins.n[i] : 0), 0);
      expect(n, String(f.properties.block_id)).toBe(f.properties.incidents_total);
    }
    const text = readFileSync(path.join(out, 'incident-density.json'), 'utf8');
    const raw = readFileSync(path.join(root, 'data/arsenaal-demo/incidents.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\n').slice(1).map((l) => l.split(';'));
    for (const r of raw.slice(0, 50)) {
      expect(text).not.toContain(r[0]); // feitnummer
      expect(text).not.toContain(r[1].split('/').reverse().join('-')); // the exact date
    }
    expect(text).not.toMatch(/Overlast|Diefstal|Woninginbraak/);
    // Σ density × cell area ≈ the incidents (kernels reaching outside the grid are cut: none here)
    const cellKm2 = (layer.grid.cell_m / 1000) ** 2;
    expect(layer.values.reduce((a: number, b: number) => a + b, 0) * cellKm2).toBeCloseTo(layer.incidents, -1);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.layers.find((l: { id: string }) => l.id === 'incident-density')).toMatchObject({ kind: 'density', file: 'incident-density.json', sources: ['incidents'] });
    // the per-block mean density is on the blocks, highest where the most incidents per m² are
    const dens = blocks.features.map((f) => f.properties.incident_density_per_km2 as number);
    expect(dens.every((d) => typeof d === 'number' && d >= 0)).toBe(true);
  });

  it('writes byte-identical files for the same inputs', () => {
    const files = readdirSync(out).sort();
    expect(files).toEqual(['area.geojson', 'blocks.geojson', 'incident-density.json', 'landcover.geojson', 'manifest.json', 'railways.geojson', 'report.json', 'streets.geojson']);
    for (const f of files) expect(readFileSync(path.join(again, f)).equals(readFileSync(path.join(out, f))), f).toBe(true);
  });

  it('matches the committed layers/ (generated output, never edited by hand: rebuild with `npm run build`)', () => {
    for (const f of readdirSync(out)) {
      const committed = path.join(root, 'layers', f);
      expect(existsSync(committed) && readFileSync(committed).equals(readFileSync(path.join(out, f))), `layers/${f} is stale or edited: run npm run build`).toBe(true);
    }
  });

  it('publishes no survey respondent: no ids, no answers, no points', () => {
    const survey = JSON.parse(readFileSync(path.join(root, 'data/arsenaal-demo/survey.geojson'), 'utf8')) as FC;
    const coords = new Set(survey.features.map((f) => JSON.stringify(f.geometry.coordinates)));
    for (const f of readdirSync(out)) {
      const text = readFileSync(path.join(out, f), 'utf8');
      expect(text).not.toMatch(/"R\d{4}"/);
      expect(text).not.toContain('respondent"');
      for (const c of [...coords].slice(0, 50)) expect(text.includes(c.slice(1, -1)), `${f} holds a respondent's position`).toBe(false);
    }
    for (const b of blocks.features) {
      const n = b.properties.survey_n;
      if (n !== null) expect(n).toBeGreaterThanOrEqual(5);
      if (b.properties.survey_status !== 'published') expect(b.properties.survey_veilig_mean).toBeNull();
    }
  });

  it('describes every block field in the manifest, in Dutch and English, with a unit', () => {
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    const layer = manifest.layers.find((l: { id: string }) => l.id === 'blocks');
    expect(layer.file).toBe('blocks.geojson');
    const names = layer.fields.map((f: { name: string }) => f.name);
    expect(Object.keys(blocks.features[0].properties).sort()).toEqual([...names].sort());
    for (const f of layer.fields) {
      expect(f.label.nl && f.label.en, f.name).toBeTruthy();
      expect(typeof f.unit === 'string' || (f.unit.nl && f.unit.en), f.name).toBeTruthy();
    }
    for (const name of ['block_id', 'area_m2', 'dwellings', 'inhabitants', 'pct_built_before_1945', 'pct_renters', 'incidents_total', 'incidents_per_1000', 'paved_m2', 'green_m2', 'built_m2', 'pct_paved', 'pct_green', 'survey_n']) {
      expect(names).toContain(name);
    }
    expect(manifest.attribution[0].nl).toBe('Demogegevens — synthetisch');
    expect(manifest.inputs.every((i: { sha256: string }) => /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
  });
});
