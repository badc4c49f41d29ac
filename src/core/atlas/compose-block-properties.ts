import type { BlockFeature } from '../types.ts';
import type { FieldSpec } from './block-field-catalogue.ts';

type Value = string | number | boolean | null;

/**
 * Merges the per-block values of every join into the blocks' properties, in the catalogue's field
 * order. A field a join did not produce for a block is null ("no data"); a field that is not in the
 * catalogue is an error (it would be published without a label or unit).
 *
 * Returns new features; the input blocks are not modified.
 *
 * @param blocks blocks with block_id, area_m2 (and block_type)
 * @param joined one map per join: block_id -> field -> value
 * @param catalogue the published fields
 * @example
 * composeBlockProperties(blocks, [housing.values, tenure.values], blockFieldCatalogue());
 */
export function composeBlockProperties(
  blocks: BlockFeature[],
  joined: Array<Map<string, Record<string, Value>>>,
  catalogue: FieldSpec[],
): BlockFeature[] {
  const known = new Set(catalogue.map((f) => f.name));
  for (const m of joined) {
    for (const values of m.values()) {
      for (const k of Object.keys(values)) {
        if (!known.has(k)) throw new Error(`composeBlockProperties: field "${k}" is not in the field catalogue; add it there with labels and unit`);
      }
    }
  }
  return blocks.map((b) => {
    const merged: Record<string, Value> = { ...b.properties };
    for (const m of joined) Object.assign(merged, m.get(String(b.properties.block_id)) ?? {});
    const props: Record<string, Value> = {};
    for (const f of catalogue) props[f.name] = merged[f.name] ?? null;
    return { type: 'Feature', geometry: b.geometry, properties: props as BlockFeature['properties'] };
  });
}
