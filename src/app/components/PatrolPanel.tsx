// Patrol panel: choose day, hours, number of teams, shift length and stop duration; plan walking
// routes for the street supervisors in the browser (core planner on the atlas's streets layer); see
// each team's stops, distance and return time and the share of the hot-spot score covered; download
// GPX and route sheets (A4 PDF). The search runs in a web worker (workers/patrol-worker.ts), so the map
// stays responsive; without workers it runs on the main thread. Self-contained: its own nl/en strings; the parent mounts it and draws
// the routes it receives through onRoutes with createPatrolLayers (map-layers/patrol-layer.ts).
import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { PatrolIncidentInput, PatrolWgs84Result } from '../../core/routes/plan-patrol-wgs84.ts';
import { runPatrolJob, type PatrolFailure, type PatrolRequest, type PatrolResponse } from '../workers/patrol-job.ts';
import type { PatrolFeatureProperties } from '../../core/routes/patrol-features.ts';
import { clockText } from '../../core/routes/route-directions.ts';
import { routeSheet } from '../../core/routes/route-sheet.ts';
import { gpxText } from '../../core/routes/gpx-text.ts';
import { teamColour } from '../../core/routes/team-colours.ts';
import { lambert72 } from '../../core/routes/project-lambert72.ts';
import { shiftSubtitle, weekdayNames } from '../../core/routes/patrol-strings.ts';
import { downloadFile } from './download-file.ts';
import { useWorker } from './use-worker.ts';
import { loadPreviousPatrol, newStopCount, savePreviousPatrol, type PreviousPatrol } from '../state/previous-patrol.ts';

export type PatrolLang = 'nl' | 'en';

export interface PatrolPanelProps {
  /** The atlas's streets layer (layers/streets.geojson, WGS84 lines with `name`, `highway`); keep the reference stable. */
  streets: FeatureCollection;
  /** Incident points (WGS84, optional ISO time field) or counts per block. */
  incidents: PatrolIncidentInput;
  /** Start and end of every route, [lon, lat]. @default the Hamerstraat, Arsenaal ([4.4937, 51.0206]) */
  start?: readonly [number, number];
  /** Name of the start on the route sheets. @default 'het wijkhuis (Hamerstraat)' */
  startLabel?: string;
  lang: PatrolLang;
  /** Receives routes.geojson (WGS84) when a plan is ready, null when cleared or unmounted. */
  onRoutes: (routes: FeatureCollection<LineString | Point, PatrolFeatureProperties> | null) => void;
  /** Search rounds (deterministic for a seed). @default 400 */
  iterations?: number;
  /** Clock for the time limit when planning on the main thread. @default () => performance.now() */
  now?: () => number;
  /** Creates the planning worker; null plans on the main thread (tests, no Worker). @default a module worker of workers/patrol-worker.ts */
  createWorker?: () => Worker | null;
  /** Key under which the last plan's stops are kept in this browser (the atlas id), to avoid them next time. @default 'default' */
  storageKey?: string;
}

/** Stops of the previous plan within this many metres count as repeated (the planner's yesterday radius). */
const REPEAT_RADIUS = 30;

function defaultWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('../workers/patrol-worker.ts', import.meta.url), { type: 'module' });
}

