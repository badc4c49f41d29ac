/**
 * Reads a GAL or GWT spatial weights file from disk and parses it onto the data's units.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { readGal } from '../core/stats/read-gal.ts';
import { readGwt } from '../core/stats/read-gwt.ts';
import type { SpatialWeights } from '../core/stats/spatial-weights.ts';
import { UserError } from '../core/user-error.ts';
import { decodeText } from './decode-text.ts';

/**
 * Read a `.gal` (neighbour lists, binary) or `.gwt` (weighted links) file; the format follows the
 * extension. Ids in the file are matched to `unitIds` (input order of the data).
 *
 * @param path the file
 * @param unitIds ids of the data's units
 * @returns weights in the units' order
 * @example
 * const w = await readWeightsFile('columbus.gal', ids);
 */
export async function readWeightsFile(path: string, unitIds: readonly string[]): Promise<SpatialWeights> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.gal' && ext !== '.gwt') throw new UserError(`${path}: expected a weights file ending in .gal or .gwt, found ${ext ? `"${ext}"` : 'no extension'}; rename it or export GAL/GWT from GeoDa or PySAL.`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`file not found: ${path}; check the --gal path.`);
    if (code === 'EISDIR') throw new UserError(`${path}: expected a file, found a folder; point --gal at the .gal file.`);
    throw err;
  }
  const { text } = decodeText(bytes, 'auto', path);
  return ext === '.gal' ? readGal(text, unitIds, path) : readGwt(text, unitIds, path);
}
