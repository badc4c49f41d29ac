/**
 * Synthetic geography of the demo atlas: a fictional street network laid out like Arsenaal
 * (Mechelen) — dense worker-housing blocks between the Leuvensesteenweg and two railway lines,
 * closed by the Smisstraat, with a marshalling yard behind it and the railway workshop across the
 * steenweg. Coordinates are built in a local frame (u along the steenweg, v towards the north-east)
 * and placed at Arsenaal's real location in Belgian Lambert 72 (EPSG:31370).
 *
 * It is a demo, not a survey of the real place: street positions are invented; a few street names
 * are the real ones, the others are made up.
 */
import type { Feature, LineString, Polygon } from 'geojson';

export type XY = [number, number];

/** Centre of the residential part, Lambert 72 (x, y), near the real Arsenaal (lon 4.492, lat 51.020). */
export const CENTRE: XY = [158650, 189990];
/** Rotation of the local frame: the steenweg runs towards the south-east. */
const THETA = (-38 * Math.PI) / 180;
/** Local (u, v) of the residential centre. */
const LOCAL_CENTRE: XY = [-20, 260];

export function toLambert([u, v]: XY): XY {
  const c = Math.cos(THETA);
  const s = Math.sin(THETA);
  const du = u - LOCAL_CENTRE[0];
  const dv = v - LOCAL_CENTRE[1];
  return [round2(CENTRE[0] + du * c - dv * s), round2(CENTRE[1] + du * s + dv * c)];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The Mechelen–Antwerpen line, west side: u as a function of v. */
const antwerpU = (v: number) => -500 + 0.2 * v;
/** The Mechelen–Leuven line, north side: v as a function of u. */
const leuvenV = (u: number) => 600 - 0.15 * (u + 500);

const line = (props: Record<string, unknown>, pts: XY[]): Feature<LineString> => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'LineString', coordinates: pts.map(toLambert) },
});

/** Points of a straight local segment, every `step` m, so reprojected lines stay faithful. */
function seg(a: XY, b: XY, step = 50): XY[] {
  const n = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / step));
  return Array.from({ length: n + 1 }, (_, i) => [a[0] + ((b[0] - a[0]) * i) / n, a[1] + ((b[1] - a[1]) * i) / n] as XY);
}

/** Residential streets parallel to the steenweg (v position, name). */
export const PARALLEL_STREETS: Array<[number, string]> = [
  [80, 'Ketelstraat'],
  [160, 'Zuigerstraat'],
  [240, 'Stoomstraat'],
  [320, 'Seinstraat'],
  [400, 'Remstraat'],
];
/** Cross streets from the steenweg to the Leuven line (u position, name, highway class). */
export const CROSS_STREETS: Array<[number, string, string]> = [
  [-370, 'Hamerstraat', 'living_street'],
  [-260, 'Aambeeldstraat', 'residential'],
  [-140, 'Draaibankstraat', 'residential'],
  [-20, 'Locomotiefstraat', 'residential'],
  [100, 'Wagonstraat', 'residential'],
  [220, 'Tenderstraat', 'residential'],
  [330, 'Bielzenstraat', 'residential'],
];
const SMIS_U = 430;

/** Street centre lines (Lambert 72) with OSM-like `highway` and `name`. */
export function demoStreets(): Feature<LineString>[] {
  const out: Feature<LineString>[] = [];
  out.push(line({ highway: 'primary', name: 'Leuvensesteenweg', ref: 'N26' }, seg([-700, 0], [760, 0])));
  out.push(line({ highway: 'tertiary', name: 'Smisstraat' }, seg([SMIS_U, 0], [SMIS_U, leuvenV(SMIS_U)])));
  for (const [v, name] of PARALLEL_STREETS) {
    out.push(line({ highway: 'residential', name }, seg([antwerpU(v), v], [SMIS_U, v])));
  }
  for (const [u, name, highway] of CROSS_STREETS) {
    out.push(line({ highway, name }, seg([u, 0], [u, leuvenV(u)])));
  }
  // The railway workshop across the steenweg: a service road into the site (a dead end, not a block edge).
  out.push(line({ highway: 'service', name: 'Werkplaatsweg' }, [...seg([-280, 0], [-280, -190]), ...seg([-280, -190], [300, -190]).slice(1)]));
  // A short dead-end alley inside a block (must not split it).
  out.push(line({ highway: 'service', name: 'Hofkesgang' }, seg([-370, 120], [-330, 120])));
  return out;
}

/** Railway centre lines: each main line as two tracks 4.5 m apart, and the marshalling yard's tracks. */
export function demoRailways(): Feature<LineString>[] {
  const out: Feature<LineString>[] = [];
  for (const off of [0, -4.5]) {
    out.push(line({ railway: 'rail', name: 'Lijn 27 Mechelen–Antwerpen' }, seg([antwerpU(-320) + off, -320], [antwerpU(720) + off, 720])));
    out.push(line({ railway: 'rail', name: 'Lijn 53 Mechelen–Leuven' }, seg([-420, leuvenV(-420) + off], [720, leuvenV(720) + off])));
  }
  // Marshalling yard east of the Smisstraat: a ladder track and parallel sidings up to the Leuven line.
  const ladderV = 12;
  out.push(line({ railway: 'rail', service: 'yard', name: 'Vormingsbundel' }, seg([445, ladderV], [700, ladderV])));
  for (const u of [445, 462, 478, 494, 510, 527, 545, 565, 590, 620]) {
    out.push(line({ railway: 'rail', service: 'yard', name: 'Vormingsbundel' }, seg([u, ladderV], [u, leuvenV(u)])));
  }
  return out;
}

/** The study area ("wijk" polygon), slightly wider than the railway embankments, like the official outline. */
export function demoArea(): Feature<Polygon> {
  const ring: XY[] = [
    [-575, -260],
    [650, -260],
    [650, 445],
    [-395, 605],
    [-575, -260],
  ];
  return {
    type: 'Feature',
    properties: { naam: 'Arsenaal (Mechelen)', geoitem: 'DEMO-1202512' },
    geometry: { type: 'Polygon', coordinates: [ring.map(toLambert)] },
  };
}

/** Where the neighbourhood house (wijkhuis Arsenaal) and the playground 't Hofke are, local frame. */
export const WIJKHUIS: XY = [-350, 140];
/** The crime hotspot centre, local frame (around the Draaibankstraat–Zuigerstraat crossing). */
export const HOTSPOT: XY = [-140, 170];
export { antwerpU, leuvenV };

/** Inverse of toLambert. */
export function toLocal([x, y]: XY): XY {
  const c = Math.cos(THETA);
  const s = Math.sin(THETA);
  const dx = x - CENTRE[0];
  const dy = y - CENTRE[1];
  return [LOCAL_CENTRE[0] + dx * c + dy * s, LOCAL_CENTRE[1] - dx * s + dy * c];
}
