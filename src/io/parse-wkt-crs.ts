/**
 * WKT1 coordinate system text (a Shapefile's .prj, OGC or ESRI flavour) -> a pinned CRS where the
 * WKT describes one we pin (Belgian Lambert 72 / 2008, UTM 31N, Web Mercator, WGS 84), otherwise
 * a proj4 string built from the WKT's own parameters.
 */
import { UserError } from '../core/user-error.ts';

/** A WKT node: KEYWORD[arg, arg, ...]; args are strings (quoted), numbers or nodes. */
export interface WktNode {
  keyword: string;
  args: (string | number | WktNode)[];
}

/** What a WKT text resolves to: a name parseCrs accepts, and how it was matched. */
export interface WktCrsMatch {
  /** 'EPSG:31370' for a pinned CRS, else a '+proj=...' string. */
  crs: string;
  /** Human explanation, e.g. 'PROJCS "Belge_Lambert_1972" matched EPSG:31370 by its parameters'. */
  how: string;
  /** Caveats worth telling the user (e.g. an unknown datum taken as WGS 84). */
  warnings: string[];
}

/**
 * Parse WKT text into a node tree. Accepts `[` or `(` brackets, quoted strings with doubled quotes.
 *
 * @param text - WKT text
 * @returns the root node
 * @throws UserError when the text is not WKT
 * @example
 * parseWktTree('GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]]]').keyword // 'GEOGCS'
 */
