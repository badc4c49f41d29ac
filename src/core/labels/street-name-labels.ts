import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { textWidth } from '../page/text-width.ts';
import { MM_PER_PT } from '../page/page-model.ts';
import { chainLines } from '../geometry/chain-lines.ts';

/** One street name placed on a web map (WGS84), shown from `minZoom` on. */
export interface StreetNameLabel {
  name: string;
  /** [longitude, latitude] of the label's centre, on the street. */
  position: [number, number];
  /** Text angle in degrees, counter-clockwise from east, in (-90, 90] so the text is never upside down. */
  angle: number;
  /** Web-map zoom (512-pixel tiles, as deck.gl and MapLibre count) from which the label is shown. */
  minZoom: number;
  /** Higher is placed first (major roads, long streets). */
  priority: number;
}

/** Options of streetNameLabels. */
export interface StreetNameLabelOptions {
  /** Property with the street name. Default 'name'. */
  nameProperty?: string;
  /** Font size in pixels of the text that will be drawn. Default 12. */
  fontSize?: number;
  /** Free space in pixels kept around every label. Default 3. */
  padding?: number;
  /** Lowest zoom with labels. Default 14. */
  minZoom?: number;
  /** Highest zoom considered; a label that does not fit by then is left out. Default 19. */
  maxZoom?: number;
  /** Zoom steps of the placement. Default 0.25. */
  zoomStep?: number;
  /** A long street gets a label every this many metres, and every half and quarter of it as the map zooms in. Default 400. */
  repeatMetres?: number;
  /** Two labels of one name stay at least this many pixels apart. Default 200. */
  sameNameGapPx?: number;
}

/** Pixel width of `text` at `fontSize` pixels in DejaVu Sans (advance widths, no kerning). */
export function labelTextWidthPx(text: string, fontSize: number): number {
  return (textWidth(text, 1) / MM_PER_PT) * fontSize;
}

/** Earth radius of the Web Mercator sphere (m). */
const R = 6378137;
/** Label height in ems (DejaVu's line height without the leading). */
const HEIGHT_EM = 1.2;
/** OSM `highway` classes, in the order their names go first. */
const RANK: Record<string, number> = { motorway: 7, trunk: 7, primary: 6, secondary: 5, tertiary: 4, residential: 3, unclassified: 3, living_street: 2, pedestrian: 2, service: 1 };

type P = [number, number];

interface Candidate {
  name: string;
  /** One label per slot: the part of a street a label stands for (alternatives share it). */
  slot: number;
  /** Anchor in local metres and in WGS84. */
  at: P;
  lonLat: [number, number];
  /** Unit vector along the label. */
  u: P;
  /** The length of street the label may use (m). */
  room: number;
  /** Label width and height in pixels (padding included). */
  wPx: number;
  hPx: number;
  priority: number;
  cosLat: number;
  minZoom: number;
}

