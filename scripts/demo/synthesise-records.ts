/**
 * The demo's records, calibrated to the city's published 2020 figures for Arsenaal
 * (context: ../shared/context/arsenaal.md). Every total below is reproduced exactly by the built atlas.
 */
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { normalFrom, seededRandom, shuffled } from '../../src/core/random/seeded-random.ts';
import { HOTSPOT, WIJKHUIS, toLambert, toLocal, type XY } from './arsenaal-geography.ts';
import { area, inset, intersect, minus, pointInRing, pointsAlong, toMultiPolygon, toPaths, union, type Rings } from './polygon-tools.ts';

export const CALIBRATION = {
  dwellings: 1296,
  periods: { pre1900: 332, p1900_1945: 263, p1946_1970: 552, p1971_plus: 149 },
  renovatedSince1983: 491,
  households: 1171,
  renting: 350,
  owning: 798,
  tenureUnknown: 23,
  inhabitants: 3090,
  /** Inhabitants per age band: 27 %, 9 %, 39 %, 17 %, 9 % of 3,090 as the city publishes them (rounded shares). */
  ageBands: { '0_17': 834, '18_24': 270, '25_49': 1195, '50_64': 515, '65_plus': 276 },
  incidents: 686,
  incidentYear: 2020,
  surveyRespondents: 312,
} as const;

/** Incident categories as written in the (synthetic) police export, with counts for 2020. */
export const INCIDENT_CATEGORIES: Array<{ value: string; id: string; nl: string; en: string; n: number }> = [
  { value: 'Overlast', id: 'overlast', nl: 'Overlast', en: 'Nuisance', n: 150 },
  { value: 'Drugs', id: 'drugs', nl: 'Drugs', en: 'Drugs', n: 85 },
  { value: 'Diefstal fiets/bromfiets/motorfiets', id: 'diefstal_tweewieler', nl: 'Diefstal (brom)fiets/motor', en: 'Bicycle/moped/motorbike theft', n: 95 },
  { value: 'Slagen en verwondingen', id: 'slagen_verwondingen', nl: 'Slagen en verwondingen', en: 'Assault', n: 55 },
  { value: 'Vandalisme', id: 'vandalisme', nl: 'Vandalisme', en: 'Vandalism', n: 68 },
  { value: 'Sluikstort', id: 'sluikstort', nl: 'Sluikstort', en: 'Illegal dumping', n: 80 },
  { value: 'Verkeersoverlast (parkeren)', id: 'parkeeroverlast', nl: 'Parkeeroverlast', en: 'Parking nuisance', n: 56 },
  { value: 'Woninginbraak', id: 'woninginbraak', nl: 'Woninginbraak', en: 'Burglary', n: 40 },
  { value: 'Diefstal uit voertuig', id: 'diefstal_voertuig', nl: 'Diefstal uit voertuig', en: 'Theft from vehicle', n: 37 },
  { value: 'Andere', id: '', nl: 'Andere', en: 'Other', n: 20 },
];

export interface DemoBlock {
  id: string;
  geometry: Polygon | MultiPolygon;
  type: string;
  /** Local-frame centroid. */
  local: XY;
}

type Props = Record<string, string | number | null>;
const pt = (xy: XY, properties: Props): Feature<Point, Props> => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [r2(xy[0]), r2(xy[1])] } });
const r2 = (x: number) => Math.round(x * 100) / 100;

/** Residential blocks: normal blocks north of the steenweg and west of the Smisstraat. */
export function residentialBlocks(blocks: DemoBlock[]): DemoBlock[] {
  return blocks.filter((b) => b.type === 'block' && b.local[1] > 10 && b.local[0] < 425 && area(toPaths(b.geometry)) > 1500);
}

interface Building {
  id: string;
  xy: XY;
  local: XY;
  block: string;
  dwellings: number;
  year: number | null;
  renovated: number | null;
}

