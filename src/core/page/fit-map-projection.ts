import { geoMercator, geoProjection, type GeoProjection, type GeoRawProjection } from 'd3';

/** Map projections a page can use. */
export type PageProjectionKind = 'lambert72' | 'web-mercator';

/** A rectangle on the page in mm. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A projection fitted to a map frame: longitude/latitude (WGS84) -> mm on the page. */
export interface FittedProjection {
  kind: PageProjectionKind;
  frame: Rect;
  /** Longitude/latitude to page mm. */
  project: (lonLat: readonly [number, number]) => [number, number];
  /** Page mm to longitude/latitude. */
  invert: (xy: readonly [number, number]) => [number, number];
  /** Ground metres per mm of paper at the centre of the frame (on the WGS84 ellipsoid). */
  metresPerMm: number;
  /** Scale denominator at the centre of the frame: 1 : scaleDenominator. */
  scaleDenominator: number;
  /** Direction of true north at the centre of the frame, degrees clockwise from "up" on the page. */
  northAngle: number;
}

/** Options of {@link fitMapProjection}. */
export interface FitMapProjectionOptions {
  /** Round the scale to the next standard denominator (1:2 000, 1:2 500, 1:5 000, …) so the map is smaller, never larger. @default true */
  niceScale?: boolean;
  /** Empty margin inside the frame, in mm. @default 0 */
  padding?: number;
}

/** Belgian Lambert 72 (EPSG:31370) parameters: standard parallels 49°50'00.00204" and 51°10'00.00204", central meridian 4°22'02.952". */
const LAMBERT72 = { parallels: [49.8333339, 51.1666672333333] as [number, number], lon0: 4.36748666666667 };
/** WGS84 ellipsoid, for ground distances. */
const WGS84_A = 6378137;
const WGS84_E2 = 0.00669437999014;

/**
 * Lambert Conformal Conic (2SP) on the International 1924 ellipsoid, the projection of EPSG:31370
 * (EPSG Guidance Note 7-2, §3.2.1.1), as a d3 raw projection in units of the semi-major axis. d3's own
 * geoConicConformal is spherical and drifts from EPSG:31370 by ~0.06 % across a neighbourhood.
 */
function lambert72Raw(): GeoRawProjection {
  const e = Math.sqrt(2 / 297 - 1 / 297 ** 2);
  const [p1, p2] = LAMBERT72.parallels.map((d) => (d * Math.PI) / 180);
  const m = (phi: number) => Math.cos(phi) / Math.sqrt(1 - e * e * Math.sin(phi) ** 2);
  const t = (phi: number) => Math.tan(Math.PI / 4 - phi / 2) / ((1 - e * Math.sin(phi)) / (1 + e * Math.sin(phi))) ** (e / 2);
  const n = (Math.log(m(p1)) - Math.log(m(p2))) / (Math.log(t(p1)) - Math.log(t(p2)));
  const F = m(p1) / (n * t(p1) ** n);
  const raw: GeoRawProjection = (lambda, phi) => {
    const rho = F * t(phi) ** n;
    return [rho * Math.sin(n * lambda), -rho * Math.cos(n * lambda)];
  };
  raw.invert = (x, y) => {
    const rho = Math.hypot(x, y);
    const theta = Math.atan2(x, -y);
    const tt = (rho / F) ** (1 / n);
    let phi = Math.PI / 2 - 2 * Math.atan(tt);
    for (let i = 0; i < 15; i++) phi = Math.PI / 2 - 2 * Math.atan(tt * ((1 - e * Math.sin(phi)) / (1 + e * Math.sin(phi))) ** (e / 2));
    return [theta / n, phi];
  };
  return raw;
}

function baseProjection(kind: PageProjectionKind): GeoProjection {
  if (kind === 'lambert72') return geoProjection(lambert72Raw()).rotate([-LAMBERT72.lon0, 0]).scale(1).translate([0, 0]);
  if (kind === 'web-mercator') return geoMercator().scale(1).translate([0, 0]);
  throw new RangeError(`fitMapProjection: unknown projection "${String(kind)}"; expected 'lambert72' or 'web-mercator'.`);
}

/** Standard scale denominators: 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 7.5 times a power of ten. */
export function niceScaleDenominator(denominator: number): number {
  const steps = [1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 7.5, 10];
  const p = 10 ** Math.floor(Math.log10(denominator));
  for (const s of steps) if (s * p >= denominator * (1 - 1e-9)) return s * p;
  return 10 * p;
}