export function parseWktTree(text: string): WktNode {
  let i = 0;
  const s = text.trim();
  const fail = (what: string): never => {
    throw new UserError(`expected WKT coordinate system text, ${what} at character ${i + 1}; check the .prj file (or give --crs)`);
  };
  const ws = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const node = (depth: number): WktNode => {
    if (depth > 64) fail('found nesting deeper than 64 levels');
    ws();
    const start = i;
    while (i < s.length && /[A-Za-z0-9_]/.test(s[i])) i++;
    const keyword = s.slice(start, i).toUpperCase();
    if (!keyword) fail(`found ${JSON.stringify(s[i] ?? 'the end')}`);
    ws();
    if (s[i] !== '[' && s[i] !== '(') return { keyword, args: [] };
    const close = s[i] === '[' ? ']' : ')';
    i++;
    const args: WktNode['args'] = [];
    for (;;) {
      ws();
      if (i >= s.length) fail('found the end of the text before the closing bracket');
      const c = s[i];
      if (c === '"') {
        let value = '';
        i++;
        for (;;) {
          if (i >= s.length) fail('found an unclosed quoted string');
          if (s[i] === '"') {
            if (s[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          value += s[i++];
        }
        args.push(value);
      } else if (/[-+.\d]/.test(c)) {
        const m = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(s.slice(i));
        if (!m) fail(`found ${JSON.stringify(c)} where a number was expected`);
        args.push(Number(m![0]));
        i += m![0].length;
      } else {
        args.push(node(depth + 1));
      }
      ws();
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === close) {
        i++;
        break;
      }
      fail(`found ${JSON.stringify(s[i] ?? 'the end')} where "," or "${close}" was expected`);
    }
    return { keyword, args };
  };
  const root = node(0);
  ws();
  if (i < s.length) fail('found text after the end of the WKT');
  return root;
}

const child = (n: WktNode | undefined, keyword: string): WktNode | undefined =>
  n?.args.find((a): a is WktNode => typeof a === 'object' && a.keyword === keyword);
const children = (n: WktNode | undefined, keyword: string): WktNode[] =>
  (n?.args ?? []).filter((a): a is WktNode => typeof a === 'object' && a.keyword === keyword);
const nameOf = (n: WktNode | undefined): string => (typeof n?.args[0] === 'string' ? n.args[0] : '');
const num = (n: WktNode | undefined, index: number): number | undefined => (typeof n?.args[index] === 'number' ? (n.args[index] as number) : undefined);
/** Lowercase with everything but letters and digits removed: 'Belge_Lambert_1972' -> 'belgelambert1972'. */
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** EPSG:15929 "BD72 to WGS 84 (3)", in proj4's position-vector convention (see parse-crs.ts). */
const BD72_TOWGS84 = '-106.8686,52.2978,-103.7239,0.3366,-0.457,1.8422,-1.2747';

/** Datum names (squashed) -> proj4 datum part. Datums that need a grid (NAD27, ED50 ...) are refused. */
const DATUMS: [RegExp, string][] = [
  [/^(d)?(wgs1984|wgs84|worldgeodeticsystem1984)/, '+datum=WGS84'],
  [/^(d)?(northamerican1983|nad83)/, '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0'],
  [/^(d)?(europeanterrestrialreferencesystem1989|etrs1989|etrs89|europeanterrestrialreferenceframe)/, '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0'],
  [/^(d)?(belge1972|reseaunationalbelge1972|bd72)/, `+ellps=intl +towgs84=${BD72_TOWGS84}`],
];

const METHODS: Record<string, string> = {
  transversemercator: 'tmerc',
  lambertconformalconic: 'lcc',
  lambertconformalconic2sp: 'lcc',
  lambertconformalconic1sp: 'lcc',
  lambertconformalconic2spbelgium: 'lcc',
  mercator: 'merc',
  mercator1sp: 'merc',
  mercator2sp: 'merc',
  albersconicequalarea: 'aea',
  albers: 'aea',
  obliquestereographic: 'sterea',
  doublestereographic: 'sterea',
  polarstereographic: 'stere',
  lambertazimuthalequalarea: 'laea',
  equirectangular: 'eqc',
  platecarree: 'eqc',
};

/**
 * Resolve WKT1 text (OGC or ESRI) to a CRS name that parseCrs accepts.
 *
 * Order: an `AUTHORITY["EPSG", code]` on the root for a code we pin; then recognition by name and
 * parameters of Belgian Lambert 72 (LCC on International 1924 with standard parallels
 * 49.8333339/51.1666672333 and false easting 150000.013), Belgian Lambert 2008, UTM zone 31N
 * (WGS 84 / ETRS89), Web Mercator and WGS 84 geographic; otherwise a proj4 string built from the
 * projection method, parameters, ellipsoid, datum and linear unit (US survey feet included).
 * ESRI .prj files carry no datum shift: BD72 gets the pinned EPSG:15929 shift, NAD83 and ETRS89 are
 * taken as WGS 84 (< 1.5 m); other datums are refused rather than guessed.
 *
 * @param text - the WKT (contents of a .prj)
 * @returns the CRS name, how it was matched, and warnings
 * @throws UserError for text that is not WKT, a WKT2 text, an unsupported method or datum
 * @example
 * wktToCrs(prjText).crs // 'EPSG:31370' for any Belgian Lambert 72 .prj
 */
export function wktToCrs(text: string): WktCrsMatch {
  const root = parseWktTree(text);
  const kind = root.keyword;
  if (['PROJCRS', 'GEOGCRS', 'GEODCRS', 'BOUNDCRS', 'COMPOUNDCRS', 'PROJECTEDCRS'].includes(kind)) {
    const code = epsgId(root, 'ID');
    if (code && PINNED.has(code)) return { crs: `EPSG:${code}`, how: `WKT2 ID["EPSG",${code}]`, warnings: [] };
    throw new UserError(`expected WKT1 (PROJCS/GEOGCS) coordinate system text, found WKT2 (${kind}) without a supported EPSG id; give the CRS with --crs EPSG:<code> or a proj4 string`);
  }
  if (kind !== 'PROJCS' && kind !== 'GEOGCS') {
    throw new UserError(`expected WKT coordinate system text starting with PROJCS[ or GEOGCS[, found ${kind}[; check the .prj file or give --crs`);
  }
  const code = epsgId(root, 'AUTHORITY');
  if (code && PINNED.has(code)) return { crs: `EPSG:${code}`, how: `AUTHORITY["EPSG","${code}"]`, warnings: [] };

  const geogcs = kind === 'GEOGCS' ? root : child(root, 'GEOGCS');
  const datum = child(geogcs, 'DATUM');
  const spheroid = child(datum, 'SPHEROID');
  const a = num(spheroid, 1);
  const rf = num(spheroid, 2);
  const datumName = squash(nameOf(datum));
  const name = nameOf(root);
  const label = `${kind} "${name}"`;

  if (kind === 'GEOGCS') {
    if (isWgs84(datumName, a, rf)) return { crs: 'EPSG:4326', how: `${label} is WGS 84 longitude/latitude`, warnings: [] };
    if (isEtrsOrNad83(datumName)) {
      return { crs: 'EPSG:4326', how: `${label} (${nameOf(datum)}) taken as WGS 84 longitude/latitude`, warnings: [datumCaveat(nameOf(datum))] };
    }
    const datumPart = datumProj4(datumName, nameOf(datum));
    return { crs: `+proj=longlat ${datumPart} +no_defs`, how: `${label}: geographic, datum ${nameOf(datum)}`, warnings: [] };
  }

  const projection = squash(nameOf(child(root, 'PROJECTION')));
  const params = new Map<string, number>();
  for (const p of children(root, 'PARAMETER')) {
    const v = num(p, 1);
    if (v !== undefined) params.set(squash(nameOf(p)), v);
  }
  const get = (...names: string[]) => names.map((n) => params.get(n)).find((v) => v !== undefined);
  const unit = child(root, 'UNIT');
  const toMetre = num(unit, 1) ?? 1;
  const close = (x: number | undefined, y: number, tol: number) => x !== undefined && Math.abs(x - y) <= tol;
  const fe = (get('falseeasting') ?? 0) * toMetre;
  const fn = (get('falsenorthing') ?? 0) * toMetre;
  const sp1 = get('standardparallel1');
  const sp2 = get('standardparallel2');
  const sps = [sp1, sp2].filter((v): v is number => v !== undefined).sort((x, y) => x - y);
  const cm = get('centralmeridian', 'longitudeofcenter', 'longitudeoforigin');

  // Belgian Lambert 72 (EPSG:31370): ESRI writes it "Belge_Lambert_1972", OGC "BD72 / Belgian Lambert 72".
  if (projection.startsWith('lambertconformalconic') && close(a, 6378388, 1) && close(fe, 150000.013, 0.01) && close(sps[0], 49.8333339, 1e-6) && close(sps[1], 51.1666672333, 1e-6)) {
    return { crs: 'EPSG:31370', how: `${label} matched EPSG:31370 (Belgian Lambert 72) by its parameters; datum shift EPSG:15929`, warnings: [] };
  }
  if (projection.startsWith('lambertconformalconic') && close(a, 6378137, 1) && close(fe, 649328, 0.01) && close(fn, 665262, 0.01)) {
    return { crs: 'EPSG:3812', how: `${label} matched EPSG:3812 (Belgian Lambert 2008) by its parameters`, warnings: [] };
  }
  if (projection === 'transversemercator' && close(cm, 3, 1e-9) && close(get('scalefactor'), 0.9996, 1e-9) && close(fe, 500000, 0.001) && close(fn, 0, 0.001)) {
    if (isWgs84(datumName, a, rf)) return { crs: 'EPSG:32631', how: `${label} matched EPSG:32631 (WGS 84 / UTM 31N) by its parameters`, warnings: [] };
    if (isEtrsOrNad83(datumName)) return { crs: 'EPSG:25831', how: `${label} matched EPSG:25831 (ETRS89 / UTM 31N) by its parameters`, warnings: [] };
  }
  if (/pseudomercator|webmercator|popularvisualisation|mercatorauxiliarysphere/.test(squash(name) + projection) || (projection.startsWith('mercator') && close(a, 6378137, 1) && rf === 0)) {
    return { crs: 'EPSG:3857', how: `${label} matched EPSG:3857 (Web Mercator)`, warnings: [] };
  }

  const proj = METHODS[projection];
  if (!proj) {
    throw new UserError(`${label}: projection "${nameOf(child(root, 'PROJECTION'))}" is not supported; give the CRS with --crs as EPSG:<code> or a proj4 string (epsg.io shows it)`);
  }
  const parts = [`+proj=${proj}`];
  const lat0 = get('latitudeoforigin', 'latitudeofcenter', 'latitudeoffalseorigin');
  if (proj === 'lcc' || proj === 'aea') {
    if (sp1 !== undefined) parts.push(`+lat_1=${sp1}`);
    parts.push(`+lat_2=${sp2 ?? sp1 ?? lat0}`);
    if (sp1 === undefined && lat0 !== undefined) parts.push(`+lat_1=${lat0}`);
  }
  if (lat0 !== undefined) parts.push(`+lat_0=${lat0}`);
  if (cm !== undefined) parts.push(`+lon_0=${cm}`);
  const k = get('scalefactor', 'scalefactoratnaturalorigin');
  if (k !== undefined) parts.push(`+k=${k}`);
  if (proj === 'merc' && sp1 !== undefined) parts.push(`+lat_ts=${sp1}`);
  parts.push(`+x_0=${round(fe)}`, `+y_0=${round(fn)}`);
  parts.push(datumProj4(datumName, nameOf(datum), a, rf));
  parts.push(toMetre === 1 ? '+units=m' : `+to_meter=${toMetre}`, '+no_defs');
  const warnings = isEtrsOrNad83(datumName) ? [datumCaveat(nameOf(datum))] : [];
  return { crs: parts.join(' '), how: `${label}: proj4 definition built from the WKT parameters`, warnings };
}

const PINNED = new Set(['4326', '31370', '3812', '3857', '32631', '25831']);

function epsgId(node: WktNode, keyword: string): string | null {
  const id = child(node, keyword);
  if (!id || squash(nameOf(id)) !== 'epsg') return null;
  const code = id.args[1];
  return code === undefined ? null : String(code);
}

function isWgs84(datum: string, a: number | undefined, rf: number | undefined): boolean {
  return /^(d)?(wgs1984|wgs84|worldgeodeticsystem1984)/.test(datum) || (datum === '' && a === 6378137 && rf !== undefined && Math.abs(rf - 298.257223563) < 1e-6);
}

function isEtrsOrNad83(datum: string): boolean {
  return /^(d)?(northamerican1983|nad83|europeanterrestrialreference|etrs1989|etrs89)/.test(datum);
}

function datumProj4(datum: string, shown: string, a?: number, rf?: number): string {
  for (const [pattern, part] of DATUMS) if (pattern.test(datum)) return part;
  if (a !== undefined && a === 6378137 && rf === 0) return '+a=6378137 +b=6378137 +nadgrids=@null';
  throw new UserError(
    `datum "${shown}" has no pinned shift to WGS 84 (known: WGS 84, ETRS89, NAD83, BD72); give the CRS with --crs as a proj4 string with +towgs84 (epsg.io shows it)`,
  );
}

function datumCaveat(datum: string): string {
  return /83/.test(datum) ? `${datum} taken as WGS 84 (no shift; they differ by about 1 to 2 m)` : `${datum} taken as WGS 84 (no shift; they differ by under 1 m in Belgium)`;
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
