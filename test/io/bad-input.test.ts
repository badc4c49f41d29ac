/**
 * The bad-input corpus (test/fixtures/bad-input/README.md, plus helper 4a's expected-4a.json): every
 * file gives its documented outcome, never crashes, never hangs, never drops a record silently.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Geometry } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { findSelfIntersections } from '../../src/core/geometry/find-self-intersections.ts';
import { repairGeometry } from '../../src/core/geometry/repair-geometry.ts';
import type { Areal } from '../../src/core/types.ts';
import { isUserError } from '../../src/core/user-error.ts';
import { csvToPoints } from '../../src/io/csv-to-points.ts';
import { checkTextFile } from '../../src/io/check-text-file.ts';
import { readCsv } from '../../src/io/read-csv.ts';
import { readVectorSource, type VectorSource } from '../../src/io/read-vector-source.ts';
import { validateFeatures } from '../../src/io/validate-features.ts';
import { BAD_INPUT_DIR as DIR, corpusCases, type Case } from './bad-input-cases.ts';

const RUNNER = fileURLToPath(new URL('./bad-input-cases.ts', import.meta.url));
/** Per file: the vitest timeout (an async hang) and the time a read may take (a slow loop). */
const TIMEOUT_MS = 15_000;
const MAX_READ_MS = 5_000;

interface Expected {
  error?: string;
  kept?: number;
  rejected: Map<string, number>;
  repaired: Map<string, number>;
}

function parseOutcome(outcome: string): Expected {
  if (outcome.startsWith('error: ')) return { error: outcome.slice(7), rejected: new Map(), repaired: new Map() };
  const e: Expected = { rejected: new Map(), repaired: new Map() };
  for (const part of outcome.split(';').map((s) => s.trim())) {
    let m: RegExpExecArray | null;
    if (part === 'ok') continue;
    if ((m = /^kept (\d+)$/.exec(part))) e.kept = Number(m[1]);
    else if ((m = /^rejected (\d+) ([a-z-]+)$/.exec(part))) e.rejected.set(m[2], Number(m[1]));
    else if ((m = /^repaired (\d+) ([a-z-]+)$/.exec(part))) e.repaired.set(m[2], Number(m[1]));
    else throw new Error(`bad outcome in the corpus table: "${part}"`);
  }
  return e;
}

const tally = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());

async function attempt<T>(fn: () => T | Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
  const t0 = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - t0 };
  } catch (error) {
    return { error, ms: performance.now() - t0 };
  }
}

function expectUserErrorOnly(error: unknown, file: string): asserts error is Error {
  expect(isUserError(error), `${file}: expected only UserErrors, got ${error instanceof Error ? error.stack : String(error)}`).toBe(true);
  expect((error as Error).message, 'one line').not.toMatch(/[\r\n]/);
}

/** Every record accounted for, every kept feature valid and already repaired (a fixed point). */
function expectAccounted(src: VectorSource, c: Case): void {
  const rejectedIdx = src.problems.map((p) => p.index);
  expect(new Set(rejectedIdx).size, 'one problem per record').toBe(rejectedIdx.length);
  for (const i of rejectedIdx) expect(i >= 0 && i < src.features.length, `problem index ${i}`).toBe(true);
  expect(src.recordCount).toBe(src.features.length);
  if (c.records !== null) expect(src.recordCount, 'records in (counted by hand)').toBe(c.records);
  const rejected = new Set(rejectedIdx);
  const kept = src.features.filter((_, i) => !rejected.has(i));
  expect(kept.length + rejected.size).toBe(src.recordCount);
  for (const r of src.repairs) expect(rejected.has(r.index), `record ${r.index} both repaired and rejected`).toBe(false);
  for (const f of kept) {
    expect(validateFeatures([f], { crs: src.crs })).toEqual([]);
    const g = f.geometry as Geometry;
    const again = repairGeometry(g);
    expect(again.ok && again.repairs, `${c.file}: a kept geometry still needs repair`).toEqual([]);
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') expect(findSelfIntersections(g as Areal)).toEqual([]);
  }
  for (const p of src.problems) {
    expect(p.detail).not.toMatch(/[\r\n]/);
    expect(p.detail).toContain(path.basename(c.file));
  }
}

const cases = corpusCases();

