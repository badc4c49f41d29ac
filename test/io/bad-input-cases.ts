/**
 * The cases of the bad-input corpus (not a test file itself): the table of
 * test/fixtures/bad-input/README.md plus helper 4a's expected-4a.json. Run directly
 * (`node --import tsx test/io/bad-input-cases.ts`) it reads every case through readVectorSource and
 * prints one JSON line per case: bad-input.test.ts runs it in a child process with a timeout, so a
 * synchronous hang in a reader fails the test instead of stalling the whole run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUserError } from '../../src/core/user-error.ts';
import { readVectorSource, type VectorSourceOptions } from '../../src/io/read-vector-source.ts';

/** The corpus folder. */
export const BAD_INPUT_DIR = fileURLToPath(new URL('../fixtures/bad-input/', import.meta.url));

/** One row of a corpus table. */
export interface Case {
  file: string;
  options: Partial<VectorSourceOptions>;
  /** Records in the file, counted by hand; null for files that must give an error. */
  records: number | null;
  /** `error: TEXT`, or `kept N; rejected N REASON; repaired N KIND`, or `ok`. */
  outcome: string;
}

/** The table of README.md: | `file` | `{options}` | records | outcome | */
function readmeCases(): Case[] {
  const text = readFileSync(path.join(BAD_INPUT_DIR, 'README.md'), 'utf8');
  const cases: Case[] = [];
  for (const line of text.split('\n')) {
    const m = /^\| `([^`]+)` \| (?:`(\{.*?\})`)? *\| (\d*) *\| (.+?) \|$/.exec(line);
    if (!m) continue;
    cases.push({ file: m[1], options: m[2] ? JSON.parse(m[2]) : {}, records: m[3] === '' ? null : Number(m[3]), outcome: m[4].replace(/\\\|/g, '|') });
  }
  return cases;
}

/** Helper 4a's table: [{ file, options?, records?, outcome }] in the same outcome syntax. */
function cases4a(): Case[] {
  const file = path.join(BAD_INPUT_DIR, 'expected-4a.json');
  if (!existsSync(file)) return [];
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const list = (Array.isArray(raw) ? raw : ((raw as { cases?: unknown[] }).cases ?? [])) as Array<Record<string, unknown>>;
  return list.map((c) => ({ file: String(c.file), options: (c.options ?? {}) as Partial<VectorSourceOptions>, records: typeof c.records === 'number' ? c.records : null, outcome: String(c.outcome) }));
}

/**
 * Every case of the corpus, README.md first.
 *
 * @returns the cases
 */
export function corpusCases(): Case[] {
  return [...readmeCases(), ...cases4a()];
}

async function main(): Promise<void> {
  for (const c of corpusCases()) {
    const t0 = performance.now();
    let result = 'read';
    try {
      await readVectorSource({ path: path.join(BAD_INPUT_DIR, c.file), ...c.options });
    } catch (err) {
      result = isUserError(err) ? 'UserError' : `crash: ${(err as Error).stack ?? String(err)}`.replace(/\n/g, ' | ');
    }
    process.stdout.write(`${JSON.stringify({ file: c.file, result, ms: Math.round(performance.now() - t0) })}\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
