/**
 * `wijkatlas build --rejects F` and max_reject_share, on the demo atlas with a few bad records mixed
 * into the incidents and the survey.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAtlas, DEFAULT_CONFIG } from '../../scripts/build.ts';
import { isUserError } from '../../src/core/user-error.ts';
import { readCsv } from '../../src/io/read-csv.ts';

const root = path.resolve(__dirname, '../..');
const demo = path.join(root, path.dirname(DEFAULT_CONFIG));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-rejects-'));

/** Bad incident rows (appended after the 690 demo rows: spreadsheet rows 692..694). */
const BAD_INCIDENTS = [
  'PVBAD1;01/03/2020;10:00;Drugs;4,48;51,03;Lambert declared, degrees given',
  'PVBAD2;01/03/2020;11:00;Vandalisme;;;geen coördinaten',
  'PVBAD3;01/03/2020;12:00;Overlast;NaN;190000;',
];
/** A respondent with Lambert coordinates in a WGS 84 file, and one without a geometry. */
const BAD_RESPONDENTS = [
  { type: 'Feature', properties: { respondent: 'R9001', veilig: 1, woonkwaliteit: 2, genoeg_groen: 'ja', contact_buren: 'ja', wil_renoveren: 'nee', bezoekdatum: '2022-06-21' }, geometry: { type: 'Point', coordinates: [158123.45, 190456.78] } },
  { type: 'Feature', properties: { respondent: 'R9002', veilig: 5, woonkwaliteit: 5, genoeg_groen: 'nee', contact_buren: 'nee', wil_renoveren: 'ja', bezoekdatum: '2022-06-22' }, geometry: null },
];

function writeConfig(name: string, patch: (cfg: Record<string, unknown>) => void): string {
  const cfg = JSON.parse(readFileSync(path.join(root, DEFAULT_CONFIG), 'utf8'));
  const abs = (spec: { path: string }) => (spec.path = path.join(demo, spec.path));
  abs(cfg.area);
  abs(cfg.blocks.streets);
  abs(cfg.blocks.rail);
  if (cfg.blocks.water) abs(cfg.blocks.water);
  for (const spec of Object.values(cfg.sources) as { path: string }[]) abs(spec);
  cfg.sources.incidents.path = path.join(tmp, 'incidents.csv');
  cfg.sources.survey.path = path.join(tmp, 'survey.geojson');
  cfg.on_invalid = 'reject';
  patch(cfg);
  const file = path.join(tmp, name);
  writeFileSync(file, JSON.stringify(cfg, null, 2));
  return file;
}

