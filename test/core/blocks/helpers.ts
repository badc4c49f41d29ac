/** Small builders for the street-block unit tests (planar metres). */
import type { Feature, LineString, Polygon } from '../../../src/core/types.ts';

export const street = (coordinates: number[][], highway: string | null = 'residential'): Feature<LineString> => ({
  type: 'Feature',
  properties: highway ? { highway } : {},
  geometry: { type: 'LineString', coordinates },
});

export const rail = (coordinates: number[][], type = 'rail'): Feature<LineString> => ({ type: 'Feature', properties: { type }, geometry: { type: 'LineString', coordinates } });

export const rect = (x0: number, y0: number, x1: number, y1: number): number[][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

export const areaOf = (...rings: number[][][]): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } });
