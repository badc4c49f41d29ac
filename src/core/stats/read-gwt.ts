import { UserError } from '../user-error.ts';
import type { SpatialWeights } from './spatial-weights.ts';
import { weightsFromIds } from './weights-from-ids.ts';

/**
 * Parses a GWT weights file (GeoDa, PySAL): header `0 n name idvar` (or `n`), then one link per line,
 * `from to weight`. Units without any line are islands (GWT cannot say otherwise): they are reported
 * by weightsDiagnostics. Weights are kept as given (style 'none').
 *
 * @param text the file's text
 * @param unitIds ids of the data's units, in input order
 * @param file name for messages
 * @returns weights as given
 * @example
 * readGwt('0 2 x id\n1 2 0.5\n2 1 0.5\n', ['1', '2']).weights; // Float64Array [0.5, 0.5]
 */
export function readGwt(text: string, unitIds: readonly string[], file = 'weights.gwt'): SpatialWeights {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines.shift() ?? '').trim().split(/\s+/).filter(Boolean);
  const declared = Number(header.length >= 2 && header[0] === '0' ? header[1] : header[0]);
  if (!Number.isInteger(declared) || declared < 0) {
    throw new UserError(`${file}: expected a GWT header "0 n name idvar" on line 1, found "${header.join(' ')}". Is this a GWT file?`);
  }
  if (declared !== unitIds.length) {
    throw new UserError(`${file}: the header declares ${declared} units but the data has ${unitIds.length}; expected the same units. Use the weights file made for this data.`);
  }
  const links: [string, string, number][] = [];
  lines.forEach((line, k) => {
    const parts = line.trim().split(/\s+/).filter(Boolean);
    if (parts.length === 0) return;
    const w = Number(parts[2]);
    if (parts.length !== 3 || !Number.isFinite(w)) {
      throw new UserError(`${file}, line ${k + 2}: expected "from to weight", found "${line.trim()}". Fix the line.`);
    }
    links.push([parts[0], parts[1], w]);
  });
  return weightsFromIds(unitIds, links, { file, style: 'none', kind: `gwt:${file.split(/[\\/]/).pop()}` });
}
