import type { FeatureCollection, Position } from 'geojson';

/** A patrol start chosen from the streets: the point and the name on the route sheets. */
export interface PatrolStartChoice {
  /** [longitude, latitude] (WGS84). */
  start: [number, number];
  /** Name of the start for the route sheets, e.g. "de Hamerstraat (midden van de wijk)" ("Hamerstraat (middle of the area)"). */
  label: string;
}

/**
 * Where patrols start when the atlas config names no start (`patrol.start`): the street vertex
 * nearest to the centre of the area's bounding box, so the start lies on the network in the middle
 * of the neighbourhood rather than at another city's default. Distances in degrees with longitude
 * scaled by cos(latitude) (enough to rank points a few kilometres apart).
 *
 * @param streets - street lines in WGS84 (LineString / MultiLineString, optional `name`)
 * @param bbox - [minLon, minLat, maxLon, maxLat] of the area
 * @param lang - language of the label (default 'nl')
 * @returns the start and its label, or null when there are no street vertices
 * @example
 * defaultPatrolStart(streets, manifest.atlas.bbox); // { start: [4.49, 51.02], label: 'de Hamerstraat (midden van de wijk)' }
 */
export function defaultPatrolStart(streets: FeatureCollection, bbox: readonly [number, number, number, number], lang: 'nl' | 'en' = 'nl'): PatrolStartChoice | null {
  const cx = (bbox[0] + bbox[2]) / 2;
  const cy = (bbox[1] + bbox[3]) / 2;
  const kx = Math.cos((cy * Math.PI) / 180);
  let best: Position | null = null;
  let bestName: string | null = null;
  let bestD = Infinity;
  for (const f of streets.features) {
    const g = f.geometry;
    const lines = g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : [];
    const name = typeof f.properties?.name === 'string' && f.properties.name.trim() ? f.properties.name.trim() : null;
    for (const line of lines) {
      for (const p of line) {
        const d = ((p[0] - cx) * kx) ** 2 + (p[1] - cy) ** 2;
        if (d < bestD) {
          bestD = d;
          best = p;
          bestName = name;
        }
      }
    }
  }
  if (!best) return null;
  if (lang === 'en') return { start: [best[0], best[1]], label: bestName ? `${bestName} (middle of the area)` : 'the middle of the area' };
  return { start: [best[0], best[1]], label: bestName ? `de ${bestName} (midden van de wijk)` : 'het midden van de wijk' };
}