/** Buildings (address points on the facade line, 4 m inside the block edge) with dwellings, construction and renovation year. */
export function synthesiseBuildings(blocks: DemoBlock[], seed: number): Building[] {
  const rand = seededRandom(seed);
  const spots: Array<{ xy: XY; block: string }> = [];
  for (const b of residentialBlocks(blocks)) {
    for (const xy of pointsAlong(inset(toPaths(b.geometry), 4), 5.2, 2.6)) spots.push({ xy, block: b.id });
  }
  // 96% closed row houses (one dwelling each); the rest in a few small apartment buildings.
  const apartments = [6, 6, 7, 7, 6, 8, 6, 6];
  const apartmentDwellings = apartments.reduce((a, b) => a + b, 0);
  const rowHouses = CALIBRATION.dwellings - apartmentDwellings;
  const nBuildings = rowHouses + apartments.length;
  if (spots.length < nBuildings) throw new Error(`demo: only ${spots.length} facade spots for ${nBuildings} buildings`);
  // Evenly thin the spots to the number of buildings (deterministic).
  const chosen = Array.from({ length: nBuildings }, (_, i) => spots[Math.floor((i * spots.length) / nBuildings)]);
  const order = shuffled(chosen.map((_, i) => i), rand);
  const aptIdx = new Set(order.slice(0, apartments.length));
  let a = 0;
  const buildings: Building[] = chosen.map((s, i) => ({
    id: `G${String(i + 1).padStart(5, '0')}`,
    xy: s.xy,
    local: toLocal(s.xy),
    block: s.block,
    dwellings: aptIdx.has(i) ? apartments[a++] : 1,
    year: null,
    renovated: null,
  }));
  // Construction periods: older stock near the steenweg and the workshop (west/south), newer to the north-east.
  const ageScore = (b: Building) => b.local[1] * 0.9 + (b.local[0] + 500) * 0.35 + normalFrom(rand) * 90 + (b.dwellings > 1 ? 1e4 : 0);
  const scored = buildings.map((b) => ({ b, s: ageScore(b) })).sort((p, q) => p.s - q.s);
  const { pre1900, p1900_1945, p1946_1970 } = CALIBRATION.periods;
  let cum = 0;
  for (const { b } of scored) {
    const y =
      cum < pre1900
        ? 1880 + Math.floor(rand() * 20)
        : cum < pre1900 + p1900_1945
          ? 1900 + Math.floor(rand() * 46)
          : cum < pre1900 + p1900_1945 + p1946_1970
            ? 1946 + Math.floor(rand() * 25)
            : 1971 + Math.floor(rand() * 45);
    b.year = y;
    cum += b.dwellings;
  }
  // Period boundaries must fall between buildings: check the exact split.
  const sumWhere = (f: (y: number) => boolean) => buildings.filter((b) => f(b.year!)).reduce((s, b) => s + b.dwellings, 0);
  const got = [sumWhere((y) => y < 1900), sumWhere((y) => y >= 1900 && y <= 1945), sumWhere((y) => y >= 1946 && y <= 1970), sumWhere((y) => y >= 1971)];
  const want = [pre1900, p1900_1945, p1946_1970, CALIBRATION.periods.p1971_plus];
  if (got.join() !== want.join()) throw new Error(`demo: periods ${got} != ${want}`);
  // Renovated since 1983: 491 dwellings (row houses), plus some older renovations that do not count.
  const rowIdx = shuffled(buildings.filter((b) => b.dwellings === 1 && b.year! < 1983), rand);
  rowIdx.slice(0, CALIBRATION.renovatedSince1983).forEach((b) => (b.renovated = 1983 + Math.floor(rand() * 38)));
  rowIdx
    .slice(CALIBRATION.renovatedSince1983)
    .filter((b) => b.year! <= 1975)
    .slice(0, 120)
    .forEach((b) => (b.renovated = Math.min(1982, Math.max(b.year! + 5, 1960 + Math.floor(rand() * 23)))));
  return buildings;
}

export function buildingFeatures(buildings: Building[]): Feature<Point, Props>[] {
  return buildings.map((b) => pt(b.xy, { gebouw_id: b.id, woningen: b.dwellings, bouwjaar: b.year, renovatiejaar: b.renovated, typologie: b.dwellings > 1 ? 'appartement' : 'gesloten bebouwing' }));
}

