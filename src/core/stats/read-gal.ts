import { UserError } from '../user-error.ts';
import type { SpatialWeights } from './spatial-weights.ts';
import { weightsFromIds } from './weights-from-ids.ts';

/**
 * Parses a GAL neighbour file (GeoDa, PySAL, spdep write.nb.gal) into binary weights over the units.
 * Header: `n` or `0 n name idvar`; then, per unit, `id k` followed by its k neighbour ids (line
 * breaks are not significant). Every unit must have a record: a unit with `k = 0` is an island.
 *
 * @param text the file's text
 * @param unitIds ids of the data's units, in input order (the file may list them in any order)
 * @param file name for messages
 * @returns binary weights in the units' order
 * @example
 * readGal('2\n1 1\n2\n2 1\n1\n', ['1', '2']).neighbors; // Int32Array [1, 0]
 */
export function readGal(text: string, unitIds: readonly string[], file = 'weights.gal'): SpatialWeights {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines.shift() ?? '').trim().split(/\s+/).filter(Boolean);
  const declared = Number(header.length >= 2 && header[0] === '0' ? header[1] : header[0]);
  if (!Number.isInteger(declared) || declared < 0) {
    throw new UserError(`${file}: expected a GAL header "n" or "0 n name idvar" on line 1, found "${header.join(' ')}". Is this a GAL file?`);
  }
  const tokens = lines.join(' ').trim().split(/\s+/).filter(Boolean);
  const links: [string, string, number][] = [];
  const seen = new Set<string>();
  let at = 0;
  while (at < tokens.length) {
    const id = tokens[at++];
    const k = Number(tokens[at++]);
    if (!Number.isInteger(k) || k < 0 || at + k > tokens.length) {
      throw new UserError(`${file}: unit "${id}": expected its neighbour count and then that many ids, found "${tokens[at - 1] ?? 'end of file'}". The file is cut off or not GAL.`);
    }
    if (seen.has(id)) throw new UserError(`${file}: unit "${id}" has two records; expected one per unit. Fix the file.`);
    seen.add(id);
    for (let m = 0; m < k; m++) links.push([id, tokens[at++], 1]);
  }
  if (seen.size !== declared) throw new UserError(`${file}: the header declares ${declared} units but the file has ${seen.size} records; expected them to agree. The file is cut off or edited.`);
  const missing = unitIds.filter((u) => !seen.has(u));
  if (missing.length > 0) {
    throw new UserError(
      `${file}: ${missing.length} of the ${unitIds.length} data units have no record in the GAL file (e.g. "${missing.slice(0, 5).join('", "')}"); expected one record per unit. Choose the id field with --id FIELD or rebuild the file.`,
    );
  }
  return weightsFromIds(unitIds, links, { file, style: 'B', kind: `gal:${file.split(/[\\/]/).pop()}` });
}
