/**
 * `wijkatlas patrol`: patrol routes for teams of street supervisors over the street network, to the
 * hot spots of the incidents, written as GeoJSON, one GPX per team and a printable A4 route sheet
 * per team (PDF and SVG), with a report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Feature, LineString, MultiLineString, Point } from 'geojson';
import type { XY } from '../src/core/types.ts';
import { UserError } from '../src/core/user-error.ts';
import { buildWalkingGraph } from '../src/core/routes/walking-graph.ts';
import { segmentHotspotScores, type IncidentPoint } from '../src/core/routes/segment-hotspot-scores.ts';
import { locateStreet } from '../src/core/routes/locate-street.ts';
import { planPatrolRoutes } from '../src/core/routes/patrol-planner.ts';
import { patrolFeatures } from '../src/core/routes/patrol-features.ts';
import { routeSheet } from '../src/core/routes/route-sheet.ts';
import { patrolOverviewPage } from '../src/core/routes/patrol-overview-page.ts';
import { clockText } from '../src/core/routes/route-directions.ts';
import { parseWeekdays, parseHours } from '../src/core/routes/parse-shift-window.ts';
import { patrolText, shiftSubtitle, streetText } from '../src/core/routes/patrol-strings.ts';
import { reprojectFeatures } from '../src/io/reproject.ts';
import { stringifyFeatureCollection } from '../src/io/write-geojson.ts';
import { parseDateTime } from '../src/io/parse-date-time.ts';
import { writeGpx } from '../src/io/write-gpx.ts';
import { writePageSvg } from '../src/io/page/write-page-svg.ts';
import { writePagePng } from '../src/io/page/write-page-png.ts';
import { writePagePdf } from '../src/io/page/write-page-pdf.ts';
import { loadSource, withCrsFlag, type LoadedSource } from './lib/load-source.ts';

export const PATROL_HELP = `Usage: wijkatlas patrol --streets F --incidents F (--start "lon,lat" | --start-street NAME) --teams K --shift-minutes T --out DIR [options]

Plans walking routes for K teams of street supervisors: from the start, along the streets, to stops
at the hottest street sections (incident counts, or a weight such as Gi* per incident), and back
within the shift. Rules and defaults: docs/routes.md.

  --streets F          street centre lines (GeoJSON/Shapefile; 'name' and OSM 'highway' are used)
  --incidents F        incident points (GeoJSON, or CSV with --x/--y columns)
  --start "lon,lat"    start and end point in WGS84 (e.g. the neighbourhood house)
  --start-street NAME  or: start on this street (nearest the incidents when the name occurs twice)
  --teams K            number of teams (≥ 1)
  --shift-minutes T    shift length in minutes; every team is back within it
  --dwell-minutes M    minutes at each stop (default 12; the "Koper curve" advises 10–15)
  --speed-kmh V        walking speed (default 4.5)
  --weekday D[,D]      keep incidents on these days: ma di wo do vr za zo (or mon…sun)
  --hours H-H          keep incidents in these hours, e.g. 18-22 (22-2 wraps past midnight; with --weekday vr
                       it is Friday 22 h to Saturday 2 h)
  --start-time HH:MM   clock time of the shift start (default: the start of --hours, else 18:00)
  --time-field F       incident date-time column (default: datetime, date_time, when, timestamp)
  --date-field F       or: a date column … (e.g. datum)
  --hour-field F       … and a time column (e.g. uur)
  --weight-field F     incident weight column (e.g. gi_star, density); default: each incident counts 1
  --x F, --y F         coordinate columns of a CSV
  --crs CRS            CRS of the inputs when the files do not say (default: EPSG:4326)
  --streets-crs CRS    CRS of the streets file alone (e.g. EPSG:4326 for an OSM extract), over --crs
  --incidents-crs CRS  CRS of the incidents file alone (e.g. EPSG:31370 for a police CSV), over --crs
                       Records that cannot be read (impossible coordinates, no geometry, …) are left
                       out, counted on stderr and listed in report.json (rejected); when none is left,
                       or more than half have impossible coordinates (a wrong CRS), the command stops
                       with the first reason
  --yesterday F        yesterday's routes.geojson: its stops lose half their score today
  --max-stops N        candidate stops: the N hottest street sections (default 40)
  --revisit-minutes M  minimum time between two visits of one stop (default 45)
  --walk-weight W      arc scores: walking along a candidate section without stopping counts W (0–1) of
                       its score, once per shift (default 0: only stops count; 0.1 trades a little stop
                       coverage for much more walked coverage, see docs/routes.md)
  --lang L             language of the route sheets, the overview and the GPX names: nl (default) or en
  --seed S             seed of the search (default 1); another seed gives other, comparably good routes
  --time-limit S       seconds the search may take at most (default 20)
  --iterations N       search rounds (default 1500; deterministic for a seed unless --time-limit binds)
  --out DIR            output folder: routes.geojson, team-N.gpx, team-N.pdf (A4 route sheet),
                       team-N.svg (its first page), overview.svg/.png, report.json
  --quiet              no progress output
  -h, --help           show this help`;

const DEFAULT_TIME_FIELDS = ['datetime', 'date_time', 'when', 'timestamp', 'tijdstip', 'time'];

function parseLonLat(text: string): XY {
  const v = text.split(/[,;\s]+/).filter(Boolean).map(Number);
  if (v.length !== 2 || v.some((x) => !Number.isFinite(x)) || Math.abs(v[0]) > 180 || Math.abs(v[1]) > 90) {
    throw new UserError(`--start: expected "lon,lat" in WGS84 degrees, e.g. "4.4937,51.0206", found "${text}".`);
  }
  return [v[0], v[1]];
}

function positiveNumber(flag: string, text: string | undefined, fallback: number, integer = false): number {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (!Number.isFinite(v) || (integer && !Number.isInteger(v))) throw new UserError(`--${flag}: expected ${integer ? 'a whole number' : 'a number'}, found "${text}".`);
  return v;
}

export async function patrolCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      streets: { type: 'string' }, incidents: { type: 'string' }, start: { type: 'string' }, 'start-street': { type: 'string' },
      teams: { type: 'string' }, 'shift-minutes': { type: 'string' }, 'dwell-minutes': { type: 'string' }, 'speed-kmh': { type: 'string' },
      weekday: { type: 'string' }, hours: { type: 'string' }, 'start-time': { type: 'string' }, 'time-field': { type: 'string' },
      'date-field': { type: 'string' }, 'hour-field': { type: 'string' }, 'weight-field': { type: 'string' }, x: { type: 'string' }, y: { type: 'string' },
      crs: { type: 'string' }, 'streets-crs': { type: 'string' }, 'incidents-crs': { type: 'string' }, yesterday: { type: 'string' }, 'max-stops': { type: 'string' }, 'revisit-minutes': { type: 'string' }, 'walk-weight': { type: 'string' },
      lang: { type: 'string' }, seed: { type: 'string' }, 'time-limit': { type: 'string' }, iterations: { type: 'string' }, out: { type: 'string' },
      quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return (console.log(PATROL_HELP), 0);
  for (const flag of ['streets', 'incidents', 'teams', 'shift-minutes', 'out'] as const) {
    if (!values[flag]) throw new UserError(`missing --${flag}: expected ${flag === 'out' ? 'an output folder' : flag === 'teams' || flag === 'shift-minutes' ? 'a number' : 'a file path'}.`, "run 'wijkatlas patrol --help'");
  }
  if (!values.start === !values['start-street']) throw new UserError('expected exactly one of --start "lon,lat" and --start-street NAME.', "run 'wijkatlas patrol --help'");
  const teams = positiveNumber('teams', values.teams, 0, true);
  if (teams < 1) throw new UserError(`--teams: expected at least 1 team, found ${teams}. Give --teams 1 or more.`);
  const shiftMinutes = positiveNumber('shift-minutes', values['shift-minutes'], 0);
  if (shiftMinutes <= 0) throw new UserError(`--shift-minutes: expected a shift longer than 0 minutes, found ${shiftMinutes}.`);
  const lang = values.lang ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') throw new UserError(`--lang: expected nl or en, found "${values.lang}".`);
  const weekdays = values.weekday ? parseWeekdays(values.weekday) : undefined;
  const hours = values.hours ? parseHours(values.hours) : undefined;
  const startClock = values['start-time'] ? parseClock(values['start-time']) : hours ? hours.from * 60 : 18 * 60;
  const log = values.quiet ? () => {} : (l: string) => console.error(l);
  const t0 = performance.now();
  const workingCrs = 'EPSG:31370';
  const opts = { baseDir: process.cwd(), workingCrs, onInvalid: 'reject' as const, keepAll: true };

  const streets = await loadSource('streets', { path: values.streets!, crs: values['streets-crs'] ?? values.crs }, opts);
  accountRejects(streets, 'street', '--streets-crs', log);
  const lines = streets.features.filter((f) => f.geometry && /LineString$/.test(f.geometry.type)) as Feature<LineString | MultiLineString>[];
  const graph = buildWalkingGraph(lines);
  const gr = graph.report;
  log(`patrol: walking network of ${gr.edges} street sections, ${(gr.metres / 1000).toFixed(1)} km (snapped ${gr.snappedEnds} line ends within ${gr.snapTolerance} m; removed ${gr.fragmentsRemoved} disconnected fragment(s), ${(gr.fragmentMetresRemoved / 1000).toFixed(2)} km; left out ${Object.entries(gr.skipped).map(([k, v]) => `${v} ${k}`).join(', ') || 'nothing'})`);

  const incidentSource = await loadSource('incidents', { path: values.incidents!, crs: values['incidents-crs'] ?? values.crs, x: values.x, y: values.y }, opts);
  accountRejects(incidentSource, 'incident', '--incidents-crs', log);
  const points = incidentSource.features.filter((f) => f.geometry?.type === 'Point') as Feature<Point>[];
  const columns = new Set(points.flatMap((f) => Object.keys(f.properties ?? {})));
  const timeField = values['time-field'] ?? DEFAULT_TIME_FIELDS.find((c) => columns.has(c));
  for (const [flag, field] of [['time-field', values['time-field']], ['date-field', values['date-field']], ['hour-field', values['hour-field']], ['weight-field', values['weight-field']]] as const) {
    if (field && points.length && !columns.has(field)) throw new UserError(`${incidentSource.file}: --${flag} "${field}" is not a column; columns found: ${[...columns].slice(0, 15).join(', ')}.`);
  }
  if ((weekdays || hours) && !timeField && !values['date-field']) {
    throw new UserError(`${incidentSource.file}: --weekday/--hours need incident times, but no time column was found (looked for ${DEFAULT_TIME_FIELDS.join(', ')}); give --time-field F, or --date-field F --hour-field F.`);
  }
  const incidents: IncidentPoint[] = points.map((f) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
    const when = values['date-field'] ? parseDateTime(`${text(p[values['date-field']])} ${text(values['hour-field'] ? p[values['hour-field']] : '')}`.trim()) : timeField ? parseDateTime(text(p[timeField])) : null;
    const weight = values['weight-field'] ? Number(String(p[values['weight-field']] ?? '').replace(',', '.')) : 1;
    return { x: f.geometry.coordinates[0], y: f.geometry.coordinates[1], when, weight };
  });
  const scores = segmentHotspotScores(graph, incidents, { weekdays, hours });
  log(`patrol: ${scores.used} of ${incidents.length} incidents on ${scores.edgeScores.filter((s) => s > 0).length} street sections${Object.keys(scores.skipped).length ? ` (left out: ${Object.entries(scores.skipped).map(([k, v]) => `${v} ${k}`).join(', ')})` : ''}`);

  let start: XY;
  let startLabel: string;
  if (values.start) {
    const lonLat = parseLonLat(values.start);
    const [projected] = reprojectFeatures([{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: lonLat } }], 'EPSG:4326', workingCrs);
    start = projected.geometry.coordinates as XY;
    startLabel = `${patrolText(lang, 'startDefault')} (${lonLat[1].toFixed(5)}, ${lonLat[0].toFixed(5)})`;
  } else {
    let sx = 0, sy = 0, sw = 0;
    scores.edgeScores.forEach((s, i) => {
      sx += s * scores.stopPoints[i][0];
      sy += s * scores.stopPoints[i][1];
      sw += s;
    });
    const found = locateStreet(graph, values['start-street']!, sw > 0 ? [sx / sw, sy / sw] : undefined);
    start = found.point;
    startLabel = streetText(lang, values['start-street']!);
    if (found.places > 1) log(`patrol: "${values['start-street']}" occurs in ${found.places} places; starting at the one nearest the incidents`);
  }

  let yesterday: XY[] = [];
  if (values.yesterday) {
    const prev = await loadSource('yesterday', { path: values.yesterday }, opts);
    yesterday = prev.features.filter((f) => f.geometry?.type === 'Point' && (f.properties as { kind?: string }).kind === 'stop').map((f) => (f.geometry as Point).coordinates as XY);
    if (yesterday.length === 0) throw new UserError(`${prev.file}: expected yesterday's routes.geojson with stop points (kind "stop"), found none.`);
  }

  const timeLimit = positiveNumber('time-limit', values['time-limit'], 20);
  const plan = planPatrolRoutes(graph, scores, start, {
    teams,
    shiftMinutes,
    dwellMinutes: positiveNumber('dwell-minutes', values['dwell-minutes'], 12),
    speedKmh: positiveNumber('speed-kmh', values['speed-kmh'], 4.5),
    maxStops: positiveNumber('max-stops', values['max-stops'], 40, true),
    minRevisitMinutes: positiveNumber('revisit-minutes', values['revisit-minutes'], 45),
    walkWeight: positiveNumber('walk-weight', values['walk-weight'], 0),
    yesterday,
    seed: positiveNumber('seed', values.seed, 1, true),
    now: () => performance.now(),
    timeBudget: timeLimit * 1000,
    maxIterations: positiveNumber('iterations', values.iterations, 1500, true),
  });

  const outDir = path.resolve(values.out!);
  mkdirSync(outDir, { recursive: true });
  const features = reprojectFeatures(patrolFeatures(plan, startClock), workingCrs, 'EPSG:4326');
  writeFileSync(path.join(outDir, 'routes.geojson'), stringifyFeatureCollection(features));
  const subtitle = shiftSubtitle(lang, weekdays ?? null, hours ?? null);
  const context = graph.edges.map((e) => e.coords);
  for (const r of plan.routes) {
    const track = features.filter((f) => f.properties.kind === 'leg' && f.properties.team === r.team).flatMap((f, i) => ((f.geometry as LineString).coordinates as number[][]).slice(i ? 1 : 0));
    const stops = features.filter((f) => f.properties.kind === 'stop' && f.properties.team === r.team);
    writeGpx(
      {
        name: patrolText(lang, 'sheetTitle', { team: r.team }),
        description: `${patrolText(lang, 'depart', { clock: clockText(startClock) })}, ${patrolText(lang, 'back', { clock: clockText(startClock + r.returnMinute) })}`,
        waypoints: stops.map((s) => ({ lon: (s.geometry as Point).coordinates[0], lat: (s.geometry as Point).coordinates[1], name: `Stop ${s.properties.stop}`, description: `${s.properties.street ?? ''} ${s.properties.arrive}–${s.properties.leave}`.trim() })),
        tracks: [{ name: `Team ${r.team}`, points: track }],
      },
      path.join(outDir, `team-${r.team}.gpx`),
    );
    const pages = routeSheet(r, { startClock, startLabel, subtitle, context, lang });
    await writePagePdf(pages, path.join(outDir, `team-${r.team}.pdf`), { creationDate: new Date(Date.UTC(2000, 0, 1)) });
    writePageSvg(pages[0], path.join(outDir, `team-${r.team}.svg`));
  }
  const overview = patrolOverviewPage(plan, graph, scores, { title: `${patrolText(lang, 'overviewTitle')}${subtitle ? ` — ${subtitle}` : ''}`, startClock, lang });
  writePageSvg(overview, path.join(outDir, 'overview.svg'));
  writePagePng(overview, path.join(outDir, 'overview.png'), 150);
  const report = {
    parameters: { teams, shiftMinutes, startClock: clockText(startClock), weekdays: weekdays ?? null, hours: hours ?? null, seed: Number(values.seed ?? 1), timeLimitSeconds: timeLimit, walkWeight: Number(values['walk-weight'] ?? 0) },
    network: gr,
    incidents: { records: incidentSource.input.records, rejected: incidentSource.problems.length, read: incidents.length, used: scores.used, skipped: scores.skipped, totalScore: scores.total },
    // every record of the inputs that could not be read, with its reason (the others are in the network or the incident counts)
    rejected: { streets: streets.problems, incidents: incidentSource.problems },
    start: { offsetMetres: Math.round(plan.startOffset), label: startLabel },
    candidates: plan.candidates,
    coverage: { stopScore: plan.stopCovered, walkedScore: plan.walkCovered, totalScore: plan.totalScore, stopShare: plan.totalScore ? plan.stopCovered / plan.totalScore : 0, walkedShare: plan.totalScore ? plan.walkCovered / plan.totalScore : 0 },
    solver: plan.solver,
    teams: plan.routes.map((r) => ({ team: r.team, stops: r.stops.length, passes: r.passes.length, metres: Math.round(r.metres), walkMinutes: Math.round(r.walkMinutes), dwellMinutes: r.dwellMinutes, returnMinute: Math.round(r.returnMinute * 10) / 10, returnTime: clockText(startClock + r.returnMinute), score: r.score })),
  };
  writeFileSync(path.join(outDir, 'report.json'), JSON.stringify(report, null, 1) + '\n');
  for (const t of report.teams) log(`patrol: team ${t.team}: ${t.stops} stops, ${(t.metres / 1000).toFixed(1)} km, back at ${t.returnTime} (${t.returnMinute} of ${shiftMinutes} min), score ${t.score.toFixed(1)}`);
  log(`patrol: stops cover ${(100 * report.coverage.stopShare).toFixed(0)} % of the hot-spot score (walked past: ${(100 * report.coverage.walkedShare).toFixed(0)} %); search: ${plan.solver.iterations} rounds, stopped by ${plan.solver.stoppedBy} -> ${path.relative(process.cwd(), outDir) || '.'} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return 0;
}

/**
 * Accounts for the records of an input that could not be read: a line on stderr with their number
 * and reasons (all of them are listed in report.json), or a user error when no record is left.
 */