export interface Household {
  id: string;
  xy: XY;
  local: XY;
  tenure: 'huur' | 'eigenaar' | '';
  persons: number;
  /** Members per age band, in the order of CALIBRATION.ageBands. */
  ages: number[];
  oldStock: boolean;
}

/** Households at dwellings: 1,171 of 1,296 dwellings occupied; tenure and sizes calibrated. */
export function synthesiseHouseholds(buildings: Building[], seed: number): Household[] {
  const rand = seededRandom(seed);
  const dwellings: Array<{ xy: XY; local: XY; old: boolean; apt: boolean }> = [];
  for (const b of buildings) {
    for (let i = 0; i < b.dwellings; i++) {
      // Flats of one building share the address point, a few decimetres apart (unit numbers).
      const xy: XY = [b.xy[0] + i * 0.3, b.xy[1]];
      dwellings.push({ xy, local: b.local, old: (b.year ?? 2000) < 1946, apt: b.dwellings > 1 });
    }
  }
  const occupied = shuffled(dwellings, rand).slice(0, CALIBRATION.households);
  // Renters more likely in flats and in the oldest stock (landlords buying cheap old houses).
  const rentScore = (d: (typeof occupied)[number]) => rand() + (d.apt ? 0.8 : 0) + (d.old ? 0.25 : 0);
  const ranked = occupied.map((d) => ({ d, s: rentScore(d) })).sort((p, q) => q.s - p.s);
  const tenure = new Map<(typeof occupied)[number], Household['tenure']>();
  ranked.forEach(({ d }, i) => tenure.set(d, i < CALIBRATION.renting ? 'huur' : 'eigenaar'));
  shuffled(occupied, rand).slice(0, CALIBRATION.tenureUnknown).forEach((d) => {
    // Unknown tenure taken equally from both groups so the renters' share stays calibrated.
    tenure.set(d, '');
  });
  // Re-balance: exactly `renting` renters and `owning` owners among the known.
  const known = occupied.filter((d) => tenure.get(d) !== '');
  let renters = known.filter((d) => tenure.get(d) === 'huur').length;
  for (const d of known) {
    if (renters > CALIBRATION.renting && tenure.get(d) === 'huur') {
      tenure.set(d, 'eigenaar');
      renters--;
    }
  }
  for (const d of known) {
    if (renters < CALIBRATION.renting && tenure.get(d) === 'eigenaar') {
      tenure.set(d, 'huur');
      renters++;
    }
  }
  // Household sizes 1..8, mean 2.64, summing to exactly 3,090 inhabitants.
  const sizes = occupied.map(() => Math.max(1, Math.min(8, Math.round(2.64 + normalFrom(rand) * 1.45))));
  let total = sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; total !== CALIBRATION.inhabitants; i = (i + 1) % sizes.length) {
    if (total > CALIBRATION.inhabitants && sizes[i] > 1) {
      sizes[i]--;
      total--;
    } else if (total < CALIBRATION.inhabitants && sizes[i] < 8 && rand() < 0.5) {
      sizes[i]++;
      total++;
    }
  }
  const ages = ageMembers(sizes, rand);
  return occupied.map((d, i) => ({ id: `A${String(i + 1).padStart(5, '0')}`, xy: d.xy, local: d.local, tenure: tenure.get(d)!, persons: sizes[i], ages: ages[i], oldStock: d.old }));
}

/**
 * Spreads the calibrated age-band totals over the households: every household has an adult (18+)
 * as its first member; the other members are drawn from what is left, so the totals are exact.
 */