const STRINGS = {
  nl: { title: 'Patrouilleroutes', day: 'Dag', any: 'alle dagen', hours: 'Uren', teams: 'Teams', shift: 'Shift (min)', dwell: 'Stop (min)', seed: 'Variant', plan: 'Plan routes', planning: 'Bezig…', clear: 'Wissen', team: 'Team', stops: 'stops', back: 'terug', covered: 'van de hot-spot-score gedekt door stops', gpx: 'GPX', sheet: 'Routeblad (PDF)', hint: 'Stops van 10–15 minuten werken het best (Koper-curve). Een andere variant geeft andere, even goede routes.', startAt: 'Vertrek en terugkeer', walk: 'Passeren telt', walkHint: 'deel van de score van een hete straat waar een team langs loopt zonder te stoppen (0 = alleen stops tellen)', passes: 'gepasseerd', fromIncidents: (k: number, n: number) => `Hot spots uit ${k} van de ${n} incidenten (gekozen dag en uren, tot 50 m van een straat).`, sheetFailed: 'Routeblad niet gemaakt', avoid: (when: string) => `Stops van het vorige plan (${when}) vermijden`, different: (k: number, n: number) => `${k} van de ${n} stops liggen anders dan in het vorige plan.` },
  en: { title: 'Patrol routes', day: 'Day', any: 'any day', hours: 'Hours', teams: 'Teams', shift: 'Shift (min)', dwell: 'Stop (min)', seed: 'Variant', plan: 'Plan routes', planning: 'Planning…', clear: 'Clear', team: 'Team', stops: 'stops', back: 'back', covered: 'of the hot-spot score covered by stops', gpx: 'GPX', sheet: 'Route sheet (PDF)', hint: 'Stops of 10–15 minutes work best (the Koper curve). Another variant gives other, comparably good routes.', startAt: 'Start and return', walk: 'Walking past counts', walkHint: 'share of a hot street’s score earned by walking along it without stopping (0 = only stops count)', passes: 'passed', fromIncidents: (k: number, n: number) => `Hot spots from ${k} of the ${n} incidents (chosen day and hours, within 50 m of a street).`, sheetFailed: 'Route sheet not made', avoid: (when: string) => `Avoid the stops of the previous plan (${when})`, different: (k: number, n: number) => `${k} of the ${n} stops differ from the previous plan.` },
} as const;

