/**
 * Runs the orienteering solver with several seeds at once, one per CPU thread (a seed portfolio),
 * and keeps the best answer. The main thread solves the first seed itself while worker threads solve
 * the others against the same deadline, so the wall-clock time stays that of one run.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { OrienteeringInstance } from '../core/routes/read-orienteering-instance.ts';
import { solveOrienteeringInstance, type OrienteeringAnswer } from '../core/routes/solve-orienteering-instance.ts';
import { hashBytes } from './hash-file.ts';

/** Step between the seeds of the threads: thread k runs seed + k·SEED_STEP (distinct from the seeds a user runs next). */
export const SEED_STEP = 7919;
/** Default time limit of the benchmark CLI and bench in seconds: a hard bound on the wall-clock time, below the benchmark's 2 s per instance. */
export const DEFAULT_TIME_LIMIT_S = 1.9;
/** Most threads used by default. */
const DEFAULT_MAX_THREADS = 4;
/**
 * Milliseconds of the time limit kept back from the search (at most a tenth of the limit): the search
 * stops this long before the limit, so its last step, the workers' answers and the join fit in the
 * limit and the wall-clock time of the whole call stays below it.
 */
const RESERVE_MS = 40;

/**
 * How a time limit is spent: the search stops after `searchMs` (the limit less a reserve of 40 ms, at
 * most a tenth of the limit) and workers are waited for until `joinMs` (a quarter of the reserve left).
 */
export function timePlan(limitMs: number): { searchMs: number; joinMs: number } {
  const reserve = Math.min(RESERVE_MS, limitMs / 10);
  return { searchMs: limitMs - reserve, joinMs: limitMs - reserve / 4 };
}

/** Options of solveOrienteeringParallel. */
export interface ParallelOptions {
  /** Seed of the first thread (default 1); thread k runs seed + k·SEED_STEP. */
  seed?: number;
  /** Number of threads (seeds): default the machine's available parallelism, at most 4. 1 = no worker. */
  threads?: number;
  /**
   * Wall-clock limit in milliseconds from the call, for all threads together, join included: the
   * search stops a reserve before it (40 ms, at most a tenth of the limit) and a worker that has not
   * answered by then is stopped. Default: none.
   */
  timeLimitMs?: number;
  /** Deterministic stopping rule per thread (see solveTeamOrienteering). */
  maxIterations?: number;
  /** false: workers load the TypeScript sources through tsx instead of the bundled solver (slower start, same answers). Default true. */
  bundle?: boolean;
}

/** The best answer of the portfolio and where it came from. */
export interface ParallelAnswer extends OrienteeringAnswer {
  /** Seed whose answer was kept. */
  seed: number;
  /** Seeds run (one per thread), in thread order. */
  seeds: number[];
  /** Score reached by each seed, in thread order (null: a worker that had not answered shortly after the deadline, or that was not waited for because the first seed's answer was optimal (stopped_by 'bound'); stopped). */
  seed_scores: (number | null)[];
  /** Search rounds run by each seed, in thread order (null where seed_scores is null). */
  seed_iterations: (number | null)[];
}

/** The default number of threads on this machine. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(DEFAULT_MAX_THREADS, availableParallelism()));
}

/** Wall clock shared by all threads (performance.now() alone is relative to each thread's start). */
const clock = () => performance.timeOrigin + performance.now();

/** How far the clock of a thread jumps when another thread's answer is optimal: its time is up. */
const FLAGGED_MS = 1e12;

/** One thread's search (exported for tests). */
export interface Job {
  instance: OrienteeringInstance;
  seed: number;
  /** Absolute deadline on `clock`, or null for none. */
  deadline: number | null;
  maxIterations?: number;
  /**
   * Shared by all threads of a time-limited call (a SharedArrayBuffer): set to 1 by the thread whose
   * answer is optimal (stopped_by 'bound'); the others then see their time as up and answer at once.
   */
  optimal?: Int32Array;
}

/** Runs one thread's search; with a shared `optimal` flag it stops when another thread set it, and sets it when its own answer is optimal (exported for tests). */
export function solveJob(job: Job): OrienteeringAnswer {
  const options = { seed: job.seed, maxIterations: job.maxIterations };
  if (job.deadline === null) return solveOrienteeringInstance(job.instance, options);
  const flag = job.optimal;
  const flagged = () => flag !== undefined && Atomics.load(flag, 0) === 1;
  // once flagged, the clock jumps a long way ahead (not to Infinity: Infinity − Infinity is no time)
  const now = flag ? () => clock() + (flagged() ? FLAGGED_MS : 0) : clock;
  const answer = solveOrienteeringInstance(job.instance, { ...options, now, timeBudget: flagged() ? 0 : Math.max(0, job.deadline - clock()) });
  if (flag && answer.stopped_by === 'bound') Atomics.store(flag, 0, 1);
  return answer;
}

