/**
 * Writes fetched features as GeoJSON in their source CRS, with the legacy `crs` member that the GeoJSON
 * reader of src/io honours (so a Lambert 72 file is read as Lambert 72), one feature per line.
 */
import type { Feature } from 'geojson';

/**
 * GeoJSON text of a FeatureCollection in `crs` ('EPSG:31370' → urn:ogc:def:crs:EPSG::31370).
 *
 * @example
 * fetchedGeojson(features, 'EPSG:31370');
 */
export function fetchedGeojson(features: readonly Feature[], crs: string): string {
  const code = /^EPSG:(\d+)$/.exec(crs)?.[1];
  const head = code && code !== '4326' ? `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::${code}"}},"features":[` : '{"type":"FeatureCollection","features":[';
  return `${head}\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/**
 * Bounding box [minX, minY, maxX, maxY] of a feature's geometry, or null without coordinates.
 *
 * @example
 * featureBBox({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1, 2] } }); // [1, 2, 1, 2]
 */
export function featureBBox(f: Feature): [number, number, number, number] | null {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1]);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1]);
    } else c.forEach(visit);
  };
  const g = f.geometry as { coordinates?: unknown; geometries?: Array<{ coordinates?: unknown }> } | null;
  if (g?.coordinates) visit(g.coordinates);
  g?.geometries?.forEach((m) => visit(m.coordinates));
  return b.every(Number.isFinite) ? b : null;
}
