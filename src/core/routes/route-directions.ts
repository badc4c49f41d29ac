import type { PageLang } from '../page/page-strings.ts';
import type { XY } from '../types.ts';
import { distanceText, ordinalText, patrolText, streetText, turnText } from './patrol-strings.ts';
import type { PatrolRoute } from './patrol-planner.ts';
import type { WalkPiece } from './stop-network.ts';

/** The turn onto a street, for the arrow next to a walking line: left is the walker's left. */
export type Turn = 'straight' | 'slight-left' | 'slight-right' | 'left' | 'right' | 'around';

/** One line of a route description. */
export interface Direction {
  kind: 'depart' | 'walk' | 'stop' | 'return';
  text: string;
  /** Minutes after the shift start. */
  minute: number;
  /** Stop number for kind 'stop'. */
  stop?: number;
  /** For kind 'walk': hot sections on this street that the team walks past without stopping (see PatrolRoute.passes). */
  passes?: number;
  /** For kind 'walk': the turn onto the street ('straight' for the first street and for walking on). */
  turn?: Turn;
}

export interface DirectionOptions {
  /** Shift start as minutes after midnight. Default 18 × 60. */
  startClock?: number;
  /** Where the route starts and ends, e.g. "wijkhuis Arsenaal". Default "het vertrekpunt" ("the starting point"). */
  startLabel?: string;
  /** Language of the texts. Default 'nl'. */
  lang?: PageLang;
}

