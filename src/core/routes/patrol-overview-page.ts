import type { PageLang } from '../page/page-strings.ts';
import { countText, kmText, patrolText } from './patrol-strings.ts';
import type { Page, PageItem } from '../page/page-model.ts';
import type { XY } from '../types.ts';
import type { PatrolPlan } from './patrol-planner.ts';
import { clockText } from './route-directions.ts';
import { circlePath } from './route-sheet.ts';
import { routeStreetLabels, streetsOfWalks } from './route-street-labels.ts';
import type { HotspotScores } from './segment-hotspot-scores.ts';
import { teamColour } from './team-colours.ts';
import type { WalkingGraph } from './walking-graph.ts';

const W = 297;
const H = 210;
const MAP = { x: 10, y: 18, w: 200, h: 182 };
const f = (v: number) => (Math.round(v * 100) / 100).toString();

/**
 * An A4 landscape overview of a patrol plan for the prevention consultant: the streets, the hot
 * street sections (dark red, wider = hotter), every team's route in its colour with numbered stops,
 * the names of the streets walked, the start, and a legend with each team's stops, distance and
 * return time.
 *
 * @param plan - from planPatrolRoutes (planar metres)
 * @param graph - the walking graph (streets drawn grey)
 * @param scores - hot-spot scores of the graph's edges
 * @param options - title, shift start (minutes after midnight), source line, language (default 'nl')
 * @returns one page (297 × 210 mm)
 */
