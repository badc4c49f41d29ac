/** GPX 1.1 text for handheld GPS devices and phone apps (tracks and waypoints, WGS84); pure, usable in the browser. */

export interface GpxWaypoint {
  lon: number;
  lat: number;
  name: string;
  description?: string;
}

export interface GpxTrack {
  name: string;
  /** Track points as [lon, lat] in WGS84. */
  points: ReadonlyArray<readonly [number, number] | readonly number[]>;
}

export interface GpxDocument {
  name: string;
  description?: string;
  waypoints?: readonly GpxWaypoint[];
  tracks: readonly GpxTrack[];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const coord = (v: number) => {
  if (!Number.isFinite(v)) throw new RangeError(`gpxText: coordinate ${v} is not a finite number`);
  return v.toFixed(7).replace(/\.?0+$/, '');
};

/**
 * Serialises a GPX 1.1 document: metadata name/description, waypoints (`wpt`) and one `trk` with
 * one `trkseg` per track. Coordinates are written with 7 decimals (about 1 cm).
 *
 * @param doc - name, waypoints and tracks in WGS84 lon/lat
 * @returns the XML text
 * @example
 * gpxText({ name: 'Team 1', tracks: [{ name: 'Team 1', points: [[4.49, 51.02], [4.5, 51.03]] }] });
 */
export function gpxText(doc: GpxDocument): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="Wijkatlas" xmlns="http://www.topografix.com/GPX/1/1">',
    `  <metadata><name>${escape(doc.name)}</name>${doc.description ? `<desc>${escape(doc.description)}</desc>` : ''}</metadata>`,
  ];
  for (const w of doc.waypoints ?? []) {
    out.push(`  <wpt lat="${coord(w.lat)}" lon="${coord(w.lon)}"><name>${escape(w.name)}</name>${w.description ? `<desc>${escape(w.description)}</desc>` : ''}</wpt>`);
  }
  for (const t of doc.tracks) {
    out.push(`  <trk><name>${escape(t.name)}</name><trkseg>`);
    for (const p of t.points) out.push(`    <trkpt lat="${coord(p[1])}" lon="${coord(p[0])}"/>`);
    out.push('  </trkseg></trk>');
  }
  out.push('</gpx>', '');
  return out.join('\n');
}
