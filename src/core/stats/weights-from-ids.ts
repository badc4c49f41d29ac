import { UserError } from '../user-error.ts';
import { weightsFromLists, type SpatialWeights } from './spatial-weights.ts';

/**
 * Maps links given by unit ids (as in GAL/GWT files) onto the units' input order. Every id in the
 * links must be a unit id; unit ids must be unique.
 *
 * @param unitIds ids of the units in input order
 * @param links [from id, to id, weight] triples
 * @param options file name for messages, weights style, kind
 * @returns CSR weights
 * @example
 * weightsFromIds(['1', '2'], [['1', '2', 1], ['2', '1', 1]], { file: 'a.gal', style: 'B', kind: 'gal' });
 */
export function weightsFromIds(
  unitIds: readonly string[],
  links: readonly (readonly [string, string, number])[],
  options: { file: string; style: SpatialWeights['style']; kind: string },
): SpatialWeights {
  const position = new Map<string, number>();
  unitIds.forEach((id, i) => {
    if (position.has(id)) throw new UserError(`${options.file}: unit id "${id}" occurs twice in the data; expected unique ids to match the weights file. Pick a unique id field with --id.`);
    position.set(id, i);
  });
  const lists: number[][] = unitIds.map(() => []);
  const values: number[][] = unitIds.map(() => []);
  const unknown = new Set<string>();
  for (const [from, to, w] of links) {
    const i = position.get(from);
    const j = position.get(to);
    if (i === undefined) unknown.add(from);
    if (j === undefined) unknown.add(to);
    if (i === undefined || j === undefined) continue;
    lists[i].push(j);
    values[i].push(w);
  }
  if (unknown.size > 0) {
    const sample = [...unknown].slice(0, 5).map((s) => `"${s}"`).join(', ');
    const have = unitIds.slice(0, 3).map((s) => `"${s}"`).join(', ');
    throw new UserError(
      `${options.file}: ${unknown.size} id(s) in the weights file are not unit ids of the data (e.g. ${sample}; data ids look like ${have}); expected the same ids. Choose the id field with --id FIELD.`,
    );
  }
  return weightsFromLists(unitIds, lists, { values, style: options.style, kind: options.kind });
}
