import type { Feature, LineString } from 'geojson';

/** A street line feature in planar metres. */
export const street = (name: string | null, coords: number[][], props: Record<string, unknown> = {}): Feature<LineString> => ({
  type: 'Feature',
  properties: { name, highway: 'residential', ...props },
  geometry: { type: 'LineString', coordinates: coords },
});

/** A planar grid of streets: `cols` north–south and `rows` east–west streets, `step` metres apart. */
export function gridStreets(cols: number, rows: number, step = 100): Feature<LineString>[] {
  const out: Feature<LineString>[] = [];
  for (let j = 0; j < rows; j++) out.push(street(`Straat ${j + 1}`, Array.from({ length: cols }, (_, i) => [i * step, j * step])));
  for (let i = 0; i < cols; i++) out.push(street(`Laan ${i + 1}`, Array.from({ length: rows }, (_, j) => [i * step, j * step])));
  return out;
}
