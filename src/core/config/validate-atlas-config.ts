import { UserError } from '../user-error.ts';
import { MIN_K, type AtlasConfig } from './atlas-config.ts';

/** A tiny structural schema: enough to name the exact path of a wrong or unknown field. */
type Schema =
  | { t: 'string'; oneOf?: string[] }
  | { t: 'number'; min?: number }
  | { t: 'boolean' }
  | { t: 'literal'; value: unknown }
  | { t: 'array'; of: Schema; minItems?: number }
  | { t: 'object'; props: Record<string, Schema>; required?: string[] }
  | { t: 'map'; of: Schema }
  | { t: 'either'; of: Schema[]; what: string };

const str = (oneOf?: string[]): Schema => ({ t: 'string', oneOf });
const num = (min?: number): Schema => ({ t: 'number', min });
const obj = (props: Record<string, Schema>, required: string[] = []): Schema => ({ t: 'object', props, required });
const label = obj({ nl: str(), en: str() }, ['nl', 'en']);

const sourceProps: Record<string, Schema> = {
  path: str(),
  format: str(['geojson', 'ndjson', 'csv']),
  crs: str(),
  x: str(),
  y: str(),
  encoding: str(['utf-8', 'utf8', 'latin1', 'latin-1', 'iso-8859-1', 'windows-1252']),
  where: str(),
  fields: { t: 'map', of: str() },
  snap_m: num(0),
  max_reject_share: num(0),
};
const source = (extra: Record<string, Schema> = {}, required: string[] = []): Schema =>
  obj({ ...sourceProps, ...extra }, ['path', ...required]);

const SCHEMA: Schema = obj(
  {
    $schema: str(),
    schema_version: { t: 'literal', value: 1 },
    id: str(),
    title: label,
    demo: { t: 'boolean' },
    data_date: str(),
    working_crs: str(),
    attribution: { t: 'array', of: label },
    area: source(),
    blocks: obj({ streets: source(), rail: source(), water: source(), options: { t: 'map', of: num(0) } }, ['streets', 'rail']),
    sources: obj({
      housing: source({ closed_row_values: { t: 'array', of: str() } }),
      tenure: source({ tenure_values: { t: 'map', of: str(['rent', 'own']) } }),
      incidents: source(
        {
          categories: { t: 'array', of: obj({ value: str(), id: str(), label }, ['value', 'id', 'label']) },
          period: obj({ from: str(), to: str() }, ['from', 'to']),
          density: obj({ cell_m: num(1), bin_m: num(1), kernel: str(['quartic', 'gaussian']), bandwidth_m: num(1) }, []),
        },
        ['categories'],
      ),
      landcover: source({
        class_values: { t: 'map', of: str(['paved', 'green', 'building', 'water']) },
        raster: obj({ kind: str(['classes', 'sealed-percent']), counting: str(['fractional', 'centre']), band: num(1) }, ['kind']),
      }),
      survey: source(
        {
          k: num(MIN_K),
          questions: {
            t: 'array',
            minItems: 1,
            of: obj(
              { id: str(), field: str(), type: str(['numeric', 'likert', 'yesno']), label, unit: str(), yes: { t: 'array', of: str() }, no: { t: 'array', of: str() } },
              ['id', 'field', 'type', 'label'],
            ),
          },
        },
        ['questions'],
      ),
    }),
    on_invalid: str(['error', 'reject']),
    max_reject_share: num(0),
    default_indicator: str(),
    basemaps: { t: 'array', of: obj({ id: str(), name: str(), url: str(), attribution: str(), max_zoom: num(0) }, ['id', 'name', 'url', 'attribution']) },
    patrol: obj({ start: { t: 'array', of: num(), minItems: 2 }, start_label: { t: 'either', of: [str(), label], what: 'a text, or {"nl": …, "en": …}' } }, ['start']),
  },
  ['schema_version', 'id', 'title', 'attribution', 'area', 'blocks', 'sources'],
);

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

