/**
 * OpenStreetMap data -> GeoJSON features: OSM XML (.osm) and Overpass API JSON (including `out geom`
 * and `out center` responses). Nodes with tags become points, ways lines or polygons (area rules
 * below), multipolygon/boundary relations multipolygons. Tags are kept as properties, plus
 * `osm_type` and `osm_id`; the feature id is 'node/123', 'way/45', 'relation/6'.
 */
import type { Feature, Geometry, GeoJsonProperties, Position } from 'geojson';
import type { RejectedRecord } from '../core/types.ts';
import { UserError } from '../core/user-error.ts';
import { assembleWithRoles } from './assemble-rings.ts';
import { decodeText } from './decode-text.ts';
import { locateJsonError } from './locate-json-error.ts';

/** Options of the OSM readers. */
export interface ReadOsmOptions {
  /** File name for messages. */
  file?: string;
}

/** Features (WGS 84), per-element problems, and notes. */
export interface ReadOsmResult {
  features: Feature<Geometry | null, GeoJsonProperties>[];
  problems: RejectedRecord[];
  warnings: string[];
}

interface OsmNode {
  id: number;
  lat?: number;
  lon?: number;
  tags: Record<string, string>;
}
interface OsmWay {
  id: number;
  refs: number[];
  /** Inline coordinates from an Overpass `out geom` response (null entries: node outside the bbox). */
  geometry?: (Position | null)[];
  /** Overpass `out center`. */
  center?: Position;
  tags: Record<string, string>;
}
interface OsmMember {
  type: string;
  ref: number;
  role: string;
  geometry?: (Position | null)[];
}
interface OsmRelation {
  id: number;
  members: OsmMember[];
  tags: Record<string, string>;
}
interface OsmData {
  nodes: OsmNode[];
  ways: OsmWay[];
  relations: OsmRelation[];
}

/** Tags that do not make a node a feature of its own. */
const UNINTERESTING = new Set(['created_by', 'source', 'source_ref', 'note', 'fixme', 'FIXME', 'attribution', 'odbl', 'odbl:note']);

/** Keys whose presence makes a closed way an area (unless area=no). */
const AREA_KEYS = new Set([
  'building', 'building:part', 'landuse', 'leisure', 'natural', 'amenity', 'shop', 'tourism', 'historic', 'man_made', 'military', 'office',
  'place', 'public_transport', 'boundary', 'craft', 'aeroway', 'power', 'parking', 'club', 'healthcare', 'area:highway', 'indoor', 'emergency',
]);
/** natural=* values that are lines even when closed. */
const LINEAR_NATURAL = new Set(['coastline', 'cliff', 'ridge', 'arete', 'tree_row']);
/** Values of otherwise linear keys that are areas when closed. */
const AREA_VALUES: Record<string, Set<string>> = {
  waterway: new Set(['riverbank', 'dock', 'boatyard', 'dam']),
  railway: new Set(['platform', 'station', 'turntable']),
  highway: new Set(['services', 'rest_area', 'platform']),
  barrier: new Set(['city_wall', 'hedge']),
};

/**
 * Read OSM XML (.osm, as the editor API, JOSM or osmium write it).
 *
 * @param input - file contents
 * @param options - see ReadOsmOptions
 * @returns features, problems and warnings
 * @throws UserError for text that is not OSM XML (with line number)
 * @example
 * readOsmXml(bytes, { file: 'arsenaal.osm' }).features[0].id // 'node/212503440'
 */
export function readOsmXml(input: string | Uint8Array, options: ReadOsmOptions = {}): ReadOsmResult {
  const file = options.file ?? 'input.osm';
  const { text } = decodeText(input, 'auto', file);
  return toFeatures(parseOsmXml(text, file), file);
}

/**
 * Read an Overpass API JSON response (`[out:json]`), with `out body`, `out geom` or `out center`.
 *
 * @param input - file contents
 * @param options - see ReadOsmOptions
 * @returns features, problems and warnings
 * @throws UserError for broken JSON or JSON without an "elements" array
 * @example
 * readOverpassJson(bytes, { file: 'bars.json' }).features.length
 */
