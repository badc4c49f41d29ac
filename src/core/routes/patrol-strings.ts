import type { PageLang } from '../page/page-strings.ts';
import { WEEKDAY_NL } from './parse-shift-window.ts';
import type { Turn } from './route-directions.ts';

/** Every text of the route sheets, the directions and the overview page, in Dutch and English. */
const CATALOGUE = {
  nl: {
    sheetTitle: 'Patrouilleroute team {team}',
    sheetContinued: 'Patrouilleroute team {team} (vervolg)',
    depart: 'vertrek {clock}',
    back: 'terug {clock}',
    walkKm: '{km} km wandelen',
    stops: '{n} stop',
    stopsPlural: '{n} stops',
    passes: '{n} hot spot onderweg (○)',
    passesPlural: '{n} hot spots onderweg (○)',
    source: 'Kaart: © OpenStreetMap-bijdragers (ODbL). Routes: Wijkatlas patrouilleplanner.',
    startDefault: 'het vertrekpunt',
    unnamed: 'de naamloze weg',
    dirDepart: 'Vertrek om {clock} aan {label}.',
    dirFirst: 'Loop via {street}',
    dirOn: 'Loop verder door {street}',
    dirAround: 'Keer om en loop terug door {street}',
    dirTurn: '{turn} {street} in',
    dirToStop: ' tot stop {n}',
    dirHot: ' Hot spot: rustig en zichtbaar doorlopen, niet stoppen.',
    dirStop: 'Stop {n}: {street}{again} — aankomst {arrive}, {minutes} min blijven, vertrek {leave}.',
    dirAgain: ' ({nth} bezoek; {who} was er om {clock})',
    dirAgainPlain: ' ({nth} bezoek)',
    whoTeam: 'team {team}',
    whoUs: 'jullie team',
    dirReturn: 'Terug aan {label} om {clock}.',
    overviewTitle: 'Patrouilleroutes',
    teams: 'Teams',
    teamStops: 'Team {team}: {n} stop',
    teamStopsPlural: 'Team {team}: {n} stops',
    teamLine: '{km} km, terug {clock}',
    hotLegend: 'hot spot (breder = meer incidenten)',
    covered: 'Stops dekken {pct} % van de hot-spot-score.',
  },
  en: {
    sheetTitle: 'Patrol route team {team}',
    sheetContinued: 'Patrol route team {team} (continued)',
    depart: 'leave {clock}',
    back: 'back {clock}',
    walkKm: '{km} km walking',
    stops: '{n} stop',
    stopsPlural: '{n} stops',
    passes: '{n} hot spot on the way (○)',
    passesPlural: '{n} hot spots on the way (○)',
    source: 'Map: © OpenStreetMap contributors (ODbL). Routes: Wijkatlas patrol planner.',
    startDefault: 'the starting point',
    unnamed: 'the unnamed road',
    dirDepart: 'Leave {label} at {clock}.',
    dirFirst: 'Walk along {street}',
    dirOn: 'Walk on along {street}',
    dirAround: 'Turn around and walk back along {street}',
    dirTurn: '{turn} onto {street}',
    dirToStop: ' to stop {n}',
    dirHot: ' Hot spot: walk through calmly and visibly, do not stop.',
    dirStop: 'Stop {n}: {street}{again} — arrive {arrive}, stay {minutes} min, leave {leave}.',
    dirAgain: ' ({nth} visit; {who} was here at {clock})',
    dirAgainPlain: ' ({nth} visit)',
    whoTeam: 'team {team}',
    whoUs: 'your team',
    dirReturn: 'Back at {label} at {clock}.',
    overviewTitle: 'Patrol routes',
    teams: 'Teams',
    teamStops: 'Team {team}: {n} stop',
    teamStopsPlural: 'Team {team}: {n} stops',
    teamLine: '{km} km, back {clock}',
    hotLegend: 'hot spot (wider = more incidents)',
    covered: 'Stops cover {pct} % of the hot-spot score.',
  },
} as const;

