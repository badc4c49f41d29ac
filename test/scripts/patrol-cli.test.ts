import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { reprojectFeatures } from '../../src/io/reproject.ts';

const root = path.resolve(__dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/routes');
const streets = path.join(fixtures, 'grid-streets.geojson');
const incidents = path.join(fixtures, 'grid-incidents.geojson');
const centre = '4.4936,51.0198';

const run = (args: string[]) => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-patrol-'));
  const r = spawnSync(process.execPath, [path.join(root, 'bin/wijkatlas.mjs'), 'patrol', ...args, '--out', path.join(tmp, 'out')], { encoding: 'utf8', cwd: tmp, timeout: 120_000 });
  return { ...r, dir: path.join(tmp, 'out'), tmp };
};
const base = ['--streets', streets, '--incidents', incidents, '--teams', '2', '--shift-minutes', '60', '--iterations', '200'];

describe('npx wijkatlas patrol', () => {
  it('writes routes.geojson, a GPX and a route sheet per team, and a report', () => {
    const r = run([...base, '--start', centre, '--weekday', 'vr', '--hours', '18-22']);
    expect(r.status, r.stderr).toBe(0);
    const fc = JSON.parse(readFileSync(path.join(r.dir, 'routes.geojson'), 'utf8'));
    const legs = fc.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'leg');
    const stops = fc.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'stop');
    expect(legs.length).toBeGreaterThan(2);
    expect(stops.length).toBeGreaterThan(1);
    for (const f of legs) {
      expect(f.geometry.coordinates[0][0]).toBeCloseTo(4.49, 1); // WGS84
      expect(f.properties.minutes).toBeGreaterThanOrEqual(0);
      expect(f.properties.depart).toMatch(/^18:\d\d$/);
    }
    const report = JSON.parse(readFileSync(path.join(r.dir, 'report.json'), 'utf8'));
    expect(report.incidents.used).toBe(33); // the Friday-evening incidents; the 10 weekday mornings are left out
    expect(report.incidents.skipped).toEqual({ 'other-weekday': 10 });
    expect(report.network.fragmentsRemoved).toBe(1);
    expect(report.network.skipped).toEqual({ 'highway:motorway': 1 });
    for (const t of [1, 2]) {
      expect(readFileSync(path.join(r.dir, `team-${t}.gpx`), 'utf8')).toMatch(/<trkpt lat="51\.\d+" lon="4\.\d+"\/>/);
      expect(readFileSync(path.join(r.dir, `team-${t}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
      expect(readFileSync(path.join(r.dir, `team-${t}.svg`), 'utf8')).toMatch(/Patrouilleroute team/);
      expect(report.teams[t - 1].returnMinute).toBeLessThanOrEqual(60);
    }
    expect(r.stderr).toMatch(/patrol: team 1: \d+ stops/);
    // the maps name streets the teams walk (street-name labels: dark grey text with a halo)
    const walked = new Set(legs.flatMap((f: { properties: { street: string | null } }) => (f.properties.street ?? '').split(', ').filter(Boolean)));
    const labelsIn = (file: string) => [...readFileSync(path.join(r.dir, file), 'utf8').matchAll(/<text [^>]*fill="#333333"[^>]*>([^<]+)</g)].map((m) => m[1]);
    for (const file of ['team-1.svg', 'overview.svg']) {
      const names = labelsIn(file);
      expect(names.length, file).toBeGreaterThan(0);
      for (const name of names) expect(walked.has(name), `${file}: ${name}`).toBe(true);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('--walk-weight rewards hot sections walked along: the report counts the passes', () => {
    const r = run([...base, '--start', centre, '--walk-weight', '0.3']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(path.join(r.dir, 'report.json'), 'utf8'));
    expect(report.parameters.walkWeight).toBe(0.3);
    expect(report.teams.every((t: { passes: number }) => Number.isInteger(t.passes))).toBe(true);
    expect(report.coverage.walkedShare).toBeGreaterThanOrEqual(report.coverage.stopShare);
  });

  it('starts on a named street', () => {
    const r = run([...base, '--start-street', 'hamerweg']);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(path.join(r.dir, 'team-2.gpx'))).toBe(true);
  });

  it.each([
    ['zero teams', ['--teams', '0'], /--teams: expected at least 1 team, found 0/],
    ['a shift too short to leave the start', ['--shift-minutes', '10'], /too short to leave the start/],
    ['a disconnected start point', ['--start', '4.5035,51.0180'], /start point is \d+ m from the nearest street of the connected walking network .*1 street fragment/],
    ['an unknown street', ['--start-street', 'Nergensstraat'], /no street named "Nergensstraat"/],
    ['a bad weekday', ['--weekday', 'blursday'], /--weekday: expected day names/],
    ['a walk weight above 1', ['--walk-weight', '2'], /expected a walk weight from 0 to 1, found 2/],
  ])('exits 1 with one clear line for %s', (_case, extra, message) => {
    const args = [...base, ...extra];
    if (!extra.includes('--start') && !extra.includes('--start-street')) args.push('--start', centre);
    const r = run(dedupe(args));
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr.trim().split('\n').pop()).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads each input in its own CRS (--streets-crs, --incidents-crs); unreadable records are counted and listed in report.json', () => {
    // the incidents as a police export from Belgian Excel: Lambert 72, semicolons, decimal commas,
    // and two rows that cannot be placed (no x; longitude/latitude in a Lambert file)
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-patrol-csv-'));
    const fc = JSON.parse(readFileSync(incidents, 'utf8')) as FeatureCollection<Point, { id: number; datetime: string }>;
    const lambert = reprojectFeatures(fc.features, 'EPSG:4326', 'EPSG:31370');
    const comma = (v: number) => v.toFixed(2).replace('.', ',');
    const rows = lambert.map((f) => `${f.properties.id};${comma(f.geometry.coordinates[0])};${comma(f.geometry.coordinates[1])};${f.properties.datetime}`);
    rows.push('901;;190003,41;2021-03-19T20:00', '902;4,4921635;51,0188661;2021-03-19T20:00');
    const csv = path.join(tmp, 'incidents.csv');
    writeFileSync(csv, ['id;x;y;datetime', ...rows].join('\r\n') + '\r\n', 'latin1');
    const args = ['--streets', streets, '--incidents', csv, '--x', 'x', '--y', 'y', '--teams', '2', '--shift-minutes', '60', '--iterations', '200', '--start', centre, '--weekday', 'vr', '--hours', '18-22'];
    const r = run([...args, '--incidents-crs', 'EPSG:31370']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(path.join(r.dir, 'report.json'), 'utf8'));
    // the same incidents as from the WGS 84 GeoJSON (first test): 33 used, 10 on other weekdays
    expect(report.incidents).toMatchObject({ records: 45, rejected: 2, read: 43, used: 33, skipped: { 'other-weekday': 10 } });
    expect(report.rejected.streets).toEqual([]);
    expect(report.rejected.incidents.map((p: { index: number; reason: string }) => [p.index, p.reason])).toEqual([
      [43, expect.any(String)],
      [44, 'invalid-coordinates'],
    ]);
    expect(r.stderr).toMatch(/incidents\.csv: 2 of 45 incident records rejected \(.*invalid-coordinates.*\), e\.g\. .*; all are listed in report\.json/);
    // every incident record accounted for: rejected, or read and then used or left out with a reason
    const skipped = Object.values(report.incidents.skipped as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(report.incidents.rejected + report.incidents.used + skipped).toBe(report.incidents.records);

    // one CRS for both inputs: the WGS 84 streets read as Lambert 72 are all impossible
    const wrong = run([...args, '--crs', 'EPSG:31370']);
    expect(wrong.status).toBe(1);
    const line = wrong.stderr.trim().split('\n').pop()!;
    expect(line).toMatch(/grid-streets\.geojson: all \d+ street records were rejected \(\d+ invalid-coordinates\); the first, feature 1: coordinates \[4\.\d+, 51\.\d+\] are impossible for EPSG:31370 .* give --streets-crs EPSG:4326 \(or --crs for all inputs\)\.$/);
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
    // and the Lambert incidents read as WGS 84 (the default): all rejected, or (row 902 is a WGS 84 pair)
    // all but one, which would be misplaced: both stop
    const onlyLambert = path.join(tmp, 'lambert.csv');
    writeFileSync(onlyLambert, ['id;x;y;datetime', ...rows.slice(0, -1)].join('\r\n') + '\r\n', 'latin1');
    for (const [file, count] of [[onlyLambert, 'all 44'], [csv, '44 of 45']]) {
      const lost = run(args.map((a) => (a === csv ? file : a)));
      expect(lost.status).toBe(1);
      expect(lost.stderr.trim().split('\n').pop()).toMatch(new RegExp(`${path.basename(file).replace('.', '\\.')}: ${count} incident records were rejected \\(\\d+ invalid-coordinates.*\\); the first, row 2: .*look like Belgian Lambert 72 metres .*give --incidents-crs EPSG:31370 \\(or --crs for all inputs\\)\\.$`));
    }
  });

  it('--lang en: English route sheets, overview and GPX names, with the same routes as in Dutch; another language is one line', () => {
    const nl = run([...base, '--start', centre, '--weekday', 'vr', '--hours', '18-22']);
    const en = run([...base, '--start', centre, '--weekday', 'vr', '--hours', '18-22', '--lang', 'en']);
    expect(en.status, en.stderr).toBe(0);
    expect(readFileSync(path.join(en.dir, 'routes.geojson'), 'utf8')).toBe(readFileSync(path.join(nl.dir, 'routes.geojson'), 'utf8'));
    const sheet = readFileSync(path.join(en.dir, 'team-1.svg'), 'utf8');
    expect(sheet).toContain('Patrol route team 1');
    expect(sheet).toContain('Friday, 18–22 h');
    expect(sheet).toMatch(/>Leave the starting point \(51\.0198\d*, 4\.4936\d*\) at \d\d:\d\d\.</);
    expect(sheet).toMatch(/>Stop 1: .* — arrive \d\d:\d\d, stay 12 min, leave \d\d:\d\d\.</);
    expect(sheet).not.toMatch(/Vertrek|aankomst|Loop |Sla /);
    expect(readFileSync(path.join(nl.dir, 'team-1.svg'), 'utf8')).toContain('Patrouilleroute team 1');
    expect(readFileSync(path.join(en.dir, 'overview.svg'), 'utf8')).toContain('Patrol routes — Friday, 18–22 h');
    expect(readFileSync(path.join(en.dir, 'team-1.gpx'), 'utf8')).toContain('<name>Patrol route team 1</name>');
    const fr = run([...base, '--start', centre, '--lang', 'fr']);
    expect(fr.status).toBe(1);
    expect(fr.stderr.trim().split('\n').pop()).toMatch(/--lang: expected nl or en, found "fr"\.$/);
  });

  it('exits 1 for an empty network', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-patrol-empty-'));
    const only = path.join(tmp, 'motorway.geojson');
    const fc = JSON.parse(readFileSync(streets, 'utf8'));
    writeFileSync(only, JSON.stringify({ ...fc, features: fc.features.filter((f: { properties: { highway: string } }) => f.properties.highway === 'motorway') }));
    const r = run(['--streets', only, '--incidents', incidents, '--teams', '2', '--shift-minutes', '60', '--start', centre]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/the street network is empty/);
  });
});

/** Later flags win: drops an earlier occurrence of a repeated flag and its value. */
function dedupe(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 2) {
    const j = out.indexOf(args[i]);
    if (j >= 0) out.splice(j, 2);
    out.push(args[i], args[i + 1]);
  }
  return out;
}