export function readOverpassJson(input: string | Uint8Array, options: ReadOsmOptions = {}): ReadOsmResult {
  const file = options.file ?? 'input.json';
  const { text } = decodeText(input, 'auto', file);
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    const where = locateJsonError(text);
    throw new UserError(`${file}${where ? `, line ${where.line}, column ${where.column}` : ''}: expected an Overpass JSON response${where ? `, found ${where.found}` : ', found broken JSON'}; download it again (a cut-off download ends mid-way)`);
  }
  const r = root as { elements?: unknown; remark?: unknown };
  if (typeof root !== 'object' || root === null || !Array.isArray(r.elements)) {
    throw new UserError(`${file}: expected an Overpass JSON response with an "elements" array, found ${Array.isArray(root) ? 'a JSON array' : 'an object without "elements"'}; request [out:json] from Overpass`);
  }
  const data: OsmData = { nodes: [], ways: [], relations: [] };
  const warnings: string[] = [];
  if (typeof r.remark === 'string') warnings.push(`${file}: Overpass remark: ${r.remark.slice(0, 200)}`);
  const position = (g: unknown): Position | null => {
    const p = g as { lat?: unknown; lon?: unknown } | null;
    return p && typeof p.lat === 'number' && typeof p.lon === 'number' ? [p.lon, p.lat] : null;
  };
  let skipped = 0;
  for (const e of r.elements as Record<string, unknown>[]) {
    const tags = isObject(e?.tags) ? (Object.fromEntries(Object.entries(e.tags).map(([k, v]) => [k, String(v)])) as Record<string, string>) : {};
    const id = Number(e?.id);
    if (!isObject(e) || !Number.isFinite(id)) {
      skipped++;
      continue;
    }
    if (e.type === 'node') data.nodes.push({ id, lat: typeof e.lat === 'number' ? e.lat : undefined, lon: typeof e.lon === 'number' ? e.lon : undefined, tags });
    else if (e.type === 'way') {
      data.ways.push({
        id,
        refs: Array.isArray(e.nodes) ? e.nodes.map(Number) : [],
        geometry: Array.isArray(e.geometry) ? e.geometry.map(position) : undefined,
        center: position(e.center) ?? undefined,
        tags,
      });
    } else if (e.type === 'relation') {
      const members = Array.isArray(e.members)
        ? (e.members as Record<string, unknown>[]).map((m) => ({ type: String(m?.type), ref: Number(m?.ref), role: String(m?.role ?? ''), geometry: Array.isArray(m?.geometry) ? m.geometry.map(position) : undefined }))
        : [];
      data.relations.push({ id, members, tags });
    } else skipped++;
  }
  const result = toFeatures(data, file);
  if (skipped) result.warnings.push(`${file}: ${skipped} element(s) that are not nodes, ways or relations (e.g. "count" or "area" elements) were skipped`);
  result.warnings.unshift(...warnings);
  return result;
}

