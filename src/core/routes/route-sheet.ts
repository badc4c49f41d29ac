import { MM_PER_PT, PAPER_MM, type Page, type PageItem } from '../page/page-model.ts';
import type { PageLang } from '../page/page-strings.ts';
import type { XY } from '../types.ts';
import type { PatrolRoute } from './patrol-planner.ts';
import { clockText, routeDirections, type Direction, type Turn } from './route-directions.ts';
import { countText, kmText, patrolText } from './patrol-strings.ts';
import { teamColour } from './team-colours.ts';
import { routeStreetLabels, streetsOfWalks, type LabelObstacle } from './route-street-labels.ts';

export interface RouteSheetOptions {
  /** Shift start, minutes after midnight. Default 18:00. */
  startClock?: number;
  /** Label of the start, e.g. "wijkhuis Arsenaal (Hamerstraat)". */
  startLabel?: string;
  /** Subtitle, e.g. "vrijdag, 18–22 u". */
  subtitle?: string;
  /** Street lines drawn grey under the route (planar metres). */
  context?: readonly XY[][];
  /** Source line at the foot of the page. Default: OpenStreetMap attribution. */
  source?: string;
  /** Language of the page. Default 'nl'. */
  lang?: PageLang;
}

const { width: W, height: H } = PAPER_MM.A4;
const MARGIN = 15;
const MAP = { x: MARGIN, y: 32, w: W - 2 * MARGIN, h: 150 };
const LINE_MM = 5;

const f = (v: number) => (Math.round(v * 100) / 100).toString();

/** A circle as four cubic Béziers (the page model has no arc command). */
export function circlePath(cx: number, cy: number, r: number): string {
  const k = 0.5523 * r;
  return `M ${f(cx + r)} ${f(cy)} C ${f(cx + r)} ${f(cy + k)} ${f(cx + k)} ${f(cy + r)} ${f(cx)} ${f(cy + r)} C ${f(cx - k)} ${f(cy + r)} ${f(cx - r)} ${f(cy + k)} ${f(cx - r)} ${f(cy)} C ${f(cx - r)} ${f(cy - k)} ${f(cx - k)} ${f(cy - r)} ${f(cx)} ${f(cy - r)} C ${f(cx + k)} ${f(cy - r)} ${f(cx + r)} ${f(cy - k)} ${f(cx + r)} ${f(cy)} Z`;
}

