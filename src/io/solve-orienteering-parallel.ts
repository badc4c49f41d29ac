/**
 * Runs the orienteering solver with several seeds at once, one per CPU thread (a seed portfolio),
 * and keeps the best answer. The main thread solves the first seed itself while worker threads solve
 * the others against the same deadline, so the wall-clock time stays that of one run.
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { OrienteeringInstance } from '../core/routes/read-orienteering-instance.ts';
import { solveOrienteeringInstance, type OrienteeringAnswer } from '../core/routes/solve-orienteering-instance.ts';

/** Step between the seeds of the threads: thread k runs seed + k·SEED_STEP (distinct from the seeds a user runs next). */
export const SEED_STEP = 7919;
/** Most threads used by default. */
const DEFAULT_MAX_THREADS = 4;
/** Milliseconds past the deadline that the main thread waits for a worker's answer before it stops that worker. */
const GRACE_MS = 30;

/** Options of solveOrienteeringParallel. */
export interface ParallelOptions {
  /** Seed of the first thread (default 1); thread k runs seed + k·SEED_STEP. */
  seed?: number;
  /** Number of threads (seeds): default the machine's available parallelism, at most 4. 1 = no worker. */
  threads?: number;
  /** Wall-clock limit in milliseconds from the call, for all threads together. Default: none. */
  timeLimitMs?: number;
  /** Deterministic stopping rule per thread (see solveTeamOrienteering). */
  maxIterations?: number;
}

/** The best answer of the portfolio and where it came from. */
export interface ParallelAnswer extends OrienteeringAnswer {
  /** Seed whose answer was kept. */
  seed: number;
  /** Seeds run (one per thread), in thread order. */
  seeds: number[];
  /** Score reached by each seed, in thread order (null: a worker that had not answered shortly after the deadline, stopped). */
  seed_scores: (number | null)[];
}

/** The default number of threads on this machine. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(DEFAULT_MAX_THREADS, availableParallelism()));
}

/** Wall clock shared by all threads (performance.now() alone is relative to each thread's start). */
const clock = () => performance.timeOrigin + performance.now();

interface Job {
  instance: OrienteeringInstance;
  seed: number;
  /** Absolute deadline on `clock`, or null for none. */
  deadline: number | null;
  maxIterations?: number;
}

function solveJob(job: Job): OrienteeringAnswer {
  const options = { seed: job.seed, maxIterations: job.maxIterations };
  if (job.deadline === null) return solveOrienteeringInstance(job.instance, options);
  return solveOrienteeringInstance(job.instance, { ...options, now: clock, timeBudget: Math.max(0, job.deadline - clock()) });
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
  const deadline = options.timeLimitMs === undefined ? null : clock() + options.timeLimitMs;
  const seeds = Array.from({ length: threads }, (_, k) => seed + k * SEED_STEP);
  const workers = seeds.slice(1).map((s) => runInWorker({ instance, seed: s, deadline, maxIterations: options.maxIterations }));
  // the main thread's own run: its answer is there even if a worker fails to start in time
  const own = solveJob({ instance, seed, deadline, maxIterations: options.maxIterations });
  // with a deadline, a worker still busy GRACE_MS after it (a long last step, a slow start) is
  // stopped and its seed left out (score null), so the wall-clock time stays bounded
  const answers: (OrienteeringAnswer | null)[] = [own, ...(await Promise.all(workers.map((w) => (deadline === null ? w.answer : w.within(deadline + GRACE_MS - clock())))))];
  let best = 0;
  for (let k = 1; k < answers.length; k++) {
    const a = answers[k];
    const b = answers[best]!;
    if (a && ((a.feasible && !b.feasible) || (a.feasible === b.feasible && better(a, b)))) best = k;
  }
  return { ...answers[best]!, seed: seeds[best], seeds, seed_scores: answers.map((a) => a?.score ?? null) };
}

/** A worker's answer, or (within) the answer if it comes within ms milliseconds, else null and the worker stopped. */
interface WorkerRun {
  answer: Promise<OrienteeringAnswer>;
  within: (ms: number) => Promise<OrienteeringAnswer | null>;
}

function runInWorker(job: Job): WorkerRun {
  // the bootstrap registers tsx (the sources are TypeScript) and calls workerMain below
  const worker = new Worker(new URL('./orienteering-worker.mjs', import.meta.url), { workerData: job });
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
  const within = async (ms: number): Promise<OrienteeringAnswer | null> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), Math.max(0, ms))));
    const first = await Promise.race([answer, late]);
    clearTimeout(timer);
    if (first === null) {
      stopped = true;
      await worker.terminate();
    }
    return first;
  };
  return { answer, within };
}

/** Body of a worker thread: solve the job in workerData and post the answer. */
export function workerMain(): void {
  if (isMainThread || !parentPort) throw new Error('workerMain: not in a worker thread');
  parentPort.postMessage(solveJob(workerData as Job));
}