/**
 * Fit a map projection to a longitude/latitude box so that the box fills `frame` (centred, aspect kept).
 *
 * Lambert 72 is the ellipsoidal conformal conic of EPSG:31370 (as a d3 projection, applied to WGS84
 * longitude/latitude): over a city it matches proj4's EPSG:31370 up to a similarity (a shift of the
 * datum; residuals of centimetres, see the tests). The scale
 * is measured on the WGS84 ellipsoid at the centre of the frame, so scale bars drawn from `metresPerMm`
 * are right for the projection and latitude of the map.
 *
 * @param kind - 'lambert72' or 'web-mercator'
 * @param bbox - [minLon, minLat, maxLon, maxLat] to show
 * @param frame - the map frame on the page, mm
 * @param options - see {@link FitMapProjectionOptions}
 * @returns a {@link FittedProjection}
 * @example
 * const p = fitMapProjection('lambert72', [4.48, 51.01, 4.50, 51.03], { x: 10, y: 30, width: 190, height: 150 });
 * p.scaleDenominator; // 15000
 */
export function fitMapProjection(kind: PageProjectionKind, bbox: readonly [number, number, number, number], frame: Rect, options: FitMapProjectionOptions = {}): FittedProjection {
  const { niceScale = true, padding = 0 } = options;
  const [w, s, e, n] = bbox;
  if (![w, s, e, n].every(Number.isFinite) || w > e || s > n) throw new RangeError(`fitMapProjection: expected bbox [minLon, minLat, maxLon, maxLat], found ${JSON.stringify(bbox)}.`);
  if (!(frame.width > 2 * padding && frame.height > 2 * padding)) throw new RangeError(`fitMapProjection: frame ${frame.width} × ${frame.height} mm is too small.`);
  const base = baseProjection(kind);
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const steps = 8;
  for (let i = 0; i <= steps; i++) {
    for (const [lon, lat] of [[w + ((e - w) * i) / steps, s], [w + ((e - w) * i) / steps, n], [w, s + ((n - s) * i) / steps], [e, s + ((n - s) * i) / steps]]) {
      const [x, y] = base([lon, lat])!;
      x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
    }
  }
  // A box of zero width or height (one point) gets a minimal size so the scale stays finite.
  const minSpan = 1e-9;
  const spanX = Math.max(x1 - x0, minSpan);
  const spanY = Math.max(y1 - y0, minSpan);
  let k = Math.min((frame.width - 2 * padding) / spanX, (frame.height - 2 * padding) / spanY);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const place = (scale: number) => base.scale(scale).translate([frame.x + frame.width / 2 - scale * cx, frame.y + frame.height / 2 - scale * cy]);
  place(k);
  let mpm = metresPerMmAt(base, frame);
  if (niceScale) {
    const nice = niceScaleDenominator(mpm * 1000);
    k = (k * mpm * 1000) / nice;
    place(k);
    mpm = metresPerMmAt(base, frame);
  }
  const centre = base.invert!([frame.x + frame.width / 2, frame.y + frame.height / 2])!;
  const a = base(centre)!;
  const b = base([centre[0], centre[1] + 1e-4])!;
  const northAngle = (Math.atan2(b[0] - a[0], a[1] - b[1]) * 180) / Math.PI;
  const project = (p: readonly [number, number]) => base(p as [number, number]) as [number, number];
  const invert = (p: readonly [number, number]) => base.invert!(p as [number, number]) as [number, number];
  return { kind, frame: { ...frame }, project, invert, metresPerMm: mpm, scaleDenominator: mpm * 1000, northAngle };
}

/** Ground metres per page mm at the frame centre: an east-west step measured on the ellipsoid (conformal maps scale alike in every direction). */
function metresPerMmAt(p: GeoProjection, frame: Rect): number {
  const [lon, lat] = p.invert!([frame.x + frame.width / 2, frame.y + frame.height / 2])!;
  const d = 1e-3;
  const a = p([lon - d / 2, lat])!;
  const b = p([lon + d / 2, lat])!;
  const phi = (lat * Math.PI) / 180;
  const N = WGS84_A / Math.sqrt(1 - WGS84_E2 * Math.sin(phi) ** 2);
  const ground = N * Math.cos(phi) * ((d * Math.PI) / 180);
  return ground / Math.hypot(b[0] - a[0], b[1] - a[1]);
}