/** Parts of a street geometry as coordinate lists. */
function parts(g: Geometry | null): number[][][] {
  if (!g) return [];
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

/** Cumulative lengths of a polyline. */
function cumulative(line: readonly P[]): number[] {
  const cum = [0];
  for (let i = 1; i < line.length; i++) cum.push(cum[i - 1] + Math.hypot(line[i][0] - line[i - 1][0], line[i][1] - line[i - 1][1]));
  return cum;
}

/** The point at arc length s. */
function along(line: readonly P[], cum: readonly number[], s: number): P {
  let i = 1;
  while (i < line.length - 1 && cum[i] < s) i++;
  const t = cum[i] === cum[i - 1] ? 0 : Math.min(1, Math.max(0, (s - cum[i - 1]) / (cum[i] - cum[i - 1])));
  return [line[i - 1][0] + t * (line[i][0] - line[i - 1][0]), line[i - 1][1] + t * (line[i][1] - line[i - 1][1])];
}

/** Metres per pixel at zoom z and latitude cosine c (512-pixel tiles). */
const metresPerPixel = (z: number, c: number) => (2 * Math.PI * R * c) / (512 * 2 ** z);

/** Whether two oriented boxes (centre, unit axis, half width, half height) overlap (separating axes). */
function overlap(a: P, ua: P, wa: number, ha: number, b: P, ub: P, wb: number, hb: number): boolean {
  const d: P = [b[0] - a[0], b[1] - a[1]];
  for (const [ax, ay] of [ua, [-ua[1], ua[0]], ub, [-ub[1], ub[0]]] as P[]) {
    const ra = wa * Math.abs(ua[0] * ax + ua[1] * ay) + ha * Math.abs(-ua[1] * ax + ua[0] * ay);
    const rb = wb * Math.abs(ub[0] * ax + ub[1] * ay) + hb * Math.abs(-ub[1] * ax + ub[0] * ay);
    if (Math.abs(d[0] * ax + d[1] * ay) > ra + rb) return false;
  }
  return true;
}

/**
 * Where to write street names on a web map, and from which zoom, so that names never overlap and a
 * name is shown only once its street is long enough on screen to carry it. Placement is done once,
 * for every zoom step: a label shown at one zoom stays shown when zooming in (boxes only shrink), so
 * the map can filter by `minZoom` alone. Names of major roads and long streets go first; a long
 * street gets a name every `repeatMetres`, never two of one name closer than `sameNameGapPx`.
 * Text widths are DejaVu Sans advance widths (the font the app asks for first).
 *
 * @param streets - street lines in WGS84 (LineString, MultiLineString), named by `nameProperty`;
 *   an OSM `highway` property ranks them
 * @param options - see StreetNameLabelOptions
 * @returns the labels, in placement order
 * @example
 * streetNameLabels(streets).filter((l) => l.minZoom <= 16.5); // the names shown at zoom 16.5
 */
export function streetNameLabels(streets: FeatureCollection, options: StreetNameLabelOptions = {}): StreetNameLabel[] {
  const { nameProperty = 'name', fontSize = 12, padding = 3, minZoom = 14, maxZoom = 19, zoomStep = 0.25, repeatMetres = 400, sameNameGapPx = 200 } = options;
  const byName = new Map<string, { lines: number[][][]; rank: number }>();
  let lat0 = 0;
  let lon0 = 0;
  let n = 0;
  for (const f of streets.features as Feature[]) {
    const name = f.properties?.[nameProperty];
    if (typeof name !== 'string' || name.trim() === '') continue;
    const lines = parts(f.geometry).filter((l) => l.length >= 2);
    if (lines.length === 0) continue;
    const entry = byName.get(name.trim()) ?? { lines: [], rank: 0 };
    entry.lines.push(...lines);
    entry.rank = Math.max(entry.rank, RANK[String(f.properties?.highway)] ?? 0);
    byName.set(name.trim(), entry);
    for (const l of lines) {
      lon0 += l[0][0];
      lat0 += l[0][1];
      n++;
    }
  }
  if (n === 0) return [];
  lon0 /= n;
  lat0 /= n;
  const k = (Math.PI / 180) * R;
  const cos0 = Math.cos((lat0 * Math.PI) / 180);
  const toLocal = (c: number[]): P => [(c[0] - lon0) * k * cos0, (c[1] - lat0) * k];
  const toLonLat = (p: P): [number, number] => [lon0 + p[0] / (k * cos0), lat0 + p[1] / k];

  const candidates: Candidate[] = [];
  let slots = 0;
  for (const [name, { lines, rank }] of byName) {
    const wPx = labelTextWidthPx(name, fontSize) + 2 * padding;
    const hPx = HEIGHT_EM * fontSize + 2 * padding;
    for (const run of chainLines(lines.map((l) => l.map(toLocal)))) {
      const cum = cumulative(run);
      const length = cum[cum.length - 1];
      if (length <= 0) continue;
      // slots of repeatMetres, then halves and quarters of them: the finer ones fill in as the map
      // zooms in (the gap between names of one street keeps them apart on screen)
      for (let level = 0; level < 3; level++) {
        const count = Math.max(1, Math.floor(length / (repeatMetres / 2 ** level)));
        const slot = length / count;
        for (let j = 0; j < count; j++) {
          // the slot's middle first; a quarter of the slot either side when the middle is taken (a crossing name)
          for (const [alt, shift] of [0, -0.25, 0.25].entries()) {
            const s = slot * (j + 0.5 + shift);
            const at = along(run, cum, s);
            const room = slot * (1 - 2 * Math.abs(shift));
            // the label's direction: the chord over the street around the anchor (up to 60 m each way)
            const half = Math.min(room / 2, 60);
            const a = along(run, cum, s - half);
            const b = along(run, cum, s + half);
            let u: P = [b[0] - a[0], b[1] - a[1]];
            const len = Math.hypot(u[0], u[1]) || 1;
            u = [u[0] / len, u[1] / len];
            if (u[0] < 0 || (u[0] === 0 && u[1] < 0)) u = [-u[0], -u[1]];
            const lonLat = toLonLat(at);
            const priority = rank * 10 + Math.log10(1 + length) - level - j * 0.001 - alt * 0.0001;
            candidates.push({ name, slot: slots, at, lonLat, u, room, wPx, hPx, priority, cosLat: Math.cos((lonLat[1] * Math.PI) / 180), minZoom: Infinity });
          }
          slots++;
        }
      }
    }
  }
  candidates.sort((p, q) => q.priority - p.priority || (p.name < q.name ? -1 : p.name > q.name ? 1 : 0) || p.at[0] - q.at[0] || p.at[1] - q.at[1]);

  const placed: Candidate[] = [];
  const filled = new Set<number>();
  // two boxes can touch only if their centres are less than the largest width plus height apart
  const reachPx = candidates.reduce((m, c) => Math.max(m, c.wPx + c.hPx), Math.max(1, sameNameGapPx));
  for (let z = minZoom; z <= maxZoom + 1e-9; z += zoomStep) {
    // a grid of the labels placed so far, in cells of the largest label at this zoom
    const mpp = metresPerPixel(z, cos0);
    const cell = reachPx * mpp * 1.05;
    const grid = new Map<string, Candidate[]>();
    const cellOf = (p: P) => [Math.floor(p[0] / cell), Math.floor(p[1] / cell)];
    const add = (c: Candidate) => {
      const [i, j] = cellOf(c.at);
      const key = `${i},${j}`;
      const list = grid.get(key);
      if (list) list.push(c);
      else grid.set(key, [c]);
    };
    placed.forEach(add);
    for (const c of candidates) {
      if (filled.has(c.slot)) continue;
      const m = metresPerPixel(z, c.cosLat);
      if (c.wPx * m > c.room) continue;
      const [ci, cj] = cellOf(c.at);
      let free = true;
      for (let di = -1; di <= 1 && free; di++) {
        for (let dj = -1; dj <= 1 && free; dj++) {
          for (const o of grid.get(`${ci + di},${cj + dj}`) ?? []) {
            if (o.name === c.name && Math.hypot(o.at[0] - c.at[0], o.at[1] - c.at[1]) < sameNameGapPx * m) free = false;
            else if (overlap(c.at, c.u, (c.wPx / 2) * m, (c.hPx / 2) * m, o.at, o.u, (o.wPx / 2) * m, (o.hPx / 2) * m)) free = false;
            if (!free) break;
          }
        }
      }
      if (!free) continue;
      c.minZoom = Math.round(z * 1000) / 1000;
      filled.add(c.slot);
      placed.push(c);
      add(c);
    }
  }
  return placed.map((c) => ({ name: c.name, position: c.lonLat, angle: (Math.atan2(c.u[1], c.u[0]) * 180) / Math.PI, minZoom: c.minZoom, priority: Math.round(c.priority * 1000) / 1000 }));
}
