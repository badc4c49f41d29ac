/**
 * CRS names -> pinned proj4 definitions. The only place where CRS definitions live: every other
 * module asks `parseCrs` so that one file decides, e.g., which Lambert 72 datum shift we use.
 */
import proj4 from 'proj4';
import { UserError } from '../core/user-error.ts';
import { wktToCrs } from './parse-wkt-crs.ts';
import { LAMBERT72_PROJ4 } from '../core/crs/lambert72-proj4.ts';

/** A resolved coordinate reference system. */
export interface CrsInfo {
  /** Canonical id: 'EPSG:31370', or the proj4 string itself for a custom definition. */
  id: string;
  /** Human name, e.g. 'BD72 / Belgian Lambert 72'. */
  name: string;
  /** The proj4 definition used to transform. */
  proj4: string;
  /** True for longitude/latitude in degrees, false for projected metres. */
  geographic: boolean;
  /**
   * Plausible coordinate box [minX, minY, maxX, maxY] in the CRS's own units, used to flag
   * "impossible coordinates" (e.g. Lambert metres declared as degrees). Null: no check.
   */
  plausible: [number, number, number, number] | null;
}

/**
 * Pinned definitions. Sources:
 * - EPSG:4326 WGS 84: EPSG registry; proj4 string as PROJ writes it.
 * - EPSG:31370 BD72 / Belgian Lambert 72: projection parameters of EPSG:31370 (Lambert Conic
 *   Conformal 2SP, EPSG registry) plus the datum shift of EPSG transformation 15929
 *   "BD72 to WGS 84 (3)" (NGI, Coordinate Frame, 7 parameters; the rotation signs below are
 *   negated because proj4's +towgs84 uses the Position Vector convention). The same string is
 *   what PROJ (proj.db) and epsg.io give for EPSG:31370. It reproduces the WGS84 version of the
 *   Mechelen wijken (published by the Flemish provinces) to under a millimetre, see
 *   test/io/reproject.test.ts.
 * - EPSG:3812 ETRS89 / Belgian Lambert 2008: EPSG registry parameters (lat_0 50°47'52.134",
 *   lon_0 4°21'33.177", x_0 649328, y_0 665262, GRS80). ETRS89 is treated as equal to WGS 84
 *   (they differ by well under 1 m in Belgium today).
 * - EPSG:3857 WGS 84 / Pseudo-Mercator: proj4js' built-in definition (spherical, a = b = 6378137).
 * - EPSG:32631 WGS 84 / UTM zone 31N and EPSG:25831 ETRS89 / UTM zone 31N: EPSG registry
 *   (ETRS89 again taken as WGS 84).
 */
const KNOWN: Record<string, Omit<CrsInfo, 'id'>> = {
  'EPSG:4326': {
    name: 'WGS 84 (longitude, latitude)',
    proj4: '+proj=longlat +datum=WGS84 +no_defs',
    geographic: true,
    plausible: [-180, -90, 180, 90],
  },
  'EPSG:31370': {
    name: 'BD72 / Belgian Lambert 72',
    proj4: LAMBERT72_PROJ4,
    geographic: false,
    // Belgium spans about x 17 700..297 300, y 23 700..245 400; allow neighbouring areas.
    plausible: [-100_000, -100_000, 450_000, 400_000],
  },
  'EPSG:3812': {
    name: 'ETRS89 / Belgian Lambert 2008',
    proj4:
      '+proj=lcc +lat_0=50.797815 +lon_0=4.35921583333333 +lat_1=49.8333333333333 +lat_2=51.1666666666667 +x_0=649328 +y_0=665262 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
    geographic: false,
    // Belgium spans about x 517 000..798 000, y 521 000..745 000.
    plausible: [400_000, 400_000, 950_000, 900_000],
  },
  'EPSG:3857': {
    name: 'WGS 84 / Pseudo-Mercator',
    proj4: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
    geographic: false,
    plausible: [-20_037_508.35, -20_048_966.11, 20_037_508.35, 20_048_966.11],
  },
  'EPSG:32631': {
    name: 'WGS 84 / UTM zone 31N',
    proj4: '+proj=utm +zone=31 +datum=WGS84 +units=m +no_defs',
    geographic: false,
    plausible: [-500_000, 0, 1_500_000, 9_400_000],
  },
  'EPSG:25831': {
    name: 'ETRS89 / UTM zone 31N',
    proj4: '+proj=utm +zone=31 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
    geographic: false,
    plausible: [-500_000, 0, 1_500_000, 9_400_000],
  },
};

/** Ids of the CRSs with a pinned definition, for messages and docs. */
export const KNOWN_CRS_IDS: readonly string[] = Object.keys(KNOWN);