/** Streaming-free tag scanner for OSM XML: elements node/way/relation with nd/tag/member children. */
function parseOsmXml(text: string, file: string): OsmData {
  const data: OsmData = { nodes: [], ways: [], relations: [] };
  const lineAt = (offset: number) => {
    let line = 1;
    for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
    return line;
  };
  const fail = (offset: number, what: string): never => {
    throw new UserError(`${file}, line ${lineAt(offset)}: expected OSM XML, ${what}; the file is damaged or not OSM XML: download or export it again`);
  };
  if (!/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<osm[\s>]/.test(text)) {
    fail(0, `found ${JSON.stringify(text.trimStart().slice(0, 30))} instead of an <osm> root element`);
  }
  const tagRe = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>/g;
  const attrRe = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const stack: string[] = [];
  let current: { kind: 'node'; item: OsmNode } | { kind: 'way'; item: OsmWay } | { kind: 'relation'; item: OsmRelation } | null = null;
  let last = 0;
  let closedRoot = false;
  for (let m = tagRe.exec(text); m; m = tagRe.exec(text)) {
    const between = text.slice(last, m.index);
    if (between.includes('<')) fail(last + between.indexOf('<'), `found a malformed tag ${JSON.stringify(between.slice(between.indexOf('<'), between.indexOf('<') + 30))}`);
    last = tagRe.lastIndex;
    const [, close, name, attrText, selfClose] = m;
    if (name === undefined) continue; // comment, declaration
    if (closedRoot) fail(m.index, `found <${name}> after the closing </osm>`);
    if (close) {
      const open = stack.pop();
      if (open !== name) fail(m.index, `found </${name}> where </${open ?? 'nothing'}> was expected`);
      if (name === 'osm') closedRoot = true;
      if (current && name === current.kind) current = null;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (let a = attrRe.exec(attrText); a; a = attrRe.exec(attrText)) attrs[a[1]] = unescapeXml(a[2] ?? a[3] ?? '');
    attrRe.lastIndex = 0;
    const id = Number(attrs.id);
    if (name === 'node' || name === 'way' || name === 'relation') {
      if (!Number.isFinite(id) || attrs.id === undefined) fail(m.index, `found a <${name}> without a numeric id`);
      if (attrs.action === 'delete') {
        if (!selfClose) stack.push(name);
        current = null;
        continue;
      }
      if (name === 'node') {
        const lat = attrs.lat === undefined ? undefined : Number(attrs.lat);
        const lon = attrs.lon === undefined ? undefined : Number(attrs.lon);
        const item: OsmNode = { id, lat, lon, tags: {} };
        data.nodes.push(item);
        current = { kind: 'node', item };
      } else if (name === 'way') {
        const item: OsmWay = { id, refs: [], tags: {} };
        data.ways.push(item);
        current = { kind: 'way', item };
      } else {
        const item: OsmRelation = { id, members: [], tags: {} };
        data.relations.push(item);
        current = { kind: 'relation', item };
      }
      if (selfClose) current = null;
      else stack.push(name);
      continue;
    }
    if (name === 'tag' && current) current.item.tags[attrs.k ?? ''] = attrs.v ?? '';
    else if (name === 'nd' && current?.kind === 'way') current.item.refs.push(Number(attrs.ref));
    else if (name === 'member' && current?.kind === 'relation') current.item.members.push({ type: attrs.type ?? '', ref: Number(attrs.ref), role: attrs.role ?? '' });
    if (!selfClose) stack.push(name);
  }
  const rest = text.slice(last);
  if (rest.includes('<')) fail(last + rest.indexOf('<'), `found a malformed tag ${JSON.stringify(rest.slice(rest.indexOf('<'), rest.indexOf('<') + 30))}`);
  if (stack.length > 0) fail(text.length, `found the end of the file inside <${stack[stack.length - 1]}> (cut short?)`);
  return data;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** Whether a closed way with these tags is an area (polygon) rather than a closed line. */
export function isArea(tags: Record<string, string>): boolean {
  if (tags.area === 'yes') return true;
  if (tags.area === 'no') return false;
  for (const [k, v] of Object.entries(tags)) {
    if (k === 'natural' && LINEAR_NATURAL.has(v)) continue;
    if (AREA_KEYS.has(k) && v !== 'no') return true;
    if (AREA_VALUES[k]?.has(v)) return true;
  }
  return false;
}

function toFeatures(data: OsmData, file: string): ReadOsmResult {
  const features: ReadOsmResult['features'] = [];
  const problems: RejectedRecord[] = [];
  const warnings: string[] = [];
  const coords = new Map<number, Position>();
  for (const n of data.nodes) if (Number.isFinite(n.lat) && Number.isFinite(n.lon)) coords.set(n.id, [n.lon!, n.lat!]);
  const add = (type: string, id: number, tags: Record<string, string>, geometry: Geometry | null, problem?: { reason: RejectedRecord['reason']; what: string; todo: string }) => {
    const index = features.length;
    features.push({ type: 'Feature', id: `${type}/${id}`, properties: { ...tags, osm_type: type, osm_id: id }, geometry });
    if (problem) problems.push({ index, id: `${type}/${id}`, reason: problem.reason, detail: `${file}, ${type} ${id}: ${problem.what}; ${problem.todo}` });
  };
  const interesting = (tags: Record<string, string>) => Object.keys(tags).some((k) => !UNINTERESTING.has(k));

  for (const n of data.nodes) {
    if (!interesting(n.tags)) continue;
    const p = coords.get(n.id);
    if (p) add('node', n.id, n.tags, { type: 'Point', coordinates: p });
    else add('node', n.id, n.tags, null, { reason: 'invalid-coordinates', what: 'expected numeric lat and lon, found none', todo: 'fix the node or drop it' });
  }

  // Ways: resolve coordinates once (relations reuse them).
  const wayCoords = new Map<number, { line: Position[]; missing: number[] }>();
  for (const w of data.ways) {
    const line: Position[] = [];
    const missing: number[] = [];
    if (w.geometry) {
      w.geometry.forEach((p, i) => (p ? line.push(p) : missing.push(w.refs[i] ?? i)));
    } else {
      for (const ref of w.refs) {
        const p = coords.get(ref);
        if (p) line.push(p);
        else missing.push(ref);
      }
    }
    wayCoords.set(w.id, { line, missing });
  }
  let untaggedWays = 0;
  const memberWays = new Set<number>();
  for (const r of data.relations) if (isMultipolygon(r)) for (const m of r.members) if (m.type === 'way') memberWays.add(m.ref);

  for (const w of data.ways) {
    if (!interesting(w.tags)) {
      // A part of a multipolygon shows up there; an untagged way elsewhere has no meaning of its own.
      if (!memberWays.has(w.id)) untaggedWays++;
      continue;
    }
    const { line, missing } = wayCoords.get(w.id)!;
    if (missing.length > 0 || line.length === 0) {
      if (line.length === 0 && w.center) {
        add('way', w.id, w.tags, { type: 'Point', coordinates: w.center });
        continue;
      }
      add('way', w.id, w.tags, null, {
        reason: 'invalid-geometry',
        what: `expected all ${w.refs.length || line.length + missing.length} nodes of the way, found ${missing.length} missing (e.g. node ${missing[0]})`,
        todo: 'download the way with its nodes (Overpass: add ">;" or use "out geom")',
      });
      continue;
    }
    const closed = line.length >= 4 && line[0][0] === line[line.length - 1][0] && line[0][1] === line[line.length - 1][1];
    if (closed && isArea(w.tags)) {
      add('way', w.id, w.tags, { type: 'Polygon', coordinates: assembleWithRoles([line], [])[0] });
    } else if (line.length >= 2) {
      add('way', w.id, w.tags, { type: 'LineString', coordinates: line });
    } else {
      add('way', w.id, w.tags, null, { reason: 'invalid-geometry', what: `expected at least 2 nodes, found ${line.length}`, todo: 'fix the way in OSM or drop it' });
    }
  }

  let otherRelations = 0;
  for (const r of data.relations) {
    if (!isMultipolygon(r)) {
      otherRelations++;
      continue;
    }
    const built = buildMultipolygon(r, wayCoords);
    if ('error' in built) add('relation', r.id, r.tags, null, { reason: 'invalid-geometry', what: built.error, todo: built.todo });
    else add('relation', r.id, r.tags, built.geometry);
  }
  if (untaggedWays) warnings.push(`${file}: ${untaggedWays} way(s) without tags and outside any multipolygon were not read (they carry no feature of their own)`);
  if (otherRelations) warnings.push(`${file}: ${otherRelations} relation(s) that are not multipolygons or boundaries (routes, restrictions ...) have no geometry of their own and were not read`);
  return { features, problems, warnings };
}

function isMultipolygon(r: OsmRelation): boolean {
  return r.tags.type === 'multipolygon' || r.tags.type === 'boundary';
}

/** Join member ways end to end into closed rings, outer and inner, then assemble polygons. */
function buildMultipolygon(r: OsmRelation, wayCoords: Map<number, { line: Position[]; missing: number[] }>): { geometry: Geometry } | { error: string; todo: string } {
  const outers: Position[][] = [];
  const inners: Position[][] = [];
  const missing: number[] = [];
  for (const m of r.members) {
    if (m.type !== 'way') continue;
    let line: Position[] | undefined;
    if (m.geometry) line = m.geometry.every(Boolean) ? (m.geometry as Position[]) : undefined;
    else {
      const w = wayCoords.get(m.ref);
      line = w && w.missing.length === 0 ? w.line : undefined;
    }
    if (!line || line.length < 2) {
      missing.push(m.ref);
      continue;
    }
    (m.role === 'inner' ? inners : outers).push(line);
  }
  if (missing.length > 0) {
    return { error: `expected every member way with its nodes, found ${missing.length} missing or incomplete (e.g. way ${missing[0]})`, todo: 'download the relation completely (Overpass: "(._;>;);" or "out geom")' };
  }
  const outerRings = joinRings(outers);
  const innerRings = joinRings(inners);
  if ('error' in outerRings) return { error: `outer ${outerRings.error}`, todo: 'fix the relation in OSM or drop it' };
  if ('error' in innerRings) return { error: `inner ${innerRings.error}`, todo: 'fix the relation in OSM or drop it' };
  if (outerRings.rings.length === 0) return { error: 'expected at least one outer member way, found none', todo: 'fix the relation in OSM or drop it' };
  const polygons = assembleWithRoles(outerRings.rings, innerRings.rings);
  return { geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons } };
}

/** Chain lines sharing end points into closed rings. */
function joinRings(lines: Position[][]): { rings: Position[][] } | { error: string } {
  const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];
  const pool = lines.map((l) => l.slice());
  const rings: Position[][] = [];
  while (pool.length > 0) {
    let ring = pool.shift()!;
    let grew = true;
    while (!same(ring[0], ring[ring.length - 1]) && grew) {
      grew = false;
      const end = ring[ring.length - 1];
      for (let i = 0; i < pool.length; i++) {
        const l = pool[i];
        if (same(l[0], end)) ring = ring.concat(l.slice(1));
        else if (same(l[l.length - 1], end)) ring = ring.concat(l.slice(0, -1).reverse());
        else continue;
        pool.splice(i, 1);
        grew = true;
        break;
      }
    }
    if (!same(ring[0], ring[ring.length - 1]) || ring.length < 4) {
      return { error: `ring does not close: member ways end at [${ring[ring.length - 1].join(', ')}] without meeting the start [${ring[0].join(', ')}]` };
    }
    rings.push(ring);
  }
  return { rings };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