function check(value: unknown, schema: Schema, path: string, file: string): void {
  const fail = (expected: string, what = 'fix the value'): never => {
    throw new UserError(`${file}: field "${path}": expected ${expected}, found ${typeName(value)}; ${what}.`);
  };
  switch (schema.t) {
    case 'string':
      if (typeof value !== 'string') fail('a string');
      if (schema.oneOf && !schema.oneOf.includes(value as string)) fail(`one of ${schema.oneOf.join(', ')}`);
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) fail('a number');
      if (schema.min !== undefined && (value as number) < schema.min) fail(`a number ≥ ${schema.min}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail('true or false');
      return;
    case 'literal':
      if (value !== schema.value) fail(JSON.stringify(schema.value), 'this Wijkatlas reads config schema_version 1');
      return;
    case 'array':
      if (!Array.isArray(value)) fail('an array');
      if (schema.minItems && (value as unknown[]).length < schema.minItems) fail(`at least ${schema.minItems} item(s)`);
      (value as unknown[]).forEach((v, i) => check(v, schema.of, `${path}[${i}]`, file));
      return;
    case 'map':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('an object');
      for (const [k, v] of Object.entries(value as object)) check(v, schema.of, path ? `${path}.${k}` : k, file);
      return;
    case 'either': {
      for (const option of schema.of) {
        try {
          check(value, option, path, file);
          return;
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
        }
      }
      fail(schema.what);
      return;
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('an object');
      const o = value as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        if (!(k in schema.props)) {
          const where = path ? `"${path}"` : 'the top level';
          throw new UserError(
            `${file}: unknown field "${k}" in ${where}; expected one of: ${Object.keys(schema.props).join(', ')}. Check the spelling or remove it.`,
          );
        }
        check(o[k], schema.props[k], path ? `${path}.${k}` : k, file);
      }
      for (const k of schema.required ?? []) {
        if (o[k] === undefined) {
          throw new UserError(`${file}: missing field "${path ? path + '.' : ''}${k}"; add it (see the config format in README.md).`);
        }
      }
      return;
    }
  }
}

/**
 * Checks a parsed atlas config and returns it typed. Unknown fields, wrong types and missing required
 * fields throw a one-line UserError that names the file and the field path.
 *
 * @param raw parsed JSON
 * @param file the config's file name, used in messages
 * @example
 * validateAtlasConfig(JSON.parse(text), 'atlas.config.json');
 */
/** The patrol start must be [longitude, latitude] in WGS84 (users often paste Lambert metres). */
function checkPatrolStart(start: number[], file: string): void {
  const where = `${file}: field "patrol.start"`;
  const found = `[${start.join(', ')}]`;
  if (start.length !== 2) throw new UserError(`${where}: expected [longitude, latitude] (two numbers), found ${start.length} numbers ${found}.`);
  const [lon, lat] = start;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    throw new UserError(`${where}: expected [longitude, latitude] in degrees (WGS84), found ${found}; these look like projected metres (e.g. Lambert 72): convert them to degrees, e.g. [4.4937, 51.0206].`);
  }
}

export function validateAtlasConfig(raw: unknown, file: string): AtlasConfig {
  check(raw, SCHEMA, '', file);
  const cfg = raw as AtlasConfig;
  (cfg.basemaps ?? []).forEach((b, i) => {
    const where = `${file}: field "basemaps[${i}].url"`;
    if (!/^https:\/\//.test(b.url)) throw new UserError(`${where}: expected an https:// tile URL, found "${b.url.slice(0, 60)}"; browsers block plain http tiles on an https page.`);
    if (!['{z}', '{x}', '{y}'].every((k) => b.url.includes(k))) {
      throw new UserError(`${where}: expected the placeholders {z}, {x} and {y} (XYZ, or TILEMATRIX={z}&TILEROW={y}&TILECOL={x} for WMTS), found "${b.url.slice(0, 80)}"; add them.`);
    }
    if (!/^[\w.-]{1,40}$/.test(b.id)) throw new UserError(`${file}: field "basemaps[${i}].id": expected letters, digits, _ . or -, found "${b.id}".`);
  });
  if (cfg.patrol) checkPatrolStart(cfg.patrol.start, file);
  const inc = cfg.sources.incidents;
  if (inc) {
    const seen = new Set<string>();
    for (const c of inc.categories) {
      if (!/^[a-z0-9_]+$/.test(c.id)) {
        throw new UserError(`${file}: field "sources.incidents.categories": id "${c.id}" must use only a-z, 0-9 and _ (it becomes the field incidents_${c.id}).`);
      }
      if (seen.has(c.id)) throw new UserError(`${file}: field "sources.incidents.categories": id "${c.id}" appears twice; give each category its own id.`);
      seen.add(c.id);
    }
  }
  const shares: Array<[string, number | undefined]> = [
    ['max_reject_share', cfg.max_reject_share],
    ...Object.entries(cfg.sources).map(([id, spec]): [string, number | undefined] => [`sources.${id}.max_reject_share`, spec?.max_reject_share]),
  ];
  for (const [field, share] of shares) {
    if (share !== undefined && share > 1) {
      throw new UserError(`${file}: field "${field}": expected a share from 0 to 1 (0.2 = 20 %), found ${share}; write it as a fraction.`);
    }
  }
  checkLandCoverRaster(cfg, file);
  for (const q of cfg.sources.survey?.questions ?? []) {
    if (!/^[a-z0-9_]+$/.test(q.id)) {
      throw new UserError(`${file}: field "sources.survey.questions": id "${q.id}" must use only a-z, 0-9 and _ (it becomes part of a field name).`);
    }
  }
  return cfg;
}

/** A raster land-cover source takes no vector options, and class values only for a class raster. */
function checkLandCoverRaster(cfg: AtlasConfig, file: string): void {
  const lc = cfg.sources.landcover;
  if (!lc?.raster) return;
  const vectorOnly = (['format', 'x', 'y', 'encoding', 'where', 'fields', 'snap_m'] as const).filter((k) => lc[k] !== undefined);
  if (vectorOnly.length) {
    throw new UserError(`${file}: field "sources.landcover": ${vectorOnly.join(', ')} apply to polygon sources, found them with "raster"; remove them.`);
  }
  if (lc.raster.band !== undefined && !Number.isInteger(lc.raster.band)) {
    throw new UserError(`${file}: field "sources.landcover.raster.band": expected a whole band number from 1, found ${lc.raster.band}.`);
  }
  if (lc.raster.kind === 'sealed-percent' && lc.class_values) {
    throw new UserError(`${file}: field "sources.landcover.class_values": class values apply to a "classes" raster, found them for "sealed-percent"; remove them.`);
  }
  if (lc.raster.kind === 'classes' && !lc.class_values) {
    throw new UserError(`${file}: field "sources.landcover": a "classes" raster needs class_values mapping pixel values to paved, green, building or water, e.g. { "2": "paved" }; add it.`);
  }
}