/** a is better than b: higher score, then shorter total length (then the earlier thread wins). */
function better(a: OrienteeringAnswer, b: OrienteeringAnswer): boolean {
  if (a.score !== b.score) return a.score > b.score;
  const total = (x: OrienteeringAnswer) => x.route_lengths.reduce((s, l) => s + l, 0);
  return total(a) < total(b) - 1e-9;
}

/**
 * Solves a benchmark instance with `threads` seeds in parallel and returns the best feasible answer
 * (the answers are checked by solveOrienteeringInstance; an infeasible one is kept only when all are).
 * Deterministic under an iteration limit: each seed's answer is, and ties go to the earlier thread.
 *
 * @param instance - from readOrienteeringInstance
 * @param options - first seed, threads, wall-clock limit, iteration limit
 * @returns the best answer with the seeds run and each seed's score
 */
export async function solveOrienteeringParallel(instance: OrienteeringInstance, options: ParallelOptions = {}): Promise<ParallelAnswer> {
  const seed = options.seed ?? 1;
  const threads = options.threads ?? defaultThreads();
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`solveOrienteeringParallel: threads must be a positive integer, found ${threads}`);
  const t0 = clock();
  const limit = options.timeLimitMs;
  const plan = limit === undefined ? null : timePlan(limit);
  const deadline = plan === null ? null : t0 + plan.searchMs;
  const joinBy = plan === null ? null : t0 + plan.joinMs;
  const seeds = Array.from({ length: threads }, (_, k) => seed + k * SEED_STEP);
  // with a time limit, a thread that finds an optimal answer ends the others' search (without a
  // limit each thread runs its rounds, so the answer stays the same from run to run)
  const optimal = deadline === null ? undefined : new Int32Array(new SharedArrayBuffer(4));
  // inside the limit: bundling the worker's code (tens of milliseconds, once per process); when it
  // takes more than a quarter of the limit (a loaded machine) the workers are left out (score null)
  const code = threads > 1 && options.bundle !== false ? await within(bundledWorkerCode(), limit === undefined ? Infinity : limit / 4, LATE) : null;
  const workers = code === LATE ? [] : seeds.slice(1).map((s) => runInWorker({ instance, seed: s, deadline, maxIterations: options.maxIterations, optimal }, code));
  // the main thread's own run: its answer is there even if a worker fails to start in time
  const own = solveJob({ instance, seed, deadline, maxIterations: options.maxIterations, optimal });
  // an optimal answer (every reachable point visited) cannot be beaten: the workers are stopped
  // without waiting (score null), which also keeps the answer the same from run to run
  if (own.stopped_by === 'bound') for (const w of workers) w.stop();
  // with a limit, a worker that has not answered by `joinBy` (a long last step, a slow start) is
  // stopped and its seed left out (score null), so the call returns within the limit
  const answers: (OrienteeringAnswer | null)[] =
    own.stopped_by === 'bound' ? [own] : [own, ...(await Promise.all(workers.map((w) => (joinBy === null ? w.answer : w.within(joinBy - clock())))))];
  while (answers.length < threads) answers.push(null);
  let best = 0;
  for (let k = 1; k < answers.length; k++) {
    const a = answers[k];
    const b = answers[best]!;
    if (a && ((a.feasible && !b.feasible) || (a.feasible === b.feasible && better(a, b)))) best = k;
  }
  return { ...answers[best]!, seed: seeds[best], seeds, seed_scores: answers.map((a) => a?.score ?? null), seed_iterations: answers.map((a) => a?.iterations ?? null) };
}

/** A worker's answer, or (within) the answer if it comes within ms milliseconds, else null and the worker stopped; stop: stop it now, its answer no longer wanted. */
interface WorkerRun {
  answer: Promise<OrienteeringAnswer>;
  within: (ms: number) => Promise<OrienteeringAnswer | null>;
  stop: () => void;
}

/** Stands for a worker bundle that was not ready in time. */
const LATE = Symbol('late');

/** The value of `promise`, or `fallback` when it has not settled within ms milliseconds. */
async function within<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  if (!Number.isFinite(ms)) return promise;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<F>((resolve) => (timer = setTimeout(() => resolve(fallback), Math.max(0, ms))));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The worker's code, bundled once per process (see bundledWorkerCode). */
let workerCode: Promise<string | null> | null = null;

/** Where bundledWorkerCode keeps the bundle between processes: node_modules/.cache/wijkatlas of this checkout. */
export function workerCacheDir(): string {
  // a function, not a constant: in the bundle itself import.meta.url is no address
  return fileURLToPath(new URL('../../node_modules/.cache/wijkatlas', import.meta.url));
}