function accountRejects(src: LoadedSource, what: string, crsFlag: string, log: (line: string) => void): void {
  const rejected = src.problems;
  if (rejected.length === 0) return;
  const byReason: Record<string, number> = {};
  for (const p of rejected) byReason[p.reason] = (byReason[p.reason] ?? 0) + 1;
  const reasons = Object.entries(byReason).map(([k, v]) => `${v} ${k}`).join(', ');
  // the detail without the file's path (named once), and with this command's flag for the CRS it guesses
  let first = rejected[0].detail.replace(/\.$/, '');
  const abs = path.resolve(src.file);
  if (first.startsWith(`${abs}, `)) first = first.slice(abs.length + 2);
  const rewritten = withCrsFlag(first, crsFlag);
  const hasGuess = rewritten.guessed;
  first = rewritten.text;
  // none left, or most impossible where they are: the CRS is wrong, and the few left would be misplaced
  const misplaced = (byReason['invalid-coordinates'] ?? 0) > src.input.records / 2;
  if (src.features.length === 0 || misplaced) {
    const fix = hasGuess ? '' : byReason['invalid-coordinates'] ? `; give the file's CRS with ${crsFlag} (or --crs for all inputs)` : `; fix the file ('wijkatlas inspect ${src.file}' lists every problem)`;
    const count = src.features.length === 0 ? `all ${rejected.length}` : `${rejected.length} of ${src.input.records}`;
    throw new UserError(`${src.file}: ${count} ${what} records were rejected (${reasons}); the first, ${first}${fix}.`);
  }
  log(`patrol: ${src.file}: ${rejected.length} of ${src.input.records} ${what} records rejected (${reasons}), e.g. ${first}; all are listed in report.json (rejected)`);
}

function parseClock(text: string): number {
  const m = /^(\d{1,2})[:.h]?(\d{2})?$/.exec(text.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2] ?? 0) > 59) throw new UserError(`--start-time: expected a clock time HH:MM, e.g. 18:00, found "${text}".`);
  return Number(m[1]) * 60 + Number(m[2] ?? 0);
}

