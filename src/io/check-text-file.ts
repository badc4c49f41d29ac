/**
 * Size guards for the text formats, checked by streaming the file before it is read whole, so a
 * corrupt or mislabelled file gives a clean error in bounded memory and time instead of an
 * out-of-memory crash or a string V8 cannot hold.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { UserError } from '../core/user-error.ts';

/** Longest line accepted in a line-oriented file (CSV, TSV, newline-delimited GeoJSON): 64 MiB. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;
/** Largest text file read (V8 strings hold at most about 2^29 characters): 512 MiB. */
export const MAX_TEXT_BYTES = 512 * 1024 * 1024;

/** Options of checkTextFile (the limits are options so tests can use small ones). */
export interface CheckTextFileOptions {
  /** Check line lengths (CSV, TSV, NDJSON). Default false: only the file size is checked. */
  lines?: boolean;
  /** Default MAX_LINE_BYTES. */
  maxLineBytes?: number;
  /** Default MAX_TEXT_BYTES. */
  maxFileBytes?: number;
}

/**
 * Throws a one-line UserError when a text file is larger than `maxFileBytes`, or (with `lines`)
 * has a line longer than `maxLineBytes`. The file is streamed in 1 MiB chunks and reading stops at
 * the first line that is too long, so a 300 MB single-line file costs ~64 MB of reading and a few
 * MB of memory. File-system errors (missing file, folder) are left to the reader, which reports them.
 *
 * @param path - file to check
 * @param options - see CheckTextFileOptions
 * @example
 * await checkTextFile('incidents.csv', { lines: true });
 */
export async function checkTextFile(path: string, options: CheckTextFileOptions = {}): Promise<void> {
  const maxLine = options.maxLineBytes ?? MAX_LINE_BYTES;
  const maxFile = options.maxFileBytes ?? MAX_TEXT_BYTES;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return;
    size = info.size;
  } catch {
    return;
  }
  if (size > maxFile) {
    throw new UserError(`${path}: expected a text file of at most ${mb(maxFile)}, found ${mb(size)}; split it into smaller files or convert it to a GeoPackage or Shapefile`);
  }
  if (!options.lines || size <= maxLine) return;
  let line = 1;
  let current = 0; // bytes in the current line so far
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      for (;;) {
        const nl = chunk.indexOf(10, from);
        const end = nl < 0 ? chunk.length : nl;
        current += end - from;
        if (current > maxLine) {
          throw new UserError(
            `${path}, line ${line}: expected lines of at most ${mb(maxLine)} (one record each), found a longer one; the file is probably not line-oriented (a GeoJSON document saved as .ndjson or .csv?) or corrupt: check how it was exported`,
          );
        }
        if (nl < 0) break;
        line++;
        current = 0;
        from = nl + 1;
      }
    }
  } finally {
    stream.destroy();
  }
}

function mb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
