import type { Feature, Geometry } from 'geojson';
import { UserError } from '../user-error.ts';

/**
 * Keeps the features whose property equals a value, from a filter written as "FIELD=VALUE"
 * (as in `--area-where "naam=Arsenaal (Mechelen)"`). Values compare as trimmed strings.
 * No match is a user error that lists some of the values that do exist.
 *
 * @param features features to filter
 * @param where "FIELD=VALUE", or undefined to keep all
 * @param file the source's name, for messages
 * @example
 * selectWhere(wijken, 'naam=Arsenaal (Mechelen)', 'wijken.geojson');
 */
export function selectWhere<F extends Feature<Geometry | null>>(features: F[], where: string | undefined, file: string): F[] {
  if (!where) return features;
  const eq = where.indexOf('=');
  if (eq <= 0) throw new UserError(`${file}: filter "${where}": expected FIELD=VALUE, e.g. "naam=Arsenaal (Mechelen)".`);
  const field = where.slice(0, eq).trim();
  const value = where.slice(eq + 1).trim();
  const hasField = features.some((f) => f.properties && field in f.properties);
  if (!hasField) {
    const fields = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))].slice(0, 12);
    throw new UserError(`${file}: filter "${where}": no feature has a field "${field}"; fields found: ${fields.join(', ') || '(none)'}.`);
  }
  const kept = features.filter((f) => String(f.properties?.[field] ?? '').trim() === value);
  if (!kept.length) {
    const values = [...new Set(features.map((f) => String(f.properties?.[field] ?? '')))].slice(0, 8);
    throw new UserError(`${file}: filter "${where}": no feature has ${field} = "${value}"; values found: ${values.map((v) => `"${v}"`).join(', ')}${features.length > 8 ? ', …' : ''}.`);
  }
  return kept;
}
