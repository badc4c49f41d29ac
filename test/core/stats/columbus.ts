// Columbus (Anselin) data and the R spdep reference values, read lazily from ../shared.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, Polygon } from 'geojson';
// @ts-expect-error the shapefile package ships no types
import * as shapefile from 'shapefile';

export const SHARED = path.resolve(__dirname, '../../../../shared');
export const COLUMBUS_DIR = path.join(SHARED, 'realdata/spatial-stats/columbus');
export const REFERENCE_DIR = path.join(SHARED, 'reference/columbus');
export const HAS_COLUMBUS = existsSync(path.join(COLUMBUS_DIR, 'columbus.shp')) && existsSync(path.join(REFERENCE_DIR, 'global.csv'));

export interface Columbus {
  features: Feature<Polygon>[];
  ids: string[];
  crime: number[];
}

export async function loadColumbus(): Promise<Columbus> {
  const fc = await shapefile.read(path.join(COLUMBUS_DIR, 'columbus.shp'), path.join(COLUMBUS_DIR, 'columbus.dbf'));
  const features = fc.features as Feature<Polygon>[];
  return { features, ids: features.map((f) => String(f.properties!.POLYID)), crime: features.map((f) => Number(f.properties!.CRIME)) };
}

/** Rows of a reference CSV as objects (numbers parsed where possible). */
export function readReferenceCsv(name: 'global.csv' | 'local.csv'): Record<string, string | number>[] {
  const [header, ...rows] = readFileSync(path.join(REFERENCE_DIR, name), 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',').map((c) => c.replace(/"/g, ''));
  return rows.map((line) => {
    const cells = line.split(',').map((c) => c.replace(/"/g, ''));
    return Object.fromEntries(cols.map((c, k) => [c, cells[k] !== '' && Number.isFinite(Number(cells[k])) ? Number(cells[k]) : cells[k]]));
  });
}

/** Relative error (absolute when the reference is 0). */
export function relativeError(actual: number, expected: number): number {
  const d = Math.abs(actual - expected);
  return expected === 0 ? d : d / Math.abs(expected);
}