/** "18:05" for minutes after midnight (wrapping at 24 h). */
export function clockText(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const bearing = (a: XY, b: XY) => Math.atan2(b[1] - a[1], b[0] - a[0]);

/** Signed turn in degrees from the end of one polyline to the start of the next (left > 0). */
function turnAngle(from: readonly XY[], to: readonly XY[]): number {
  let i = from.length - 1;
  while (i > 0 && from[i - 1][0] === from[i][0] && from[i - 1][1] === from[i][1]) i--;
  let j = 1;
  while (j < to.length - 1 && to[j][0] === to[0][0] && to[j][1] === to[0][1]) j++;
  if (i === 0 || to.length < 2) return 0;
  let d = ((bearing(to[0], to[j]) - bearing(from[i - 1], from[i])) * 180) / Math.PI;
  while (d > 180) d -= 360;
  while (d < -180) d += 360;
  return d;
}

/** The kind of turn of a signed angle (left > 0): straight below 25°, slight below 60°, a turn below 150°, else around. */
function turnKind(angle: number): Turn {
  const a = Math.abs(angle);
  if (a < 25) return 'straight';
  if (a < 60) return angle > 0 ? 'slight-left' : 'slight-right';
  if (a < 150) return angle > 0 ? 'left' : 'right';
  return 'around';
}

/** A run of pieces on one street: length, first/last geometry and the edges walked. */
interface Run {
  name: string | null;
  metres: number;
  first: XY[];
  last: XY[];
  edges: number[];
}

/** Runs of pieces on the same street, with their length and first/last geometry. */
function runs(pieces: readonly WalkPiece[]): Run[] {
  const out: Run[] = [];
  for (const p of pieces) {
    if (p.coords.length < 2 || p.metres === 0) continue;
    const prev = out[out.length - 1];
    if (prev && prev.name === p.name && Math.abs(turnAngle(prev.last, p.coords)) < 150) {
      prev.metres += p.metres;
      prev.last = p.coords;
      prev.edges.push(p.edge);
    } else out.push({ name: p.name, metres: p.metres, first: p.coords, last: p.coords, edges: [p.edge] });
  }
  return out;
}

/**
 * Turn-by-turn directions in Dutch (or English) for one patrol route, for people who do not read maps easily:
 * the departure, each change of street with the turn (rechtdoor, links/rechts aanhouden,
 * links-/rechtsaf, omkeren) and distance, each stop with arrival, dwell and departure times, and the
 * expected return time. A street with a hot section the team walks past without stopping (a pass,
 * see walkWeight) says so: "Hot spot: rustig en zichtbaar doorlopen, niet stoppen."
 *
 * @param route - a route from planPatrolRoutes
 * @param options - shift start clock time, the start's label and the language
 * @returns the lines, in walking order
 * @example
 * routeDirections(plan.routes[0], { startClock: 18 * 60, startLabel: 'wijkhuis Arsenaal' })[0].text;
 * // "Vertrek om 18:00 aan wijkhuis Arsenaal."
 */
export function routeDirections(route: PatrolRoute, options: DirectionOptions = {}): Direction[] {
  const startClock = options.startClock ?? 18 * 60;
  const lang = options.lang ?? 'nl';
  const label = options.startLabel ?? patrolText(lang, 'startDefault');
  const out: Direction[] = [{ kind: 'depart', text: patrolText(lang, 'dirDepart', { clock: clockText(startClock), label }), minute: 0 }];
  let previous: XY[] | null = null;
  let previousName: string | null | undefined;
  // hot sections walked along without stopping (walkWeight), by the leg that walks through them
  const passesLeft = [...route.passes].sort((a, b) => a.minute - b.minute);
  route.legs.forEach((leg) => {
    const legRuns = runs(leg.pieces);
    const inLeg = passesLeft.filter((x) => x.minute >= leg.departMinute - 1e-6 && x.minute <= leg.arriveMinute + 1e-6);
    legRuns.forEach((r, k) => {
      const passing = inLeg.filter((x) => r.edges.includes(x.edge));
      for (const x of passing) {
        inLeg.splice(inLeg.indexOf(x), 1);
        passesLeft.splice(passesLeft.indexOf(x), 1);
      }
      const angle = previous === null ? 0 : turnAngle(previous, r.first);
      const kind = turnKind(angle);
      const street = streetText(lang, r.name);
      const sameStreet = previous !== null && previousName !== undefined && previousName === r.name && kind === 'straight';
      const where = k === legRuns.length - 1 && leg.toStop > 0 ? patrolText(lang, 'dirToStop', { n: leg.toStop }) : '';
      const phrase =
        previous === null
          ? patrolText(lang, 'dirFirst', { street })
          : sameStreet
            ? patrolText(lang, 'dirOn', { street })
            : kind === 'around'
              ? patrolText(lang, 'dirAround', { street })
              : patrolText(lang, 'dirTurn', { turn: turnText(lang, kind), street });
      const hot = passing.length > 0 ? patrolText(lang, 'dirHot') : '';
      out.push({ kind: 'walk', text: `${phrase}${where} (${distanceText(lang, r.metres)}).${hot}`, minute: leg.departMinute, turn: kind, ...(passing.length > 0 ? { passes: passing.length } : {}) });
      previous = r.last;
      previousName = r.name;
    });
    if (leg.toStop > 0) {
      const s = route.stops[leg.toStop - 1];
      out.push({
        kind: 'stop',
        stop: s.number,
        text: patrolText(lang, 'dirStop', {
          n: s.number,
          street: streetText(lang, s.street),
          again:
            s.visit > 1 && s.previous
              ? patrolText(lang, 'dirAgain', {
                  nth: ordinalText(lang, s.visit),
                  who: s.previous.team === route.team ? patrolText(lang, 'whoUs') : patrolText(lang, 'whoTeam', { team: s.previous.team }),
                  clock: clockText(startClock + s.previous.arriveMinute),
                })
              : s.visit > 1
                ? patrolText(lang, 'dirAgainPlain', { nth: ordinalText(lang, s.visit) })
                : '',
          arrive: clockText(startClock + s.arriveMinute),
          minutes: Math.round(s.leaveMinute - s.arriveMinute),
          leave: clockText(startClock + s.leaveMinute),
        }),
        minute: s.arriveMinute,
      });
    }
  });
  out.push({ kind: 'return', text: patrolText(lang, 'dirReturn', { label, clock: clockText(startClock + route.returnMinute) }), minute: route.returnMinute });
  return out;
}