/** Splits text into lines of at most `max` characters at spaces. */
function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > max) {
      out.push(line);
      line = '   ' + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** Width of the symbol column left of the directions, mm. */
const ICON_MM = 6.5;

/**
 * Path data of a turn arrow in a 4 × 4 mm box centred on (cx, cy), walking "up": a stem from the
 * bottom and a head where the walker goes (left, right, half left/right, straight on, back).
 */
export function turnArrowPath(turn: Turn, cx: number, cy: number): string {
  const s = turn === 'left' || turn === 'slight-left' ? -1 : 1;
  const X = (dx: number) => f(cx + s * dx);
  const Y = (dy: number) => f(cy + dy);
  switch (turn) {
    case 'straight':
      return `M ${X(0)} ${Y(2)} V ${Y(-1.9)} M ${X(-1.2)} ${Y(-0.8)} L ${X(0)} ${Y(-2)} L ${X(1.2)} ${Y(-0.8)}`;
    case 'left':
    case 'right':
      return `M ${X(-1.4)} ${Y(2)} V ${Y(-0.6)} H ${X(1.9)} M ${X(0.8)} ${Y(-1.8)} L ${X(2)} ${Y(-0.6)} L ${X(0.8)} ${Y(0.6)}`;
    case 'slight-left':
    case 'slight-right':
      return `M ${X(-1)} ${Y(2)} V ${Y(0.4)} L ${X(1.5)} ${Y(-1.9)} M ${X(0)} ${Y(-2)} L ${X(1.6)} ${Y(-2)} L ${X(1.6)} ${Y(-0.4)}`;
    case 'around':
      return `M ${X(1.3)} ${Y(2)} V ${Y(-0.6)} C ${X(1.3)} ${Y(-2.4)} ${X(-1.3)} ${Y(-2.4)} ${X(-1.3)} ${Y(-0.6)} V ${Y(1.7)} M ${X(-2.4)} ${Y(0.6)} L ${X(-1.3)} ${Y(1.8)} L ${X(-0.2)} ${Y(0.6)}`;
  }
}

/** The symbol left of a direction: a turn arrow, the stop's marker with its number, or the start "S". */
function directionIcon(d: Direction, cx: number, cy: number, colour: string): PageItem[] {
  if (d.kind === 'walk') return [{ kind: 'path', d: turnArrowPath(d.turn ?? 'straight', cx, cy), stroke: '#222222', strokeWidth: 0.45, lineCap: 'round', lineJoin: 'round', id: `turn-${d.turn ?? 'straight'}` }];
  if (d.kind === 'stop') {
    const label = String(d.stop);
    const r = 2.1 + 0.6 * Math.max(0, label.length - 1);
    return [
      { kind: 'path', d: circlePath(cx, cy, r), fill: colour, id: `list-stop-${label}` },
      { kind: 'text', x: cx, y: cy, text: label, size: 7, weight: 'bold', anchor: 'middle', baseline: 'middle', fill: '#ffffff' },
    ];
  }
  return [
    { kind: 'path', d: `M ${f(cx - 2)} ${f(cy - 2)} H ${f(cx + 2)} V ${f(cy + 2)} H ${f(cx - 2)} Z`, fill: '#222222', id: `list-${d.kind}` },
    { kind: 'text', x: cx, y: cy, text: 'S', size: 7, weight: 'bold', anchor: 'middle', baseline: 'middle', fill: '#ffffff' },
  ];
}

/** A round scale-bar length (1, 2, 5 × 10^k metres) of about a fifth of the map width. */
function scaleBarMetres(metresPerMm: number): number {
  const target = (MAP.w / 5) * metresPerMm;
  const pow = 10 ** Math.floor(Math.log10(target));
  return [1, 2, 5, 10].map((m) => m * pow).filter((m) => m <= target).pop() ?? pow;
}

/**
 * A printable A4 route sheet (portrait) in Dutch (or English) for one team, as page-model pages: a title, a map
 * of the route (grey streets, the route in the team's colour, numbered stops — "1/5" for a place
 * visited twice —, open rings where the team walks past a hot section without stopping, the start
 * "S", the names of the streets walked beside the route, a scale bar and north arrow), then the
 * ordered directions with street names, turns, stop times and the expected return time; the list
 * continues on further pages when it is long.
 *
 * @param route - one team's route (planar metres)
 * @param options - clock, labels, context streets, source line, language
 * @returns one or more pages (210 × 297 mm)
 */
export function routeSheet(route: PatrolRoute, options: RouteSheetOptions = {}): Page[] {
  const colour = teamColour(route.team);
  const startClock = options.startClock ?? 18 * 60;
  const lang = options.lang ?? 'nl';
  const title = patrolText(lang, 'sheetTitle', { team: route.team });
  const path = route.legs.flatMap((l) => l.pieces.flatMap((p) => p.coords));
  const xs = path.map((p) => p[0]);
  const ys = path.map((p) => p[1]);
  const [x0, x1, y0, y1] = path.length ? [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)] : [0, 1, 0, 1];
  const pad = 0.08 * Math.max(x1 - x0, y1 - y0, 100);
  const metresPerMm = Math.max((x1 - x0 + 2 * pad) / MAP.w, (y1 - y0 + 2 * pad) / MAP.h);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const toPage = (p: XY): XY => [MAP.x + MAP.w / 2 + (p[0] - cx) / metresPerMm, MAP.y + MAP.h / 2 - (p[1] - cy) / metresPerMm];
  const line = (coords: readonly XY[]) => coords.map((p, i) => `${i ? 'L' : 'M'} ${f(toPage(p)[0])} ${f(toPage(p)[1])}`).join(' ');

  const mapItems: PageItem[] = [{ kind: 'path', d: `M ${MAP.x} ${MAP.y} H ${MAP.x + MAP.w} V ${MAP.y + MAP.h} H ${MAP.x} Z`, fill: '#ffffff' }];
  const inView = (c: readonly XY[]) => c.some((p) => Math.abs(p[0] - cx) <= (MAP.w / 2) * metresPerMm && Math.abs(p[1] - cy) <= (MAP.h / 2) * metresPerMm);
  for (const c of (options.context ?? []).filter(inView)) mapItems.push({ kind: 'path', d: line(c), stroke: '#c8c8c8', strokeWidth: 0.5, lineCap: 'round', lineJoin: 'round' });
  for (const leg of route.legs) {
    for (const p of leg.pieces) if (p.coords.length > 1) mapItems.push({ kind: 'path', d: line(p.coords), stroke: colour, strokeWidth: 1.1, strokeOpacity: 0.85, lineCap: 'round', lineJoin: 'round' });
  }
  // street names go above the route lines and under the markers (placed once everything is known)
  const labelsAt = mapItems.length;
  const symbols: LabelObstacle[] = [];
  const start = path[0];
  if (start) {
    const [sx, sy] = toPage(start);
    mapItems.push({ kind: 'path', d: `M ${f(sx - 3)} ${f(sy - 3)} H ${f(sx + 3)} V ${f(sy + 3)} H ${f(sx - 3)} Z`, fill: '#222222', stroke: '#ffffff', strokeWidth: 0.4 });
    mapItems.push({ kind: 'text', x: sx, y: sy, text: 'S', size: 9, weight: 'bold', anchor: 'middle', baseline: 'middle', fill: '#ffffff' });
    symbols.push({ at: [sx, sy], r: 4.3 });
  }
  // a place visited twice gets one marker with both numbers ("1/5")
  const places = new Map<string, { point: XY; numbers: number[] }>();
  for (const s of route.stops) {
    const key = `${s.point[0].toFixed(2)},${s.point[1].toFixed(2)}`;
    const place = places.get(key) ?? { point: s.point, numbers: [] };
    place.numbers.push(s.number);
    places.set(key, place);
  }
  const markers = [...places.values()].map(({ point, numbers }) => {
    const label = numbers.join('/');
    return { at: toPage(point), numbers, label, r: 3 + 1.1 * Math.max(0, label.length - 1) };
  });
  for (const { at, numbers, label, r } of markers) {
    mapItems.push({ kind: 'path', d: circlePath(at[0], at[1], r), fill: colour, stroke: '#ffffff', strokeWidth: 0.5, id: `stop-${numbers.join('-')}` });
    symbols.push({ at, r });
    mapItems.push({ kind: 'text', x: at[0], y: at[1], text: label, size: 8, weight: 'bold', anchor: 'middle', baseline: 'middle', fill: '#ffffff' });
  }
  // hot sections walked past without stopping: a small open ring in the team's colour; one that a
  // stop's marker would hide sits on the marker's edge like a badge: the first upper right, further
  // ones clockwise around it (lower right, lower left, upper left, then a ring further out)
  const badges = new Map<(typeof markers)[number], number>();
  const ids = new Map<string, number>();
  for (const x of route.passes) {
    let [px, py] = toPage(x.point);
    const under = markers.find((m) => Math.hypot(m.at[0] - px, m.at[1] - py) < m.r + 1.6);
    if (under) {
      const k = badges.get(under) ?? 0;
      badges.set(under, k + 1);
      const angle = -Math.PI / 4 + (k % 4) * (Math.PI / 2) + Math.floor(k / 4) * (Math.PI / 4);
      const d = under.r * 0.75 * Math.SQRT2 + 3.4 * Math.floor(k / 4);
      [px, py] = [under.at[0] + d * Math.cos(angle), under.at[1] + d * Math.sin(angle)];
    }
    // an edge passed twice gets a second ring with its own id
    const id = `pass-${x.edge}`;
    const seen = ids.get(id) ?? 0;
    ids.set(id, seen + 1);
    mapItems.push({ kind: 'path', d: circlePath(px, py, 1.6), fill: '#ffffff', stroke: colour, strokeWidth: 0.8, id: seen === 0 ? id : `${id}-${seen + 1}` });
    symbols.push({ at: [px, py], r: 2 });
  }
  const bar = scaleBarMetres(metresPerMm);
  const barMm = bar / metresPerMm;
  const by = MAP.y + MAP.h - 6;
  mapItems.push({ kind: 'path', d: `M ${MAP.x + 5} ${by} H ${f(MAP.x + 5 + barMm)}`, stroke: '#000000', strokeWidth: 0.8 });
  mapItems.push({ kind: 'text', x: MAP.x + 5, y: by - 1.5, text: bar >= 1000 ? `${bar / 1000} km` : `${bar} m`, size: 7, halo: 0.6 });
  const nx = MAP.x + MAP.w - 8;
  mapItems.push({ kind: 'path', d: `M ${nx} ${MAP.y + 5} L ${nx + 2.5} ${MAP.y + 12} L ${nx} ${MAP.y + 10.5} L ${nx - 2.5} ${MAP.y + 12} Z`, fill: '#000000' });
  mapItems.push({ kind: 'text', x: nx, y: MAP.y + 16, text: 'N', size: 7, weight: 'bold', anchor: 'middle', halo: 0.6 });
  // the north arrow and the scale bar with its text
  symbols.push({ at: [nx, MAP.y + 11], r: 6.5 });
  for (let x = MAP.x + 5; x <= MAP.x + 5 + Math.max(barMm, 10); x += 3) symbols.push({ at: [x, by - 2], r: 3 });
  // each street walked, named once beside the route
  const routeLines = route.legs.flatMap((l) => l.pieces.filter((p) => p.coords.length > 1).map((p) => p.coords.map(toPage)));
  const labels = routeStreetLabels(streetsOfWalks([route.legs.flatMap((l) => l.pieces)], toPage), { frame: MAP, obstacles: symbols, lines: routeLines });
  mapItems.splice(labelsAt, 0, ...labels);

  const header: PageItem[] = [
    { kind: 'text', x: MARGIN, y: 16, text: title, size: 18, weight: 'bold', fill: colour },
    {
      kind: 'text',
      x: MARGIN,
      y: 24,
      size: 10,
      text: [
        options.subtitle,
        patrolText(lang, 'depart', { clock: clockText(startClock) }),
        patrolText(lang, 'back', { clock: clockText(startClock + route.returnMinute) }),
        patrolText(lang, 'walkKm', { km: kmText(lang, route.metres) }),
        countText(lang, 'stops', 'stopsPlural', route.stops.length),
        route.passes.length > 0 ? countText(lang, 'passes', 'passesPlural', route.passes.length) : '',
      ]
        .filter(Boolean)
        .join(' · '),
    },
  ];
  // each direction's first line gets a symbol in the left column: the turn as an arrow, the stop as
  // its map marker, the start and return as the map's "S" (for readers who go by the pictures)
  const lines = routeDirections(route, { startClock, startLabel: options.startLabel, lang }).flatMap((d) =>
    wrap(d.text, Math.floor((W - 2 * MARGIN - 8 - ICON_MM) / (10 * MM_PER_PT * 0.5))).map((t, i) => ({ t, bold: d.kind !== 'walk' && i === 0, icon: i === 0 ? d : null })),
  );
  const pages: Page[] = [];
  let items: PageItem[] = [...header, { kind: 'group', role: 'map', clip: { x: MAP.x, y: MAP.y, width: MAP.w, height: MAP.h }, items: mapItems }, { kind: 'path', d: `M ${MAP.x} ${MAP.y} H ${MAP.x + MAP.w} V ${MAP.y + MAP.h} H ${MAP.x} Z`, stroke: '#555555', strokeWidth: 0.3 }];
  let y = MAP.y + MAP.h + 9;
  const foot = () => items.push({ kind: 'text', x: MARGIN, y: H - 8, size: 7, fill: '#666666', text: options.source ?? patrolText(lang, 'source') });
  for (const l of lines) {
    if (y > H - 16) {
      foot();
      pages.push({ width: W, height: H, items, title, lang });
      items = [{ kind: 'text', x: MARGIN, y: 16, text: patrolText(lang, 'sheetContinued', { team: route.team }), size: 14, weight: 'bold', fill: colour }];
      y = 26;
    }
    if (l.icon) items.push(...directionIcon(l.icon, MARGIN + 2.2, y - 1.3, colour));
    items.push({ kind: 'text', x: MARGIN + ICON_MM, y, text: l.t, size: 10, weight: l.bold ? 'bold' : 'normal' });
    y += LINE_MM;
  }
  foot();
  pages.push({ width: W, height: H, items, title, lang });
  return pages;
}
