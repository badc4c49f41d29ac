/**
 * Synthetic, seeded incidents around Arsenaal (Mechelen) for the real-data tests, the screenshot and
 * the docs: points scattered (≤ 15 m) along named Arsenaal streets of the real OSM roads, most on a
 * few "hot" streets, with times mostly on Friday evenings. Not real police data.
 */
import type { Feature, LineString, Point } from 'geojson';
import { normalFrom, seededRandom } from '../../../src/core/random/seeded-random.ts';

/** Streets of Arsenaal and their relative incident weight (the first ones are the hot spots). */
export const ARSENAAL_STREETS: Record<string, number> = {
  Aambeeldstraat: 10,
  Draaibankstraat: 7,
  Locomotiefstraat: 6,
  Hamerstraat: 4,
  Wagonstraat: 3,
  Tenderstraat: 2,
  Smisstraat: 2,
  Leuvensesteenweg: 1,
};

/**
 * @param roads - OSM roads in WGS84 (osm-roads-2017.geojson)
 * @param count - number of incidents
 * @param seed - seed
 * @returns incident points in WGS84 with `datetime` (ISO, local wall-clock time)
 */
export function syntheticArsenaalIncidents(roads: Feature[], count = 400, seed = 7): Feature<Point, { id: number; datetime: string; street: string }>[] {
  const rand = seededRandom(seed);
  // only the Arsenaal stretch of each name: within ~1.2 km of the Hamerstraat
  const near = (c: number[]) => Math.hypot((c[0] - 4.4937) * 70, (c[1] - 51.0206) * 111) < 1.2;
  const byStreet = new Map<string, number[][][]>();
  for (const f of roads) {
    const name = (f.properties as { name?: string } | null)?.name;
    if (!name || !(name in ARSENAAL_STREETS) || f.geometry?.type !== 'LineString') continue;
    const coords = (f.geometry as LineString).coordinates;
    if (!coords.every(near)) continue;
    byStreet.set(name, [...(byStreet.get(name) ?? []), coords]);
  }
  const names = [...byStreet.keys()].sort();
  const total = names.reduce((s, n) => s + ARSENAAL_STREETS[n], 0);
  const out: Feature<Point, { id: number; datetime: string; street: string }>[] = [];
  for (let i = 0; i < count; i++) {
    let pick = rand() * total;
    const name = names.find((n) => (pick -= ARSENAAL_STREETS[n]) <= 0) ?? names[names.length - 1];
    const lines = byStreet.get(name)!;
    const line = lines[Math.floor(rand() * lines.length)];
    const k = Math.floor(rand() * (line.length - 1));
    const t = rand();
    const lon = line[k][0] + t * (line[k + 1][0] - line[k][0]) + (normalFrom(rand) * 6) / 70_000;
    const lat = line[k][1] + t * (line[k + 1][1] - line[k][1]) + (normalFrom(rand) * 6) / 111_000;
    // 60 % on Friday evenings (18–22 h) in 2021 (1 January 2021 was a Friday), the rest any day and hour
    const friday = rand() < 0.6;
    const day = friday ? 7 * Math.floor(rand() * 52) : Math.floor(rand() * 364);
    const hour = friday ? 18 + Math.floor(rand() * 4) : Math.floor(rand() * 24);
    const date = new Date(Date.UTC(2021, 0, 1 + day, hour, Math.floor(rand() * 60)));
    out.push({ type: 'Feature', properties: { id: i + 1, datetime: date.toISOString().slice(0, 16), street: name }, geometry: { type: 'Point', coordinates: [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6] } });
  }
  return out;
}
