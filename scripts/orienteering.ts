/**
 * `wijkatlas orienteering`: the patrol planner's solver on a standard orienteering benchmark
 * instance (Chao's TOP format or Tsiligirides' format), with exact Euclidean distances.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../src/core/user-error.ts';
import { readOrienteeringInstance } from '../src/core/routes/read-orienteering-instance.ts';
import { DEFAULT_TIME_LIMIT_S, defaultThreads, solveOrienteeringParallel, SEED_STEP } from '../src/io/solve-orienteering-parallel.ts';

export const ORIENTEERING_HELP = `Usage: wijkatlas orienteering --instance F [--time-limit SECONDS] [--seed S] [--threads N] --out F.json

Solves a (team) orienteering benchmark instance and writes
  {score, teams, tmax, routes, route_lengths, feasible, seconds}
routes: per team, point indices (0-based, in input order: the i-th point row is index i) from the
start index to the end index inclusive; [] when even the direct start-to-end trip exceeds tmax.
Distances are exact (unrounded) Euclidean distances. With several threads, thread k searches with
seed S + k·${SEED_STEP} against the same deadline and the best answer is kept (stderr prints the
seeds, their scores and their search rounds; a worker that has not answered in time is stopped and
shows "–").
seconds is the wall-clock time of the whole search, threads and join included; it stays within
--time-limit (the search stops 40 ms before the limit, at most a tenth of it, to answer in time).
The search ends early when every point that fits in a route on its own is visited: no answer can
score more (stderr: "stopped by bound"; the other threads are then stopped and show "–").

  --instance F       Chao et al. TOP file ("n N", "m M", "tmax T", rows "x y score"; first row start,
                     last row end) or Tsiligirides file ("Tmax paths", rows; first two rows start, end);
                     the format is detected from the first line
  --time-limit S     seconds the whole search may take, a hard limit on seconds (default ${DEFAULT_TIME_LIMIT_S})
  --seed S           seed of the search (default 1)
  --threads N        seeds searched in parallel, one per CPU thread (default: the CPU threads, at most
                     4; here ${defaultThreads()}); 1 = one search on the main thread
  --out F.json       result file
  -h, --help         show this help`;

export async function orienteeringCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { instance: { type: 'string' }, 'time-limit': { type: 'string' }, seed: { type: 'string' }, threads: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) return (console.log(ORIENTEERING_HELP), 0);
  for (const flag of ['instance', 'out'] as const) {
    if (!values[flag]) throw new UserError(`missing --${flag}: expected a file path.`, "run 'wijkatlas orienteering --help'");
  }
  const limit = Number(values['time-limit'] ?? DEFAULT_TIME_LIMIT_S);
  if (!(limit > 0)) throw new UserError(`--time-limit: expected a number of seconds > 0, found "${values['time-limit']}".`);
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(seed)) throw new UserError(`--seed: expected a whole number, found "${values.seed}".`);
  const threads = values.threads === undefined ? defaultThreads() : Number(values.threads);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UserError(`--threads: expected a whole number from 1 to 64, found "${values.threads}".`);
  const file = path.resolve(values.instance!);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(`${values.instance}: cannot read the instance file (${(err as NodeJS.ErrnoException).code ?? 'error'}). Check the path.`);
  }
  const instance = readOrienteeringInstance(text, path.basename(file));
  const t0 = performance.now();
  const answer = await solveOrienteeringParallel(instance, { seed, threads, timeLimitMs: limit * 1000 });
  const seconds = (performance.now() - t0) / 1000;
  const { score, teams, tmax, routes, route_lengths, feasible, seeds, seed_scores, seed_iterations } = answer;
  writeFileSync(path.resolve(values.out!), JSON.stringify({ score, teams, tmax, routes, route_lengths, feasible, seconds: Math.round(seconds * 1000) / 1000 }) + '\n');
  const kept = threads > 1 ? `; ${threads} threads, seeds ${seeds.join('/')} scored ${seed_scores.map((x) => x ?? '–').join('/')} in ${seed_iterations.map((x) => x ?? '–').join('/')} rounds, seed ${answer.seed} kept` : '';
  console.error(`orienteering: ${path.basename(file)} (${instance.format}, ${instance.points.length} points, ${teams} team(s), tmax ${tmax}): score ${score}, ${feasible ? 'feasible' : 'INFEASIBLE'}, ${seconds.toFixed(2)} s (${answer.iterations} rounds, stopped by ${answer.stopped_by === 'bound' ? 'bound: every reachable point visited, optimal' : answer.stopped_by}${kept})`);
  return 0;
}
