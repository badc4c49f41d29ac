/** Writes GPX 1.1 files (the pure serialiser is src/core/routes/gpx-text.ts). */
import { writeFileSync } from 'node:fs';
import { gpxText, type GpxDocument } from '../core/routes/gpx-text.ts';

export type { GpxDocument, GpxTrack, GpxWaypoint } from '../core/routes/gpx-text.ts';
export { gpxText };

/**
 * Writes `doc` to `file` as GPX 1.1 (UTF-8).
 *
 * @example
 * writeGpx({ name: 'Team 1', tracks: [{ name: 'Team 1', points: [[4.49, 51.02], [4.5, 51.03]] }] }, 'team-1.gpx');
 */
export function writeGpx(doc: GpxDocument, file: string): void {
  writeFileSync(file, gpxText(doc));
}
