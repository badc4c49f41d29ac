/**
 * `npx tsx bench/orienteering.ts [--time-limit S] [--seed S] [--threads N] [--only SUBSTRING] [--cli | --npx]`: the patrol
 * planner's solver on the standard orienteering benchmarks in ../shared/realdata/orienteering —
 * Chao's TOP sets p4, p5, p7 (against Chao's 1996 heuristic scores) and Tsiligirides set 1 (against
 * the best-known scores). Prints a table (instance, ours, Chao, best-known, feasible, seconds) and
 * writes tmp/orienteering-bench.json. Skips with a message when ../shared is absent. Where a published
 * score exceeds the exact optimum with unrounded Euclidean distances (exhaustive search when at most
 * 16 points are reachable, or a recorded integer-programming proof), the optimum is the target.
 * With --cli each instance is solved by a fresh `node bin/wijkatlas.mjs orienteering` process, as an
 * acceptance check runs it (cold start, bundling inside the limit; `seconds` from its JSON); --npx runs
 * `npx wijkatlas orienteering` instead. Both also record each process's wall-clock time (start-up
 * included) and print its median and maximum.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readOrienteeringInstance } from '../src/core/routes/read-orienteering-instance.ts';
import { DEFAULT_TIME_LIMIT_S, defaultThreads, solveOrienteeringParallel } from '../src/io/solve-orienteering-parallel.ts';
import type { OrienteeringInstance } from '../src/core/routes/read-orienteering-instance.ts';
import { exhaustiveTop } from '../test/core/routes/exhaustive-top.ts';

const root = path.resolve(import.meta.dirname, '..');
const base = path.resolve(root, '../shared/realdata/orienteering');
/** Best-known scores of Tsiligirides set 1 (../shared/realdata/README.md). */
const TSILIGIRIDES_BEST: Record<number, number> = { 5: 10, 10: 15, 15: 45, 20: 65, 25: 90, 30: 110, 35: 135, 40: 155, 46: 175, 50: 190, 55: 205, 60: 225, 65: 240, 70: 260, 73: 265, 75: 275, 80: 280, 85: 285 };

const USAGE = `Usage: npx tsx bench/orienteering.ts [--time-limit S] [--seed S] [--threads N] [--only SUBSTRING] [--cli | --npx]
  Solves every instance in ../shared/realdata/orienteering (Chao's TOP sets p4, p5, p7; Tsiligirides set 1)
  and compares with Chao's 1996 scores and the best-known scores; writes tmp/orienteering-bench.json.
  --time-limit S   seconds per instance (default ${DEFAULT_TIME_LIMIT_S})
  --seed S         first seed of the seed portfolio (default 1)
  --threads N      search threads (default: this machine's, at most 4)
  --only SUBSTR    only instances whose file name contains SUBSTR
  --cli            one fresh \`node bin/wijkatlas.mjs orienteering\` process per instance
  --npx            one \`npx wijkatlas orienteering\` process per instance`;