describe('the bad-input corpus', () => {
  it('has at least 40 files, and every file in the folder is in a table', () => {
    const files = readdirSync(DIR).filter((f) => f !== 'README.md' && f !== 'expected-4a.json' && !f.endsWith('.ts')); // .ts: fixture generators
    expect(files.length).toBeGreaterThanOrEqual(40);
    const listed = new Set(cases.map((c) => c.file.split('/')[0]));
    // Sidecar files of a shapefile case (.shx, .dbf, .prj, .cpg) belong to their .shp.
    const stems = new Set([...listed].map((f) => f.replace(/\.[^.]+$/, '')));
    for (const f of files) expect(listed.has(f) || stems.has(f.replace(/\.[^.]+$/, '')), `${f} is not in README.md or expected-4a.json`).toBe(true);
  });

  it('reads the whole corpus in a child process killed after 120 s: a synchronous hang fails here instead of stalling the run', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', RUNNER], { encoding: 'utf8', timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
    const lines = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { file: string; result: string; ms: number });
    expect(run.signal, `killed while reading the case after ${lines.at(-1)?.file ?? '(none)'}: a hang`).toBeNull();
    expect(run.status, run.stderr).toBe(0);
    expect(lines.map((l) => l.file)).toEqual(cases.map((c) => c.file));
    for (const l of lines) {
      expect(['read', 'UserError'], `${l.file}: ${l.result}`).toContain(l.result.split(':')[0]);
      expect(l.ms, l.file).toBeLessThan(MAX_READ_MS);
    }
  }, 180_000);

  for (const c of cases) {
    const label = `${c.file}${Object.keys(c.options).length ? ` ${JSON.stringify(c.options)}` : ''} → ${c.outcome}`;
    it(
      label,
      async () => {
        const expected = parseOutcome(c.outcome);
        const file = path.join(DIR, c.file);
        const { value: src, error, ms } = await attempt(() => readVectorSource({ path: file, ...c.options }));
        expect(ms, 'read time').toBeLessThan(MAX_READ_MS);
        if (expected.error !== undefined) {
          expect(error, `${c.file}: expected a UserError, got a result`).toBeDefined();
          expectUserErrorOnly(error, c.file);
          expect(error.message).toContain(expected.error);
          return;
        }
        if (error) expectUserErrorOnly(error, c.file);
        expect(error, `${c.file}: ${error instanceof Error ? error.message : ''}`).toBeUndefined();
        const s = src!;
        expectAccounted(s, c);
        const kept = s.recordCount - s.problems.length;
        expect(kept, 'kept').toBe(expected.kept ?? s.recordCount);
        expect(tally(s.problems.map((p) => p.reason)), 'rejected by reason').toEqual(expected.rejected);
        expect(tally(s.repairs.flatMap((r) => [...new Set(r.repairs)])), 'repaired by kind').toEqual(expected.repaired);
      },
      TIMEOUT_MS,
    );
  }

  // CSV files also through the lower-level path, readCsv + csvToPoints: same error, same rejects.
  for (const c of cases.filter((x) => /\.(csv|tsv|txt)$/.test(x.file))) {
    it(`${c.file} through readCsv + csvToPoints`, async () => {
      const expected = parseOutcome(c.outcome);
      const bytes = readFileSync(path.join(DIR, c.file));
      const { value, error } = await attempt(() => csvToPoints(readCsv(bytes, { file: c.file }), { x: c.options.x, y: c.options.y, wkt: c.options.wkt, crs: c.options.crs }));
      if (expected.error !== undefined) {
        expectUserErrorOnly(error, c.file);
        expect(error.message).toContain(expected.error);
        return;
      }
      expect(error).toBeUndefined();
      expect(tally(value!.problems.map((p) => p.reason))).toEqual(expected.rejected);
      expect(value!.features.length).toBe(c.records);
    });
  }
});

describe('a line of hundreds of megabytes (generated, never committed)', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-huge-line-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const MB = 1024 * 1024;

  /** Writes head + `size` bytes of filler + tail, 1 MB at a time (the test itself stays small). */
  const writeHuge = async (name: string, head: string, size: number, tail: string) => {
    const file = path.join(tmp, name);
    const out = createWriteStream(file);
    const chunk = Buffer.alloc(MB, 'a');
    const write = (b: Buffer | string) => new Promise<void>((resolve, reject) => (out.write(b) ? resolve() : out.once('drain', resolve), out.once('error', reject)));
    await write(head);
    for (let i = 0; i < size / MB; i++) await write(chunk);
    await write(tail);
    await new Promise<void>((resolve) => out.end(resolve));
    return file;
  };

  for (const [name, head, tail, line] of [
    ['huge-line.ndjson', '{"type":"Feature","properties":{"s":"', '"},"geometry":{"type":"Point","coordinates":[4.48,51.03]}}\n', 1],
    ['huge-line.csv', 'id;x;y;s\n1;157210;189900;', '\n2;157220;189910;b\n', 2],
  ] as const) {
    it(`${name}: 300 MB on one line → a clean error within seconds, in bounded memory`, async () => {
      const file = await writeHuge(name, head, 300 * MB, tail);
      expect(statSync(file).size).toBeGreaterThan(300 * MB);
      const before = process.memoryUsage();
      const { error, ms } = await attempt(() => readVectorSource({ path: file, crs: name.endsWith('.csv') ? 'EPSG:31370' : undefined }));
      const after = process.memoryUsage();
      expectUserErrorOnly(error, name);
      expect(error.message).toContain(`line ${line}: expected lines of at most 64 MB`);
      expect(ms).toBeLessThan(20_000);
      // Reading the whole file would add ≥ 300 MB of buffers; the streamed check stops at 64 MB.
      expect(after.rss - before.rss).toBeLessThan(200 * MB);
      expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(100 * MB);
      rmSync(file);
    }, 120_000);
  }

  it('checkTextFile: the limits hold to the byte, and small files are not streamed', async () => {
    const file = path.join(tmp, 'lines.csv');
    await writeHuge('lines.csv', 'id;x\n', 0, `1;${'x'.repeat(98)}\n2;3\n`); // line 2 holds exactly 100 bytes
    await expect(checkTextFile(file, { lines: true, maxLineBytes: 100 })).resolves.toBeUndefined();
    await expect(checkTextFile(file, { lines: true, maxLineBytes: 99 })).rejects.toThrow(/lines\.csv, line 2: expected lines of at most/);
    await expect(checkTextFile(file, { maxFileBytes: 10 })).rejects.toThrow(/expected a text file of at most 0 MB, found 0 MB; split it/);
    await expect(checkTextFile(path.join(tmp, 'missing.csv'), { lines: true })).resolves.toBeUndefined();
  });
});
