import { describe, expect, it } from 'vitest';
import type { OrienteeringInstance } from '../../src/core/routes/read-orienteering-instance.ts';
import { solveOrienteeringInstance } from '../../src/core/routes/solve-orienteering-instance.ts';
import { seededRandom } from '../../src/core/random/seeded-random.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { bundledWorkerCode, SEED_STEP, solveJob, solveOrienteeringParallel, timePlan, workerBundle } from '../../src/io/solve-orienteering-parallel.ts';

/** `n` random points (seeded), 3 teams: few iterations leave the seeds at different scores. */
function randomInstance(n = 70): OrienteeringInstance {
  const rand = seededRandom(42);
  const points = Array.from({ length: n }, (_, i) => ({ x: rand() * 40, y: rand() * 40, score: i === 0 || i === n - 1 ? 0 : 1 + Math.floor(rand() * 30) }));
  return { format: 'chao-top', points, start: 0, end: n - 1, teams: 3, tmax: 45 };
}

describe('solveOrienteeringParallel (seed portfolio on worker threads)', () => {
  const inst = randomInstance();
  // for the wall-clock tests: on 70 points the search can end by 10,000 idle rounds in ≈ 0.8 s
  // (seen in CI: 'idle' before a 1-s limit); on 200 points one thread runs ≈ 2,600 rounds a second
  const large = randomInstance(200);
  const alone = (seed: number) => solveOrienteeringInstance(inst, { seed, maxIterations: 3 });

  it('keeps the best of the seeds run on the threads, each as it would be alone', async () => {
    let keptLater = 0;
    for (const seed of [1, 2, 3, 4]) {
      const r = await solveOrienteeringParallel(inst, { seed, threads: 3, maxIterations: 3 });
      const each = [0, 1, 2].map((k) => alone(seed + k * SEED_STEP));
      expect(r.seeds).toEqual([seed, seed + SEED_STEP, seed + 2 * SEED_STEP]);
      expect(r.seed_scores).toEqual(each.map((a) => a.score));
      const top = Math.max(...each.map((a) => a.score));
      expect(r.score).toBe(top);
      const k = r.seeds.indexOf(r.seed);
      expect(each[k].score).toBe(top);
      // the first thread with the top score and the shortest total length wins
      const total = (a: { route_lengths: number[] }) => a.route_lengths.reduce((x, y) => x + y, 0);
      const first = each.findIndex((a) => a.score === top && each.every((b) => b.score < top || total(b) >= total(a) - 1e-9));
      expect(k).toBe(first);
      expect(r.routes).toEqual(each[k].routes);
      expect(r.feasible).toBe(true);
      if (k > 0) keptLater++;
    }
    // the comparison is exercised: some run keeps a worker's answer
    expect(keptLater).toBeGreaterThan(0);
  });

  it('runs the workers from one bundled script, or through tsx without it: the same answers', async () => {
    const code = await bundledWorkerCode();
    expect(code).toMatch(/workerMain/);
    expect(await bundledWorkerCode()).toBe(code);
    const bundled = await solveOrienteeringParallel(inst, { seed: 6, threads: 2, maxIterations: 3 });
    const viaTsx = await solveOrienteeringParallel(inst, { seed: 6, threads: 2, maxIterations: 3, bundle: false });
    expect(viaTsx.seed_scores).toEqual(bundled.seed_scores);
    expect(viaTsx.routes).toEqual(bundled.routes);
    expect(bundled.seed_scores[1]).toBe(alone(6 + SEED_STEP).score);
  });

  it('keeps the worker bundle on disk, and builds it again when a source changed or the file is damaged', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wijkatlas-bundle-'));
    try {
      const first = await workerBundle(dir);
      expect(first?.cached).toBe(false);
      const again = await workerBundle(dir);
      expect(again).toEqual({ code: first!.code, cached: true });
      const file = path.join(dir, 'orienteering-worker.json');
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { inputs: Record<string, string>; code: string };
      // the solver's sources are fingerprinted, the entry and esbuild are not
      const names = Object.keys(saved.inputs).map((f) => path.basename(f));
      expect(names).toEqual(expect.arrayContaining(['team-orienteering.ts', 'orienteering-state.ts', 'solve-orienteering-parallel.ts']));
      expect(names.some((f) => f.includes('worker-entry') || f === 'main.js')).toBe(false);
      // a source whose bytes differ from the fingerprint (an edit): built again, fingerprint renewed
      const some = Object.keys(saved.inputs)[0];
      writeFileSync(file, JSON.stringify({ ...saved, inputs: { ...saved.inputs, [some]: '0'.repeat(64) }, code: 'stale' }));
      expect(await workerBundle(dir)).toEqual({ code: first!.code, cached: false });
      expect((await workerBundle(dir))?.cached).toBe(true);
      // a damaged cache file: built again, no error
      writeFileSync(file, '{"inputs": {');
      expect(await workerBundle(dir)).toEqual({ code: first!.code, cached: false });
      // a cache folder that cannot be made (a file is in the way): the bundle still comes, uncached
      const blocked = path.join(dir, 'orienteering-worker.json', 'sub');
      expect(await workerBundle(blocked)).toEqual({ code: first!.code, cached: false });
      expect(await workerBundle(null)).toEqual({ code: first!.code, cached: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with one thread is the plain solver; rejects a bad thread count', async () => {
    const r = await solveOrienteeringParallel(inst, { seed: 5, threads: 1, maxIterations: 3 });
    expect(r.routes).toEqual(alone(5).routes);
    expect(r.seeds).toEqual([5]);
    await expect(solveOrienteeringParallel(inst, { threads: 0 })).rejects.toThrow(/threads must be a positive integer/);
  });

  it('does not wait for a worker that has not answered shortly after the deadline', async () => {
    // a 1 ms limit: the worker is still starting when the main thread is done
    const t0 = performance.now();
    const r = await solveOrienteeringParallel(inst, { seed: 4, threads: 2, timeLimitMs: 1 });
    expect(r.seed_scores).toEqual([r.score, null]);
    expect(r.seed).toBe(4);
    expect(r.feasible).toBe(true);
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it('answers within the time limit: the search stops a reserve before it, a late worker is left out', async () => {
    // the reserve: 40 ms, at most a tenth of the limit; the join waits until a quarter of it is left
    expect(timePlan(1900)).toEqual({ searchMs: 1860, joinMs: 1890 });
    expect(timePlan(100)).toEqual({ searchMs: 90, joinMs: 97.5 });
    // without the reserve the call returned a last step and the join after the limit (≈ 1,010 ms);
    // with it ≈ 965–980 ms (25 ms of slack for a loaded test machine)
    for (const threads of [1, 2]) {
      const t0 = performance.now();
      const r = await solveOrienteeringParallel(large, { seed: 2, threads, timeLimitMs: 1000 });
      const ms = performance.now() - t0;
      expect(r.stopped_by).toBe('time');
      expect(ms).toBeGreaterThan(900);
      expect(ms).toBeLessThan(1025);
    }
  });

  it('returns an optimal answer at once: every reachable point visited, the workers not waited for', async () => {
    // the same points with a budget that lets 3 teams visit all of them: the first thread's answer
    // reaches the bound (the sum of all scores) long before the 20-s limit
    const easy = { ...inst, tmax: 120 };
    const all = easy.points.reduce((sum, p) => sum + p.score, 0);
    const alone = solveOrienteeringInstance(easy, { seed: 5 });
    expect([alone.score, alone.stopped_by]).toEqual([all, 'bound']);
    const t0 = performance.now();
    const r = await solveOrienteeringParallel(easy, { seed: 5, threads: 2, timeLimitMs: 20_000 });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.stopped_by).toBe('bound');
    expect(r.seed_scores).toEqual([all, null]);
    // the first seed's own answer, as alone: not a worker's that happened to arrive first
    expect(r.routes).toEqual(alone.routes);
  });

  it('a thread with an optimal answer ends the search of the others (shared flag)', async () => {
    const now = performance.timeOrigin + performance.now();
    const optimal = new Int32Array(new SharedArrayBuffer(4));
    // an optimal answer sets the flag
    const easy = solveJob({ instance: { ...inst, tmax: 120 }, seed: 2, deadline: now + 20_000, optimal });
    expect(easy.stopped_by).toBe('bound');
    expect(Atomics.load(optimal, 0)).toBe(1);
    // with the flag set, another thread answers at once, its time counted as up
    const t0 = performance.now();
    const other = solveJob({ instance: inst, seed: 3, deadline: now + 20_000, optimal });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect([other.stopped_by, other.iterations, other.feasible]).toEqual(['time', 0, true]);
    // set while the thread searches (by another thread after 300 ms): the search ends soon after
    const later = new Int32Array(new SharedArrayBuffer(4));
    const setter = new Worker("const { workerData } = require('node:worker_threads'); setTimeout(() => Atomics.store(workerData, 0, 1), 300);", { eval: true, workerData: later });
    const t1 = performance.now();
    const stopped = solveJob({ instance: large, seed: 3, deadline: now + 20_000, optimal: later });
    const ms = performance.now() - t1;
    await setter.terminate();
    expect(stopped.stopped_by).toBe('time');
    expect(stopped.iterations).toBeGreaterThan(0);
    expect(ms).toBeGreaterThan(250);
    expect(ms).toBeLessThan(3000);
    // without the flag the same thread searches on (here until its 40 rounds)
    const free = solveJob({ instance: inst, seed: 3, deadline: now + 20_000, maxIterations: 40, optimal: new Int32Array(new SharedArrayBuffer(4)) });
    expect([free.stopped_by, free.iterations]).toEqual(['iterations', 40]);
  });

  it('stops all threads by the wall-clock limit', async () => {
    const t0 = performance.now();
    const r = await solveOrienteeringParallel(large, { seed: 1, threads: 2, timeLimitMs: 300 });
    expect(r.stopped_by).toBe('time');
    // worker start-up and the join are included; generous bound on a loaded 2-core machine
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