/** Names that mean WGS 84 longitude/latitude (GeoJSON's CRS84 and friends). */
const CRS84_ALIASES = new Set(['crs84', 'ogc:crs84', 'wgs84', 'urn:ogc:def:crs:ogc:1.3:crs84', 'urn:ogc:def:crs:ogc::crs84', 'http://www.opengis.net/def/crs/ogc/1.3/crs84']);

/**
 * Resolve a CRS name to a pinned definition.
 *
 * Accepts 'EPSG:31370' (any case), a bare code '31370', 'urn:ogc:def:crs:EPSG::31370' (also with a
 * version, 'urn:ogc:def:crs:EPSG:6.6:31370'), 'http(s)://www.opengis.net/def/crs/EPSG/0/31370',
 * CRS84 names ('urn:ogc:def:crs:OGC:1.3:CRS84', 'CRS84', 'WGS84': all -> EPSG:4326, longitude
 * first), any proj4 string ('+proj=...') and WKT1 text as in a .prj (see wktToCrs). Axis order is always x/longitude first, as in
 * GeoJSON practice, even for 'urn:ogc:def:crs:EPSG::4326'.
 *
 * @param nameOrUrn - the CRS as written in a config file or a GeoJSON `crs` member
 * @returns the resolved CRS
 * @throws UserError for an unknown code or an invalid proj4 string
 * @example
 * parseCrs('urn:ogc:def:crs:EPSG::31370').id // 'EPSG:31370'
 */
export function parseCrs(nameOrUrn: string): CrsInfo {
  if (typeof nameOrUrn !== 'string' || nameOrUrn.trim() === '') {
    throw new UserError(`expected a CRS such as "EPSG:31370", found ${JSON.stringify(nameOrUrn)}; set crs to one of ${KNOWN_CRS_IDS.join(', ')} or a proj4 string`);
  }
  const text = nameOrUrn.trim();
  if (text.startsWith('+')) return parseProj4String(text);
  // WKT1 (a .prj's contents) or WKT2: resolved to a pinned EPSG id or a proj4 string.
  if (/^[A-Z]+CR?S\s*[[(]/i.test(text)) return parseCrs(wktToCrs(text).crs);

  const lower = text.toLowerCase();
  if (CRS84_ALIASES.has(lower)) return { id: 'EPSG:4326', ...KNOWN['EPSG:4326'] };

  const code = epsgCode(lower);
  if (code === null) {
    throw new UserError(`unknown CRS "${text}": expected EPSG:<code>, an OGC URN/URL or a proj4 string; use one of ${KNOWN_CRS_IDS.join(', ')} or give a proj4 string (see epsg.io)`);
  }
  const id = `EPSG:${code}`;
  const known = KNOWN[id];
  if (!known) {
    throw new UserError(`CRS "${text}" (${id}) has no pinned definition: known are ${KNOWN_CRS_IDS.join(', ')}; give its proj4 string instead (see epsg.io/${code})`);
  }
  return { id, ...known };
}

/** 'epsg:31370', '31370', URN or URL forms -> '31370'; anything else -> null. */
function epsgCode(lower: string): string | null {
  const patterns = [
    /^epsg:(\d+)$/,
    /^(\d+)$/,
    /^urn:ogc:def:crs:epsg:[\d.]*:(\d+)$/,
    /^urn:x-ogc:def:crs:epsg:[\d.]*:(\d+)$/,
    /^https?:\/\/www\.opengis\.net\/def\/crs\/epsg\/[\d.]+\/(\d+)$/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(lower);
    if (match) return match[1];
  }
  return null;
}

function parseProj4String(text: string): CrsInfo {
  const normalised = text.split(/\s+/).join(' ');
  let geographic: boolean;
  try {
    const projection = new proj4.Proj(normalised) as unknown as { projName?: string };
    // proj4 builds a projection even for unknown names; it fails only when transforming.
    proj4(normalised, KNOWN['EPSG:4326'].proj4);
    geographic = projection.projName === 'longlat' || projection.projName === 'latlong';
  } catch {
    throw new UserError(`invalid proj4 string "${text}": proj4 cannot build a projection from it; copy the proj4 definition from epsg.io or use one of ${KNOWN_CRS_IDS.join(', ')}`);
  }
  if (!/\+proj=/.test(normalised)) {
    throw new UserError(`invalid proj4 string "${text}": it has no +proj= parameter; copy the proj4 definition from epsg.io`);
  }
  return { id: normalised, name: 'custom proj4 definition', proj4: normalised, geographic, plausible: geographic ? [-180, -90, 180, 90] : null };
}