let parsed;
try {
  parsed = parseArgs({ options: { 'time-limit': { type: 'string' }, seed: { type: 'string' }, threads: { type: 'string' }, only: { type: 'string' }, cli: { type: 'boolean' }, npx: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
} catch (e) {
  console.error(`bench/orienteering: ${(e as Error).message}\n${USAGE}`);
  process.exit(1);
}
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const viaNpx = values.npx === true;
const inCli = values.cli === true || viaNpx;
/** As the CLI: a seed portfolio over the CPU threads (at most 4) unless --threads says otherwise. */
const threads = Number(values.threads ?? defaultThreads());
const timeLimitMs = Number(values['time-limit'] ?? DEFAULT_TIME_LIMIT_S) * 1000;
const seed = Number(values.seed ?? 1);

if (!existsSync(base)) {
  console.warn(`bench/orienteering: skipped, ${base} is absent.`);
  process.exit(0);
}
const chao = new Map<string, number>();
for (const line of readFileSync(path.join(base, 'top-chao/chao-1996-heuristic-scores.txt'), 'utf8').split('\n')) {
  const [file, score] = line.trim().split(/\s+/);
  if (file && score !== undefined) chao.set(file, Number(score));
}
const files: Array<{ file: string; name: string; chao?: number; best?: number }> = [];
for (const set of ['Set_100_234', 'Set_66_234', 'Set_102_234']) {
  for (const f of readdirSync(path.join(base, 'top-chao', set)).sort()) files.push({ file: path.join(base, 'top-chao', set, f), name: f, chao: chao.get(f) });
}
for (const f of readdirSync(path.join(base, 'tsiligirides-1')).sort()) {
  const budget = Number(/budget_(\d+)/.exec(f)?.[1]);
  files.push({ file: path.join(base, 'tsiligirides-1', f), name: f, best: TSILIGIRIDES_BEST[budget] });
}

/** Proven optima with exact Euclidean distances where a published score is unreachable (see docs/routes.md). */
const PROVEN: Record<string, { optimum: number; how: string }> = {
  'tsiligirides_problem_1_budget_75.txt': { optimum: 270, how: 'integer programming, test/core/routes/orienteering_exact_ilp.py' },
};

/** Exact optimum by exhaustive search when at most 16 points are reachable within tmax, else null. */
function exactSmall(inst: OrienteeringInstance): number | null {
  const { points: P, start, end, tmax, teams } = inst;
  const d = (i: number, j: number) => Math.hypot(P[i].x - P[j].x, P[i].y - P[j].y);
  if (d(start, end) > tmax + 1e-9) return 0;
  const keep = P.map((_, i) => i).filter((i) => i !== start && i !== end && P[i].score > 0 && d(start, i) + d(i, end) <= tmax + 1e-9);
  if (keep.length > 16) return null;
  const pts = [P[start], ...keep.map((i) => P[i]), P[end]];
  return exhaustiveTop(pts, 0, pts.length - 1, teams, tmax);
}

/** Solves in this process (warm). */
async function solveHere(instance: OrienteeringInstance): Promise<{ answer: { score: number; feasible: boolean; stopped_by: string }; seconds: number }> {
  const t = performance.now();
  const answer = await solveOrienteeringParallel(instance, { seed, threads, timeLimitMs });
  return { answer, seconds: (performance.now() - t) / 1000 };
}

/** Solves with a fresh CLI process, defaults except the flags given here; reads its JSON answer. */
function solveInCli(file: string): { answer: { score: number; feasible: boolean; stopped_by: string }; seconds: number; wall: number } {
  const out = path.join(root, 'tmp/orienteering-bench-cli.json');
  const args = ['orienteering', '--instance', file, '--out', out, '--seed', String(seed), '--threads', String(threads), '--time-limit', String(timeLimitMs / 1000)];
  const t = performance.now();
  const run = viaNpx ? spawnSync('npx', ['--no-install', 'wijkatlas', ...args], { encoding: 'utf8', cwd: root }) : spawnSync(process.execPath, [path.join(root, 'bin/wijkatlas.mjs'), ...args], { encoding: 'utf8' });
  const wall = (performance.now() - t) / 1000;
  if (run.status !== 0) throw new Error(`wijkatlas orienteering failed on ${file}: ${run.stderr}`);
  const a = JSON.parse(readFileSync(out, 'utf8')) as { score: number; feasible: boolean; seconds: number };
  return { answer: { ...a, stopped_by: /stopped by (\w+)/.exec(run.stderr)?.[1] ?? '?' }, seconds: a.seconds, wall };
}

mkdirSync(path.join(root, 'tmp'), { recursive: true });
const rows = [];
let failures = 0;
console.log('| instance | ours | Chao 1996 | best known | feasible | seconds | note |');
console.log('|---|---|---|---|---|---|---|');
for (const f of files) {
  if (values.only && !f.name.includes(values.only)) continue;
  const instance = readOrienteeringInstance(readFileSync(f.file, 'utf8'), f.name);
  const { answer, seconds, wall } = inCli ? solveInCli(f.file) : { ...(await solveHere(instance)), wall: null };
  const exact = PROVEN[f.name]?.optimum ?? exactSmall(instance);
  // a published score above the proven optimum is unreachable: the target is then the optimum
  const target = Math.min(f.chao ?? f.best ?? 0, exact ?? Infinity);
  const ok = answer.feasible && answer.score >= target && seconds < 2;
  if (!ok) failures++;
  const row = { instance: f.name, ours: answer.score, chao: f.chao ?? null, best_known: f.best ?? null, exact_optimum: exact, feasible: answer.feasible, seconds: Number(seconds.toFixed(3)), process_wall_s: wall === null ? null : Number(wall.toFixed(3)), stopped_by: answer.stopped_by, ok };
  rows.push(row);
  const note = ok ? (exact !== null && exact < (f.chao ?? f.best ?? 0) ? `published score unreachable: exact optimum ${exact}` : '') : 'BELOW TARGET';
  console.log(`| ${row.instance} | ${row.ours} | ${row.chao ?? '–'} | ${row.best_known ?? '–'} | ${row.feasible} | ${row.seconds.toFixed(3)} | ${note} |`);
}
writeFileSync(path.join(root, 'tmp/orienteering-bench.json'), JSON.stringify(rows, null, 1) + '\n');
console.log(`${rows.length} instances, ${failures} below target or infeasible or ≥ 2 s (time limit ${timeLimitMs / 1000} s, seed ${seed}, ${threads} thread(s)${inCli ? `, one ${viaNpx ? 'npx wijkatlas' : 'node bin/wijkatlas.mjs'} process each` : ''}); tmp/orienteering-bench.json`);
const walls = rows.map((r) => r.process_wall_s).filter((w): w is number => w !== null).sort((a, b) => a - b);
if (walls.length > 0) console.log(`process wall clock (start-up included): median ${walls[walls.length >> 1].toFixed(2)} s, max ${walls[walls.length - 1].toFixed(2)} s; max seconds ${Math.max(...rows.map((r) => r.seconds)).toFixed(3)}`);