/** The patrol planning panel (see PatrolPanelProps). */
export function PatrolPanel({ streets, incidents, start = [4.4937, 51.0206], startLabel = 'het wijkhuis (Hamerstraat)', lang, onRoutes, iterations = 400, now = () => performance.now(), createWorker = defaultWorker, storageKey = 'default' }: PatrolPanelProps) {
  const t = STRINGS[lang];
  const [day, setDay] = useState<number | -1>(-1);
  const [hours, setHours] = useState<[number, number] | null>(null);
  const [teams, setTeams] = useState(4);
  const [shift, setShift] = useState(120);
  const [dwell, setDwell] = useState(12);
  const [seed, setSeed] = useState(1);
  const [walkWeight, setWalkWeight] = useState(0);
  // the last plan made in this browser for this atlas, and whether the next plan avoids its stops
  const [previous, setPrevious] = useState<PreviousPatrol | null>(() => loadPreviousPatrol(storageKey));
  const [avoid, setAvoid] = useState(false);
  const [different, setDifferent] = useState<{ k: number; n: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // the plan with the shift start it was made for (the form may change afterwards)
  const [planned, setPlanned] = useState<{ result: PatrolWgs84Result; startClock: number } | null>(null);
  const result = planned?.result ?? null;
  // points and binned incidents carry weekday and hour: the shift's day and hours can be chosen
  const points = incidents.kind !== 'counts';
  const formStartClock = hours ? hours[0] * 60 : 18 * 60;
  const startClock = planned?.startClock ?? formStartClock;
  const worker = useWorker(createWorker);
  const latest = useRef(0);
  const onRoutesRef = useRef(onRoutes);
  onRoutesRef.current = onRoutes;

  useEffect(() => () => onRoutes(null), [onRoutes]);

  const plan = () => {
    const requestId = ++latest.current;
    const filter = points ? { weekdays: day >= 0 ? [day] : undefined, hours: hours ? { from: hours[0], to: hours[1] } : undefined } : undefined;
    const { forward, inverse } = lambert72();
    const avoided = avoid && previous ? previous.stops.map((p) => forward(p)) : null;
    const yesterday = avoided ? { yesterday: avoided, yesterdayRadius: REPEAT_RADIUS } : {};
    const req: PatrolRequest = { requestId, streets, incidents, start, options: { teams, shiftMinutes: shift, dwellMinutes: dwell, seed, walkWeight, ...yesterday, maxIterations: iterations, timeBudget: 15_000, filter, startClock: formStartClock } };
    const clock = formStartClock;
    setBusy(true);
    setError(null);
    const done = (res: PatrolResponse | PatrolFailure) => {
      if (res.requestId !== latest.current) return; // a newer request is on its way
      setBusy(false);
      if (res.ok) {
        setPlanned({ result: res.result, startClock: clock });
        onRoutesRef.current(res.result.features);
        const stops = res.result.plan.routes.flatMap((r) => r.stops.map((x) => x.point));
        setDifferent(avoided ? { k: newStopCount(stops, avoided, REPEAT_RADIUS), n: stops.length } : null);
        // this plan becomes the one the next plan can avoid
        const made = { made: new Date().toISOString(), stops: stops.map((p) => inverse(p) as [number, number]) };
        savePreviousPatrol(storageKey, made);
        setPrevious(made);
        setAvoid(false);
        return;
      }
      setPlanned(null);
      onRoutesRef.current(null);
      if (!res.userError) {
        // a bug: keep its stack (the worker's, when it came from there)
        const bug = new Error(res.message);
        if (res.stack) bug.stack = res.stack;
        throw bug;
      }
      setError(res.message);
    };
    const w = worker.current;
    if (w) {
      w.onmessage = (event: MessageEvent<PatrolResponse | PatrolFailure>) => done(event.data);
      // a worker that cannot start (e.g. blocked scripts): plan on the main thread instead
      w.onerror = (event) => {
        event.preventDefault();
        worker.current = null;
        w.terminate();
        done(runPatrolJob(req, now));
      };
      w.postMessage(req);
      return;
    }
    // let the button repaint before the (synchronous) search
    setTimeout(() => done(runPatrolJob(req, now)), 0);
  };

  // the A4 route sheet as a PDF of all its pages (long routes continue on a second page), drawn by the
  // same core page code as `wijkatlas patrol`; pdfkit and the fonts load on the first click
  const sheetPdf = async (team: number) => {
    if (!result) return;
    const route = result.plan.routes[team - 1];
    const { forward } = lambert72();
    const context = streets.features.flatMap((f) => (f.geometry?.type === 'LineString' ? [f.geometry.coordinates.map((p) => forward(p))] : []));
    const subtitle = shiftSubtitle(lang, day >= 0 ? [day] : null, hours ? { from: hours[0], to: hours[1] } : null);
    const pages = routeSheet(route, { startClock, startLabel, subtitle, context, lang });
    try {
      const { loadFonts, pagesToPdfBlob } = await import('./page-files.ts');
      const fonts = await loadFonts();
      downloadFile(await pagesToPdfBlob(pages, fonts.bytes, new Date().toISOString().slice(0, 10)), `team-${team}.pdf`);
    } catch (err) {
      setError(`${t.sheetFailed}: ${(err as Error).message}`);
    }
  };

  const gpx = (team: number) => {
    if (!result) return;
    const legs = result.features.features.filter((f) => f.properties.kind === 'leg' && f.properties.team === team);
    const stops = result.features.features.filter((f) => f.properties.kind === 'stop' && f.properties.team === team);
    const track = legs.flatMap((f, i) => (f.geometry as LineString).coordinates.slice(i ? 1 : 0));
    downloadFile(
      gpxText({ name: `${t.team} ${team}`, waypoints: stops.map((s) => ({ lon: (s.geometry as Point).coordinates[0], lat: (s.geometry as Point).coordinates[1], name: `Stop ${s.properties.stop}`, description: s.properties.street ?? undefined })), tracks: [{ name: `${t.team} ${team}`, points: track }] }),
      `team-${team}.gpx`,
      'application/gpx+xml',
    );
  };

  const num = (v: string, lo: number, hi: number, fallback: number) => {
    const n = Number(v);
    return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.round(n))) : fallback;
  };

  return (
    <section className="patrol-panel" aria-label={t.title}>
      <h2>{t.title}</h2>
      <p className="patrol-start">{t.startAt}: {startLabel}</p>
      {points && (
        <label>
          {t.day}{' '}
          <select value={day} onChange={(e) => setDay(Number(e.target.value))}>
            <option value={-1}>{t.any}</option>
            {weekdayNames(lang).map((d, i) => (
              <option key={d} value={i}>{d}</option>
            ))}
          </select>
        </label>
      )}
      {points && (
        <label>
          {t.hours}{' '}
          <input type="number" min={0} max={23} value={hours?.[0] ?? ''} placeholder="18" onChange={(e) => setHours(e.target.value === '' ? null : [num(e.target.value, 0, 23, 18), hours?.[1] ?? 22])} style={{ width: '3.5em' }} />
          –
          <input type="number" min={0} max={24} value={hours?.[1] ?? ''} placeholder="22" onChange={(e) => setHours(e.target.value === '' ? null : [hours?.[0] ?? 18, num(e.target.value, 0, 24, 22)])} style={{ width: '3.5em' }} />
        </label>
      )}
      <label>{t.teams} <input type="number" min={1} max={12} value={teams} onChange={(e) => setTeams(num(e.target.value, 1, 12, 4))} style={{ width: '3.5em' }} /></label>
      <label>{t.shift} <input type="number" min={15} max={600} step={15} value={shift} onChange={(e) => setShift(num(e.target.value, 15, 600, 120))} style={{ width: '4.5em' }} /></label>
      <label>{t.dwell} <input type="number" min={0} max={60} value={dwell} onChange={(e) => setDwell(num(e.target.value, 0, 60, 12))} style={{ width: '3.5em' }} /></label>
      <label>{t.seed} <input type="number" min={1} value={seed} onChange={(e) => setSeed(num(e.target.value, 1, 1e6, 1))} style={{ width: '4em' }} /></label>
      <label title={t.walkHint}>{t.walk} <input type="number" min={0} max={1} step={0.05} value={walkWeight} onChange={(e) => { const v = Number(e.target.value); setWalkWeight(Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0); }} style={{ width: '4em' }} /></label>
      {previous && (
        <label className="patrol-avoid">
          <input type="checkbox" checked={avoid} onChange={(e) => setAvoid(e.target.checked)} /> {t.avoid(new Date(previous.made).toLocaleString(lang === 'nl' ? 'nl-BE' : 'en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }))}
        </label>
      )}
      <p className="hint">{t.hint}</p>
      <button type="button" disabled={busy} onClick={plan}>{busy ? t.planning : t.plan}</button>{' '}
      {result && <button type="button" onClick={() => { setPlanned(null); onRoutes(null); }}>{t.clear}</button>}
      {error && <p role="alert" className="error">{error}</p>}
      {result && (
        <>
          <p>{Math.round(100 * result.coveredShare)} % {t.covered}</p>
          {points && <p className="patrol-incidents">{t.fromIncidents(Math.round(result.incidents.used), Math.round(result.incidents.given))}</p>}
          {different && <p className="patrol-different">{t.different(different.k, different.n)}</p>}
          <table>
            <tbody>
              {result.plan.routes.map((r) => (
                <tr key={r.team}>
                  <td><span style={{ display: 'inline-block', width: 12, height: 12, background: teamColour(r.team) }} /> {t.team} {r.team}</td>
                  <td>{r.stops.length} {t.stops}{r.passes.length > 0 ? `, ${r.passes.length} ${t.passes}` : ''}</td>
                  <td>{(r.metres / 1000).toFixed(1)} km</td>
                  <td>{t.back} {clockText(startClock + r.returnMinute)}</td>
                  <td><button type="button" onClick={() => gpx(r.team)}>{t.gpx}</button> <button type="button" onClick={() => void sheetPdf(r.team)}>{t.sheet}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
