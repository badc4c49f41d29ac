import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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