async function userError(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (err) {
    expect(isUserError(err), String((err as Error).stack)).toBe(true);
    expect((err as Error).message).not.toMatch(/[\r\n]/);
    return (err as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('wijkatlas build --rejects', () => {
  let rows: Record<string, string>[];
  let report: { joins: Array<{ source: string; recordsIn: number; joined: number; rejected: Array<{ index: number; reason: string; id: unknown; detail: string }>; notes: Record<string, number> }> };

  beforeAll(async () => {
    copyFileSync(path.join(demo, 'incidents.csv'), path.join(tmp, 'incidents.csv'));
    writeFileSync(path.join(tmp, 'incidents.csv'), `${readFileSync(path.join(tmp, 'incidents.csv'), 'utf8').replace(/\r?\n$/, '')}\n${BAD_INCIDENTS.join('\n')}\n`);
    const survey = JSON.parse(readFileSync(path.join(demo, 'survey.geojson'), 'utf8'));
    survey.features.push(...BAD_RESPONDENTS);
    writeFileSync(path.join(tmp, 'survey.geojson'), JSON.stringify(survey));
    const config = writeConfig('atlas.config.json', () => {});
    await buildAtlas(config, path.join(tmp, 'layers'), () => {}, { rejects: path.join(tmp, 'out', 'rejects.csv') });
    rows = readCsv(readFileSync(path.join(tmp, 'out', 'rejects.csv')), { file: 'rejects.csv' }).rows;
    report = JSON.parse(readFileSync(path.join(tmp, 'layers', 'report.json'), 'utf8'));
  }, 120_000);

  it('lists every rejected record of every join, with source, file, record number and reason', () => {
    const rejected = rows.filter((r) => r.outcome === 'rejected');
    const expected = report.joins.flatMap((j) => j.rejected.map((x) => `${j.source}#${x.index + 1}:${x.reason}`)).sort();
    expect(rejected.map((r) => `${r.source}#${r.record}:${r.reason}`).sort()).toEqual(expected);
    for (const j of report.joins) expect(j.joined + j.rejected.length, j.source).toBe(j.recordsIn);
    const bad = rejected.filter((r) => r.source === 'incidents' && r.id.startsWith('PVBAD'));
    expect(bad.map((r) => [r.id, r.record, r.location, r.reason])).toEqual([
      ['PVBAD1', '691', 'row 692', 'invalid-coordinates'],
      ['PVBAD2', '692', 'row 693', 'null-geometry'],
      ['PVBAD3', '693', 'row 694', 'invalid-coordinates'],
    ]);
    expect(bad[0].file).toBe(path.relative(process.cwd(), path.join(tmp, 'incidents.csv')).split(path.sep).join('/'));
    expect(bad[0].detail).toContain('declare crs EPSG:4326');
    expect(JSON.parse(bad[1].properties)).toMatchObject({ feitnummer: 'PVBAD2', categorie: 'Vandalisme', straatnaam: 'geen coördinaten' });
  });

  it('lists repaired records too (the demo land cover has repeated vertices), and counts them in report.json', () => {
    const repaired = rows.filter((r) => r.outcome === 'repaired');
    expect(repaired.length).toBeGreaterThan(0);
    expect(new Set(repaired.map((r) => r.source))).toEqual(new Set(['landcover']));
    expect(repaired[0].reason).toMatch(/^(removed-duplicate-points|fixed-self-intersection)(\+|$)/);
    const lc = report.joins.find((j) => j.source === 'landcover')!;
    expect(lc.notes['repaired:removed-duplicate-points']).toBe(repaired.filter((r) => r.reason.includes('removed-duplicate-points')).length);
  });

  it('writes nothing that identifies a survey respondent: no id, no properties, no coordinates, no answers', () => {
    const survey = rows.filter((r) => r.source === 'survey');
    expect(survey.map((r) => [r.record, r.reason])).toEqual([
      ['313', 'invalid-coordinates'],
      ['314', 'null-geometry'],
    ]);
    for (const r of survey) {
      expect(r.id).toBe('');
      expect(r.properties).toBe('');
    }
    const text = readFileSync(path.join(tmp, 'out', 'rejects.csv'), 'utf8');
    expect(text).not.toMatch(/R9\d{3}|158123|190456/);
    const inReport = JSON.stringify(report.joins.find((j) => j.source === 'survey'));
    expect(inReport).not.toMatch(/R9\d{3}|158123|190456/);
    // Households: reasons and ids, but not the household's properties.
    for (const r of rows.filter((x) => x.source === 'tenure')) expect(r.properties).toBe('');
  });

  it('stops the build when a source rejects more than max_reject_share, after writing the rejects file', async () => {
    const config = writeConfig('strict.config.json', (cfg) => {
      (cfg.sources as Record<string, Record<string, unknown>>).incidents.max_reject_share = 0.005;
    });
    const rejects = path.join(tmp, 'strict-rejects.json');
    const message = await userError(() => buildAtlas(config, path.join(tmp, 'strict-layers'), () => {}, { rejects }));
    expect(message).toMatch(/incidents\.csv: expected at most 0\.5 % of the 693 incidents records to be rejected, found 7 \(1 % ?: /);
    expect(message).toContain('2 invalid-coordinates');
    expect(message).toContain(`they are listed in ${rejects}`);
    expect(message).toContain('"sources.incidents.max_reject_share"');
    const json = JSON.parse(readFileSync(rejects, 'utf8'));
    expect(json.schema_version).toBe(1);
    expect(json.records.filter((r: { source: string; outcome: string }) => r.source === 'incidents' && r.outcome === 'rejected')).toHaveLength(7);
    expect(existsSync(path.join(tmp, 'strict-layers', 'blocks.geojson'))).toBe(false);
  }, 120_000);

  it('refuses a share above 1 and a rejects file it cannot write', async () => {
    const config = writeConfig('share.config.json', (cfg) => (cfg.max_reject_share = 20));
    expect(await userError(() => buildAtlas(config, path.join(tmp, 'x'), () => {}))).toContain('field "max_reject_share": expected a share from 0 to 1 (0.2 = 20 %), found 20');
    expect(await userError(() => buildAtlas(config, path.join(tmp, 'x'), () => {}, { rejects: 'rejects.txt' }))).toContain('--rejects rejects.txt: expected a file name ending in .csv, .json or .ndjson');
  });
});