export function patrolOverviewPage(plan: PatrolPlan, graph: WalkingGraph, scores: HotspotScores, options: { title?: string; startClock?: number; source?: string; lang?: PageLang } = {}): Page {
  const startClock = options.startClock ?? 18 * 60;
  const lang = options.lang ?? 'nl';
  const title = options.title ?? patrolText(lang, 'overviewTitle');
  const pts: XY[] = plan.routes.flatMap((r) => r.legs.flatMap((l) => l.pieces.flatMap((p) => p.coords)));
  pts.push(plan.startPoint);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = 0.1 * Math.max(x1 - x0, y1 - y0, 100);
  const mpm = Math.max((x1 - x0 + 2 * pad) / MAP.w, (y1 - y0 + 2 * pad) / MAP.h);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const to = (p: XY): XY => [MAP.x + MAP.w / 2 + (p[0] - cx) / mpm, MAP.y + MAP.h / 2 - (p[1] - cy) / mpm];
  const line = (c: readonly XY[]) => c.map((p, i) => `${i ? 'L' : 'M'} ${f(to(p)[0])} ${f(to(p)[1])}`).join(' ');
  const inView = (c: readonly XY[]) => c.some((p) => Math.abs(p[0] - cx) <= (MAP.w / 2) * mpm && Math.abs(p[1] - cy) <= (MAP.h / 2) * mpm);
  const map: PageItem[] = [{ kind: 'path', d: `M ${MAP.x} ${MAP.y} H ${MAP.x + MAP.w} V ${MAP.y + MAP.h} H ${MAP.x} Z`, fill: '#fafafa' }];
  const maxScore = Math.max(...scores.edgeScores, 1);
  for (const e of graph.edges) {
    if (!inView(e.coords)) continue;
    map.push({ kind: 'path', d: line(e.coords), stroke: '#bdbdbd', strokeWidth: 0.4, lineCap: 'round', lineJoin: 'round' });
  }
  for (const e of graph.edges) {
    const s = scores.edgeScores[e.id];
    if (s > 0 && inView(e.coords)) map.push({ kind: 'path', d: line(e.coords), stroke: '#a50f15', strokeOpacity: 0.35, strokeWidth: 1 + 4 * (s / maxScore), lineCap: 'round', lineJoin: 'round' });
  }
  // routes, slightly offset per team so that shared streets show every colour
  const offsets = plan.routes.map((_, t) => (t - (plan.routes.length - 1) / 2) * 0.7);
  plan.routes.forEach((r, t) => {
    const off = offsets[t];
    for (const leg of r.legs) {
      for (const p of leg.pieces) {
        if (p.coords.length < 2) continue;
        map.push({ kind: 'path', d: line(p.coords.map((q) => [q[0] + off * mpm, q[1] - off * mpm] as XY)), stroke: teamColour(r.team), strokeWidth: 0.8, lineCap: 'round', lineJoin: 'round' });
      }
    }
  });
  const markers: { team: number; number: number; at: XY }[] = [];
  for (const r of plan.routes) {
    for (const s of r.stops) {
      const [px, py] = to(s.point);
      const dx = ((r.team - 1) % 2) * 4 - 2;
      const dy = Math.floor((r.team - 1) / 2) * 4 - 2;
      markers.push({ team: r.team, number: s.number, at: [px + dx, py + dy] });
    }
  }
  const [sx, sy] = to(plan.startPoint);
  // the names of the streets walked (by any team), above the routes and under the markers
  const walks = plan.routes.map((r) => r.legs.flatMap((l) => l.pieces));
  // the lines as drawn (offset per team); the names keep clear of the outermost
  const lines = walks.flatMap((w, t) => w.filter((p) => p.coords.length > 1).map((p) => p.coords.map((q) => to([q[0] + offsets[t] * mpm, q[1] - offsets[t] * mpm]))));
  const obstacles = [...markers.map((m) => ({ at: m.at, r: 1.9 })), { at: [sx, sy] as XY, r: 3.6 }];
  map.push(...routeStreetLabels(streetsOfWalks(walks, to), { frame: MAP, obstacles, lines, size: 6, gap: 0.9 + Math.SQRT2 * Math.max(0, ...offsets.map(Math.abs)) }));
  for (const m of markers) {
    map.push({ kind: 'path', d: circlePath(m.at[0], m.at[1], 1.9), fill: teamColour(m.team), stroke: '#ffffff', strokeWidth: 0.3 });
    map.push({ kind: 'text', x: m.at[0], y: m.at[1], text: String(m.number), size: 5, weight: 'bold', anchor: 'middle', baseline: 'middle', fill: '#ffffff' });
  }
  map.push({ kind: 'path', d: `M ${f(sx - 2.5)} ${f(sy - 2.5)} H ${f(sx + 2.5)} V ${f(sy + 2.5)} H ${f(sx - 2.5)} Z`, fill: '#222222', stroke: '#ffffff', strokeWidth: 0.4 });
  map.push({ kind: 'text', x: sx, y: sy, text: 'S', size: 7, weight: 'bold', anchor: 'middle', baseline: 'middle', fill: '#ffffff' });

  const legend: PageItem[] = [{ kind: 'text', x: 218, y: 26, text: patrolText(lang, 'teams'), size: 11, weight: 'bold' }];
  plan.routes.forEach((r, i) => {
    const y = 36 + i * 14;
    legend.push({ kind: 'path', d: `M 218 ${y - 1.5} H 228`, stroke: teamColour(r.team), strokeWidth: 1.6 });
    legend.push({ kind: 'text', x: 231, y, text: countText(lang, 'teamStops', 'teamStopsPlural', r.stops.length, { team: r.team }), size: 9, weight: 'bold' });
    legend.push({ kind: 'text', x: 231, y: y + 5, text: patrolText(lang, 'teamLine', { km: kmText(lang, r.metres), clock: clockText(startClock + r.returnMinute) }), size: 8 });
  });
  const ly = 44 + plan.routes.length * 14;
  legend.push({ kind: 'path', d: `M 218 ${ly} H 228`, stroke: '#a50f15', strokeOpacity: 0.35, strokeWidth: 3 });
  legend.push({ kind: 'text', x: 231, y: ly + 1.2, text: patrolText(lang, 'hotLegend'), size: 8 });
  legend.push({ kind: 'text', x: 218, y: ly + 10, text: patrolText(lang, 'covered', { pct: Math.round((100 * plan.stopCovered) / Math.max(plan.totalScore, 1e-9)) }), size: 8 });
  return {
    width: W,
    height: H,
    title,
    lang,
    items: [
      { kind: 'text', x: 10, y: 12, text: title, size: 16, weight: 'bold' },
      { kind: 'group', role: 'map', clip: { x: MAP.x, y: MAP.y, width: MAP.w, height: MAP.h }, items: map },
      { kind: 'path', d: `M ${MAP.x} ${MAP.y} H ${MAP.x + MAP.w} V ${MAP.y + MAP.h} H ${MAP.x} Z`, stroke: '#555555', strokeWidth: 0.3 },
      { kind: 'group', role: 'legend', items: legend },
      { kind: 'text', x: 10, y: H - 4, size: 7, fill: '#666666', text: options.source ?? patrolText(lang, 'source') },
    ],
  };
}