function ageMembers(sizes: number[], rand: () => number): number[][] {
  const left = Object.values(CALIBRATION.ageBands) as number[];
  const draw = (bands: number[]) => {
    const total = bands.reduce((s, b) => s + left[b], 0);
    let r = rand() * total;
    for (const b of bands) {
      if (r < left[b]) return b;
      r -= left[b];
    }
    return bands.find((b) => left[b] > 0)!;
  };
  const out = sizes.map(() => [0, 0, 0, 0, 0]);
  sizes.forEach((_, i) => {
    const b = draw([1, 2, 3, 4]);
    left[b]--;
    out[i][b]++;
  });
  sizes.forEach((n, i) => {
    for (let m = 1; m < n; m++) {
      const b = draw([0, 1, 2, 3, 4]);
      left[b]--;
      out[i][b]++;
    }
  });
  if (left.some((x) => x !== 0)) throw new Error(`demo: age bands left over ${left}`);
  return out;
}

const fmtNum = (x: number) => x.toFixed(2).replace('.', ',');

/** Households as a Belgian-Excel CSV (semicolons, decimal commas, Lambert 72 metres). */
export function householdsCsv(households: Household[]): string {
  const lines = ['adres_id;x_lambert72;y_lambert72;eigendomsstatuut;aantal_personen;leeftijd_0_17;leeftijd_18_24;leeftijd_25_49;leeftijd_50_64;leeftijd_65_plus'];
  for (const h of households) lines.push([h.id, fmtNum(h.xy[0]), fmtNum(h.xy[1]), h.tenure, h.persons, ...h.ages].join(';'));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** Incidents of 2020 as a police-style CSV: Dutch dates, categories, Lambert 72 with decimal commas. */
export function incidentsCsv(households: Household[], streetsLocal: Array<[XY, XY]>, seed: number): { csv: string; valid: number; extra: number } {
  const rand = seededRandom(seed);
  const rows: string[] = ['feitnummer;datum;uur;categorie;x;y;straatnaam'];
  const cats = INCIDENT_CATEGORIES.flatMap((c) => Array.from({ length: c.n }, () => c.value));
  const order = shuffled(cats, rand);
  const nearHotspot = households.filter((h) => Math.hypot(h.local[0] - HOTSPOT[0], h.local[1] - HOTSPOT[1]) < 140);
  const start = Date.UTC(2020, 0, 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  let id = 20200001;
  const emit = (xy: XY, when: Date, cat: string, street: string) => {
    const date = `${pad(when.getUTCDate())}/${pad(when.getUTCMonth() + 1)}/${when.getUTCFullYear()}`;
    const time = `${pad(when.getUTCHours())}:${pad(when.getUTCMinutes())}`;
    rows.push([`PV${id++}`, date, time, cat, fmtNum(xy[0]), fmtNum(xy[1]), street].join(';'));
  };
  order.forEach((cat, i) => {
    // Where: 40% at the hotspot (addresses near the Draaibankstraat), 35% at other addresses, 25% on the street itself.
    const r = rand();
    let xy: XY;
    let street = '';
    if (r < 0.4) xy = nearHotspot[Math.floor(rand() * nearHotspot.length)].xy;
    else if (r < 0.75) xy = households[Math.floor(rand() * households.length)].xy;
    else {
      const [a, b] = streetsLocal[Math.floor(rand() * streetsLocal.length)];
      const t = 0.1 + rand() * 0.8;
      xy = toLambert([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
      street = 'openbare weg';
    }
    // When: evenings and weekends weigh more.
    const day = Math.floor(rand() * 366);
    const hour = rand() < 0.55 ? 17 + Math.floor(rand() * 7) : Math.floor(rand() * 24);
    const when = new Date(start + day * 86400000 + hour * 3600000 + Math.floor(rand() * 60) * 60000);
    void i;
    emit(xy, when, cat, street);
  });
  // Records the build must reject and report (never silently lost): outside the period, outside the area.
  emit(toLambert(HOTSPOT), new Date(Date.UTC(2019, 11, 31, 22, 10)), 'Overlast', 'buiten periode');
  emit(toLambert([HOTSPOT[0] + 20, HOTSPOT[1]]), new Date(Date.UTC(2021, 0, 1, 0, 30)), 'Vandalisme', 'buiten periode');
  emit(toLambert([-700, 300]), new Date(Date.UTC(2020, 5, 2, 15, 0)), 'Drugs', 'buiten de wijk');
  emit(toLambert([300, 900]), new Date(Date.UTC(2020, 8, 14, 21, 45)), 'Sluikstort', 'buiten de wijk');
  return { csv: '\ufeff' + rows.join('\r\n') + '\r\n', valid: order.length, extra: 4 };
}

/** Land cover: buildings along the facade band, paved yards, green gardens; street space paved; 't Hofke green. */
export function synthesiseLandCover(blocks: DemoBlock[], areaGeom: Polygon, seed: number): Feature<MultiPolygon, Props>[] {
  const rand = seededRandom(seed);
  const out: Feature<MultiPolygon, Props>[] = [];
  let n = 1;
  const push = (rings: Rings, klasse: string) => {
    const g = toMultiPolygon(rings);
    if (g && area(rings) > 0.5) out.push({ type: 'Feature', properties: { bbk_id: `BBK${String(n++).padStart(4, '0')}`, klasse }, geometry: g });
  };
  const hofke = toPaths({ type: 'Polygon', coordinates: [[[-345, 150], [-315, 150], [-315, 178], [-345, 178], [-345, 150]].map((p) => toLambert(p as XY))] });
  let allBlocks: Rings = [];
  for (const b of blocks) {
    const p = toPaths(b.geometry);
    allBlocks = union(allBlocks, p);
    const isWorkshop = b.local[1] < 0;
    if (b.type === 'rail-land') {
      // Tracks, ballast and service areas: sealed or compacted ground.
      push(p, 'verhard');
      continue;
    }
    if (isWorkshop) {
      const halls = inset(p, 40);
      push(halls, 'gebouw');
      push(minus(p, halls), 'verhard');
      continue;
    }
    const front = minus(p, inset(p, 9));
    const yard = minus(inset(p, 9), inset(p, 15));
    const core = inset(p, 15);
    const green = rand() < 0.3 ? core : [];
    const hofkeHere = intersect(p, hofke);
    push(minus(front, hofkeHere), 'gebouw');
    push(minus(union(yard, green.length ? [] : core), hofkeHere), 'verhard');
    if (green.length) push(minus(green, hofkeHere), 'groen');
    if (area(hofkeHere) > 1) push(hofkeHere, 'groen');
  }
  // Street space inside the area: paved.
  push(minus(toPaths(areaGeom), allBlocks), 'verhard');
  return out;
}

/** Survey answers (house visits, spring 2022) at a sample of households. Personal data: stays in data/, never in layers/. */
export function synthesiseSurvey(households: Household[], seed: number): Feature<Point, Props>[] {
  const rand = seededRandom(seed);
  const sample = shuffled(households, rand).slice(0, CALIBRATION.surveyRespondents);
  const likert = (mean: number) => Math.max(1, Math.min(5, Math.round(mean + normalFrom(rand) * 0.9)));
  const maybe = <T>(v: T): T | null => (rand() < 0.06 ? null : v);
  return sample.map((h, i) => {
    const dHot = Math.hypot(h.local[0] - HOTSPOT[0], h.local[1] - HOTSPOT[1]);
    const dPark = Math.hypot(h.local[0] - WIJKHUIS[0], h.local[1] - WIJKHUIS[1]);
    const day = 60 + Math.floor(rand() * 120);
    const d = new Date(Date.UTC(2022, 0, 1) + day * 86400000);
    return pt(h.xy, {
      respondent: `R${String(i + 1).padStart(4, '0')}`,
      bezoekdatum: d.toISOString().slice(0, 10),
      veilig: maybe(likert(2.2 + Math.min(dHot, 400) / 220)),
      woonkwaliteit: maybe(likert(h.oldStock ? 2.6 : 3.4)),
      genoeg_groen: maybe(rand() < (dPark < 120 ? 0.35 : 0.12) ? 'ja' : 'nee'),
      contact_buren: maybe(rand() < 0.58 ? 'ja' : 'nee'),
      wil_renoveren: maybe(rand() < (h.oldStock ? 0.55 : 0.3) ? 'ja' : 'nee'),
    });
  });
}

export { pointInRing };
