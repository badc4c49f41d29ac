/**
 * Test helper: loads the real Mechelen data from ../shared/realdata (never copied into the repo)
 * and reprojects WGS84 lines to EPSG:31370 with a pinned proj4 definition. In production the io
 * layer does this; core never reprojects.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import proj4 from 'proj4';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from '../../../src/core/types.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
/** ../shared/realdata beside the repository root (test/core/blocks → repo root is three levels up). */
export const REALDATA = path.resolve(here, '../../../../shared/realdata');
export const MECHELEN = path.join(REALDATA, 'mechelen');
export const hasRealData = fs.existsSync(path.join(MECHELEN, 'osm-roads-2017.geojson'));

/**
 * EPSG:31370 (Belgian Lambert 72) with the 7-parameter Helmert shift to WGS84 from the EPSG
 * registry (transformation EPSG:15929, BD72 to WGS 84 (3)), as pinned by the project brief.
 */
export const EPSG_31370 =
  '+proj=lcc +lat_0=90 +lon_0=4.36748666666667 +lat_1=51.1666672333333 +lat_2=49.8333339 +x_0=150000.013 +y_0=5400088.438 +ellps=intl +towgs84=-106.8686,52.2978,-103.7239,0.3366,-0.457,1.8422,-1.2747 +units=m +no_defs';

const toLambert = proj4('EPSG:4326', EPSG_31370);

type AnyFeature = Feature<LineString | MultiLineString | Polygon | MultiPolygon>;

export function readGeoJson(file: string): { features: AnyFeature[] } {
  return JSON.parse(fs.readFileSync(path.join(MECHELEN, file), 'utf8'));
}

function project<T extends AnyFeature>(f: T): T {
  const g = f.geometry;
  const pt = (p: number[]) => toLambert.forward([p[0], p[1]]);
  const geometry =
    g.type === 'LineString'
      ? { type: g.type, coordinates: g.coordinates.map(pt) }
      : g.type === 'MultiLineString' || g.type === 'Polygon'
        ? { type: g.type, coordinates: g.coordinates.map((l) => l.map(pt)) }
        : { type: g.type, coordinates: g.coordinates.map((r) => r.map((l) => l.map(pt))) };
  return { ...f, geometry } as T;
}

/**
 * Road features that are streets: the OSM extract also holds a tile frame (properties id/zoom,
 * no highway) and two ferry routes; both are left out here (the io reader should do the same).
 */
export function loadStreets(): Feature<LineString>[] {
  return readGeoJson('osm-roads-2017.geojson')
    .features.filter((f) => typeof f.properties?.highway === 'string')
    .map((f) => project(f as Feature<LineString>));
}

/** All railway features, reprojected; core keeps only type 'rail' by default (railTypes). */
export function loadRail(): Feature<LineString>[] {
  return readGeoJson('osm-railways-2015.geojson').features.map((f) => project(f as Feature<LineString>));
}

export function loadWater(): Feature<LineString>[] {
  return readGeoJson('osm-waterways-2015.geojson').features.map((f) => project(f as Feature<LineString>));
}

/** The Arsenaal wijk polygon (already EPSG:31370). */
export function loadArsenaal(): Feature<Polygon | MultiPolygon> {
  const f = readGeoJson('wijken-2024-lambert72.geojson').features.find((x) => x.properties?.naam === 'Arsenaal (Mechelen)');
  if (!f) throw new Error('wijken-2024-lambert72.geojson: no feature with naam "Arsenaal (Mechelen)"');
  return f as Feature<Polygon | MultiPolygon>;
}

/** The municipality outline, reprojected. */
export function loadMechelen(): Feature<Polygon | MultiPolygon> {
  return project(readGeoJson('gemeente-2024-wgs84.geojson').features[0] as Feature<Polygon | MultiPolygon>);
}