export type PatrolMessage = keyof (typeof CATALOGUE)['nl'];

const ORDINALS: Record<PageLang, readonly string[]> = {
  nl: ['eerste', 'tweede', 'derde', 'vierde', 'vijfde'],
  en: ['first', 'second', 'third', 'fourth', 'fifth'],
};

/** "tweede" / "second" for 2; "6e" / "6th" beyond the table. */
export function ordinalText(lang: PageLang, n: number): string {
  return ORDINALS[lang][n - 1] ?? (lang === 'nl' ? `${n}e` : `${n}th`);
}

/** The instruction for each kind of turn onto a street. */
const TURNS: Record<PageLang, Record<Turn, string>> = {
  nl: { straight: 'Loop rechtdoor', 'slight-left': 'Houd links aan', 'slight-right': 'Houd rechts aan', left: 'Sla linksaf', right: 'Sla rechtsaf', around: 'Keer om' },
  en: { straight: 'Walk straight on', 'slight-left': 'Bear left', 'slight-right': 'Bear right', left: 'Turn left', right: 'Turn right', around: 'Turn around' },
};

/**
 * A text of the patrol pages in `lang`, with {placeholders} filled in.
 *
 * @example
 * patrolText('en', 'dirStop', { n: 2, street: 'Hamerstraat', again: '', arrive: '18:10', minutes: 12, leave: '18:22' });
 */
export function patrolText(lang: PageLang, key: PatrolMessage, vars: Record<string, string | number> = {}): string {
  return CATALOGUE[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The instruction for a turn onto a street in `lang` ("Sla linksaf", "Turn left"). */
export function turnText(lang: PageLang, turn: Turn): string {
  return TURNS[lang][turn];
}

/** A count with the singular or plural message ("1 stop", "3 stops"). */
export function countText(lang: PageLang, one: PatrolMessage, many: PatrolMessage, n: number, vars: Record<string, string | number> = {}): string {
  return patrolText(lang, n === 1 ? one : many, { ...vars, n });
}

/** A street as the directions name it: "de Hamerstraat" in Dutch (names with their own article as they are), "Hamerstraat" in English. */
export function streetText(lang: PageLang, name: string | null): string {
  if (!name) return patrolText(lang, 'unnamed');
  if (lang === 'en') return name;
  return /^(de|het|den|ter|'t) /i.test(name) ? name : `de ${name}`;
}

/** A distance as the directions give it: tens of metres, or km with one decimal (decimal comma in Dutch). */
export function distanceText(lang: PageLang, metres: number): string {
  return metres < 1000 ? `${Math.max(10, Math.round(metres / 10) * 10)} m` : `${kmText(lang, metres)} km`;
}

/** Kilometres with one decimal (decimal comma in Dutch), without the unit. */
export function kmText(lang: PageLang, metres: number): string {
  const km = (metres / 1000).toFixed(1);
  return lang === 'nl' ? km.replace('.', ',') : km;
}

const WEEKDAYS: Record<PageLang, readonly string[]> = {
  nl: WEEKDAY_NL,
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** Weekday names in `lang`, index 0 = Sunday. */
export function weekdayNames(lang: PageLang): readonly string[] {
  return WEEKDAYS[lang];
}

/**
 * The shift as a subtitle: "vrijdag, zaterdag, 18–22 u" / "Friday, Saturday, 18–22 h".
 *
 * @param weekdays - day indices, 0 = Sunday (as Date.getDay), or null for every day
 * @param hours - the hour band, or null for all hours
 * @returns the subtitle, or undefined when there is no filter
 */
export function shiftSubtitle(lang: PageLang, weekdays: readonly number[] | null, hours: { from: number; to: number } | null): string | undefined {
  const parts = [weekdays && weekdays.length > 0 ? weekdays.map((d) => WEEKDAYS[lang][d]).join(', ') : null, hours ? `${hours.from}–${hours.to} ${lang === 'nl' ? 'u' : 'h'}` : null];
  return parts.filter(Boolean).join(', ') || undefined;
}