/**
 * The solver bundled into one CommonJS script of ≈ 60 kB by esbuild, so a worker thread starts
 * searching about 60 ms after it is created instead of ≈ 0.5 s when it loads tsx and compiles the
 * TypeScript sources itself. Once per process; between processes the bundle is kept on disk
 * (workerBundle: 1–6 ms to check instead of 53–70 ms to build, time the search gets back). null when
 * esbuild cannot bundle (then the tsx bootstrap orienteering-worker.mjs runs: slower to start, same
 * answers).
 */
export function bundledWorkerCode(): Promise<string | null> {
  workerCode ??= workerBundle(workerCacheDir()).then((b) => b?.code ?? null);
  return workerCode;
}

/** The bundle's sources: path and SHA-256 of each file esbuild read. */
type BundleInputs = Record<string, string>;

/** File name of the bundle's entry (esbuild's stdin). */
const ENTRY = 'orienteering-worker-entry.ts';

/**
 * The worker bundle, from `cacheDir` when every source it was built from is unchanged (same SHA-256:
 * a checkout's file times are not trusted), else built by esbuild and written there. A cache that
 * cannot be read or written is rebuilt or skipped, never an error; null when esbuild cannot bundle.
 *
 * @param cacheDir - folder of the cache file (created when missing); null: no cache
 * @returns the script and whether it came from the cache
 */
export async function workerBundle(cacheDir: string | null): Promise<{ code: string; cached: boolean } | null> {
  const file = cacheDir === null ? null : path.join(cacheDir, 'orienteering-worker.json');
  if (file !== null) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { inputs: BundleInputs; code: string };
      const inputs = Object.entries(saved.inputs);
      if (typeof saved.code === 'string' && inputs.length > 0 && inputs.every(([f, hash]) => hashBytes(readFileSync(f)) === hash)) return { code: saved.code, cached: true };
    } catch {
      // no cache yet, a source gone, or a damaged file: build below
    }
  }
  let built: { code: string; files: string[] };
  try {
    const { build } = await import('esbuild');
    const here = path.dirname(fileURLToPath(import.meta.url));
    const out = await build({
      stdin: { contents: "import { workerMain } from './solve-orienteering-parallel.ts';\nworkerMain();\n", resolveDir: here, sourcefile: ENTRY, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      metafile: true,
      // the worker never bundles: esbuild's own API (imported above) stays out of the bundle
      external: ['esbuild'],
      // import.meta.url (the tsx bootstrap's address) is not used by a worker
      logLevel: 'error',
      define: { 'import.meta.url': '"about:blank"' },
    });
    // metafile paths are relative to esbuild's working directory; the entry (stdin) is not a file
    const files = Object.keys(out.metafile.inputs).filter((f) => path.basename(f) !== ENTRY);
    built = { code: out.outputFiles[0].text, files: files.map((f) => path.resolve(f)) };
  } catch {
    return null;
  }
  if (file !== null) {
    try {
      const inputs: BundleInputs = Object.fromEntries(built.files.map((f) => [f, hashBytes(readFileSync(f))]));
      mkdirSync(cacheDir!, { recursive: true });
      // written whole, then renamed: a process reading at the same time sees the old file or the new one
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ inputs, code: built.code }));
      renameSync(tmp, file);
    } catch {
      // a read-only checkout: the next process bundles again
    }
  }
  return { code: built.code, cached: false };
}

function runInWorker(job: Job, code: string | null): WorkerRun {
  // the bundled solver when there is one, else the bootstrap that registers tsx (the sources are
  // TypeScript) and calls workerMain below
  const worker = code === null ? new Worker(new URL('./orienteering-worker.mjs', import.meta.url), { workerData: job }) : new Worker(code, { eval: true, workerData: job });
  let stopped = false;
  const answer = new Promise<OrienteeringAnswer>((resolve, reject) => {
    let got = false;
    // the answer counts when it arrives (the worker's teardown after it is not waited for)
    worker.once('message', (m: OrienteeringAnswer) => {
      got = true;
      resolve(m);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!got && !stopped) reject(new Error(`orienteering worker (seed ${job.seed}) exited with code ${code} without an answer`));
    });
  });
  const stop = () => {
    stopped = true;
    // not awaited: the call returns now, the thread goes down in the background
    worker.terminate().catch(() => {});
  };
  // nobody may wait for the answer of a stopped worker: no unhandled rejection
  answer.catch(() => {});
  const answerWithin = async (ms: number): Promise<OrienteeringAnswer | null> => {
    const first = await within(answer, ms, null);
    if (first === null) stop();
    return first;
  };
  return { answer, within: answerWithin, stop };
}

/** Body of a worker thread: solve the job in workerData and post the answer. */
export function workerMain(): void {
  if (isMainThread || !parentPort) throw new Error('workerMain: not in a worker thread');
  parentPort.postMessage(solveJob(workerData as Job));
}
