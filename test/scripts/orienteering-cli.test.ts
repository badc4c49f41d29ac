import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/routes');
const shared = path.resolve(root, '../shared/realdata/orienteering');
const hasShared = existsSync(shared);
if (!hasShared) console.warn(`wijkatlas orienteering on the published instances skipped: ${shared} is absent.`);

const run = (args: string[]) => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-orienteering-'));
  const out = path.join(tmp, 'out.json');
  const r = spawnSync(process.execPath, [path.join(root, 'bin/wijkatlas.mjs'), 'orienteering', ...args.map((a) => (a === 'OUT' ? out : a))], { encoding: 'utf8', cwd: tmp, timeout: 120_000 });
  return { ...r, out: () => JSON.parse(readFileSync(out, 'utf8')) };
};

describe('npx wijkatlas orienteering (benchmark contract)', () => {
  it('writes {score, teams, tmax, routes, route_lengths, feasible, seconds} with indices in input order', () => {
    const r = run(['--instance', path.join(fixtures, 'top-12-points-start-end-apart.txt'), '--time-limit', '1', '--seed', '3', '--out', 'OUT']);
    expect(r.status, r.stderr).toBe(0);
    const a = r.out();
    expect(Object.keys(a).sort()).toEqual(['feasible', 'route_lengths', 'routes', 'score', 'seconds', 'teams', 'tmax']);
    expect(a).toMatchObject({ teams: 2, tmax: 18, feasible: true });
    for (const route of a.routes) {
      expect(route[0]).toBe(0);
      expect(route[route.length - 1]).toBe(11);
    }
    expect(a.seconds).toBeLessThan(2);
    expect(r.stderr).toMatch(/score \d+, feasible/);
  });

  it('--threads runs a seed portfolio (seeds on stderr, JSON contract unchanged); a bad count is a user error', () => {
    const r = run(['--instance', path.join(fixtures, 'top-14-points-3-teams.txt'), '--time-limit', '0.5', '--seed', '3', '--threads', '2', '--out', 'OUT']);
    expect(r.status, r.stderr).toBe(0);
    // a worker that has not answered 30 ms after the deadline (still starting, on a loaded machine) is stopped: no score
    expect(r.stderr).toMatch(/2 threads, seeds 3\/7922 scored \d+\/(\d+|–) in \d+\/(\d+|–) rounds, seed (3|7922) kept/);
    const a = r.out();
    expect(Object.keys(a).sort()).toEqual(['feasible', 'route_lengths', 'routes', 'score', 'seconds', 'teams', 'tmax']);
    expect(a.feasible).toBe(true);
    // the time limit bounds the whole search, workers and join included (≈ 0.47 s; slack for a loaded machine)
    expect(a.seconds).toBeLessThan(0.52);
    const bad = run(['--instance', path.join(fixtures, 'top-14-points-3-teams.txt'), '--threads', '0', '--out', 'OUT']);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toMatch(/^wijkatlas orienteering: error: --threads: expected a whole number from 1 to 64, found "0"\.$/);
  });

  it('reads the Tsiligirides format (first two rows start and end)', () => {
    const r = run(['--instance', path.join(fixtures, 'tsiligirides-12-points.txt'), '--out', 'OUT']);
    expect(r.status, r.stderr).toBe(0);
    const a = r.out();
    expect(a.teams).toBe(1);
    expect(a.routes[0][0]).toBe(0);
    expect(a.routes[0].at(-1)).toBe(1);
  });

  it('exits 1 with a one-line message for a missing file or a malformed instance', () => {
    const missing = run(['--instance', 'nope.txt', '--out', 'OUT']);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^wijkatlas orienteering: error: nope.txt: cannot read the instance file/);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const noOut = run(['--instance', path.join(fixtures, 'top-12-points-1-team.txt')]);
    expect(noOut.status).toBe(1);
    expect(noOut.stderr).toMatch(/missing --out/);
  });

  it.skipIf(!hasShared)('reaches at least Chao’s 1996 score on a published instance (p7.2.e) within 2 s', () => {
    const r = run(['--instance', path.join(shared, 'top-chao/Set_102_234/p7.2.e.txt'), '--out', 'OUT']);
    expect(r.status, r.stderr).toBe(0);
    const a = r.out();
    const chao = Number(/p7\.2\.e\.txt (\d+)/.exec(readFileSync(path.join(shared, 'top-chao/chao-1996-heuristic-scores.txt'), 'utf8'))![1]);
    expect(a.feasible).toBe(true);
    expect(a.score).toBeGreaterThanOrEqual(chao);
    expect(a.seconds).toBeLessThan(2);
  });
});
