// Incident density panel: a time filter (months, weekdays, hour band) applied before anything is
// computed, the kernel density surface redrawn from the atlas's binned incidents (heat layer on the
// map, legend in incidents per km²), and the weekday × hour chart for the whole neighbourhood or the
// selected blocks, downloadable as CSV. Self-contained: its own nl/en strings.
import { useEffect, useMemo, useState } from 'react';
import type { BinFilter } from '../../core/stats/bin-time-filter.ts';
import { binTimeFilter, isEmptyBinFilter } from '../../core/stats/bin-time-filter.ts';
import { densityOfBins } from '../../core/stats/density-of-bins.ts';
import type { IncidentDensityLayer } from '../../core/stats/incident-density-layer.ts';
import { weekdayHourOfBins } from '../../core/stats/weekday-hour-of-bins.ts';
import { densityColor, type DensityLayerProps } from '../map-layers/density-layer.ts';
import { weekdayHourCsv } from '../state/table-export.ts';
import { WeekdayHourChart } from './WeekdayHourChart.tsx';
import { downloadFile } from './download-file.ts';

export type DensityLang = 'nl' | 'en';

const STRINGS = {
  nl: {
    title: 'Incidentendichtheid en tijdstippen',
    period: 'Periode',
    allMonths: 'alle maanden',
    fromMonth: 'van maand',
    toMonth: 'tot en met maand',
    weekdays: 'Weekdagen',
    days: ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'],
    dayNames: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
    hours: 'Uren',
    hourFrom: 'van',
    hourTo: 'tot',
    wholeDay: 'Een band als 22u tot 6u loopt over middernacht: vrijdag 22u–6u is de nacht van vrijdag op zaterdag.',
    kernel: 'Kern',
    quartic: 'kwartisch (zoals QGIS/ArcGIS)',
    gaussian: 'Gaussisch',
    bandwidth: 'Bandbreedte (m)',
    bandwidthRule: (m: string, rule: string) => `Standaard ${m} m (${rule === 'user' ? 'uit de atlasconfiguratie' : 'regel van ArcGIS/Silverman op alle incidenten'}).`,
    fixed: 'Kleurschaal van alle incidenten (om tijdvakken te vergelijken)',
    kept: (k: number, n: number) => `${k} van ${n} incidenten in dit tijdvak.`,
    none: 'Geen incidenten in dit tijdvak: verruim de filter.',
    legend: 'Incidenten per km²',
    chart: 'Incidenten per weekdag en uur',
    scopeAll: 'hele buurt',
    scopeSelection: (n: number) => `geselecteerde blokken (${n})`,
    noHour: (n: number) => `${n} ${n === 1 ? 'incident' : 'incidenten'} zonder uur of leesbare datum niet in de grafiek.`,
    csv: 'Tabel downloaden (CSV)',
    note: (bin: number, cell: number) =>
      `Berekend in Lambert 72 op cellen van ${cell} m, uit de incidenten met hun ligging afgerond op ${bin} m en hun tijd op het uur (geen exacte adressen of data gepubliceerd).`,
  },
  en: {
    title: 'Incident density and times',
    period: 'Period',
    allMonths: 'all months',
    fromMonth: 'from month',
    toMonth: 'to month (incl.)',
    weekdays: 'Weekdays',
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    dayNames: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    hours: 'Hours',
    hourFrom: 'from',
    hourTo: 'to',
    wholeDay: 'A band like 22 to 6 runs over midnight: Friday 22–6 is the night from Friday to Saturday.',
    kernel: 'Kernel',
    quartic: 'quartic (as QGIS/ArcGIS)',
    gaussian: 'Gaussian',
    bandwidth: 'Bandwidth (m)',
    bandwidthRule: (m: string, rule: string) => `Default ${m} m (${rule === 'user' ? 'from the atlas config' : 'ArcGIS/Silverman rule on all incidents'}).`,
    fixed: 'Colour scale of all incidents (to compare time bands)',
    kept: (k: number, n: number) => `${k} of ${n} incidents in this time band.`,
    none: 'No incidents in this time band: widen the filter.',
    legend: 'Incidents per km²',
    chart: 'Incidents per weekday and hour',
    scopeAll: 'whole neighbourhood',
    scopeSelection: (n: number) => `selected blocks (${n})`,
    noHour: (n: number) => `${n} ${n === 1 ? 'incident' : 'incidents'} without an hour or readable date not in the chart.`,
    csv: 'Download table (CSV)',
    note: (bin: number, cell: number) =>
      `Computed in Lambert 72 on ${cell} m cells, from the incidents with their location rounded to ${bin} m and their time to the hour (no exact addresses or dates are published).`,
  },
} as const;

export interface DensityPanelProps {
  layer: IncidentDensityLayer;
  lang: DensityLang;
  /** block_id of the selected blocks: the chart can show only these. */
  selectedIds: readonly string[];
  /** Receives the heat layer props whenever the surface changes, null when unmounted. */
  onLayer: (props: DensityLayerProps | null) => void;
  /** Base of the CSV file name. @default 'wijkatlas' */
  fileBase?: string;
}

const fmt = (v: number, lang: DensityLang, digits = 0) => v.toLocaleString(lang === 'nl' ? 'nl-BE' : 'en-GB', { maximumFractionDigits: digits });

/** The density and weekday × hour panel; computes on the main thread (binned incidents: milliseconds). */
export function DensityPanel({ layer, lang, selectedIds, onLayer, fileBase = 'wijkatlas' }: DensityPanelProps) {
  const s = STRINGS[lang];
  const months = useMemo(() => [...new Set(layer.bins.month.filter((m) => m !== ''))].sort(), [layer]);
  const [monthFrom, setMonthFrom] = useState('');
  const [monthTo, setMonthTo] = useState('');
  const [weekdays, setWeekdays] = useState<number[]>([1, 2, 3, 4, 5, 6, 7]);
  const [hourFrom, setHourFrom] = useState(0);
  const [hourTo, setHourTo] = useState(24);
  const [kernel, setKernel] = useState<'quartic' | 'gaussian'>(layer.kernel);
  const [bandwidth, setBandwidth] = useState(layer.bandwidth_m);
  const [fixed, setFixed] = useState(false);
  const [scope, setScope] = useState<'all' | 'selection'>('all');

  const filter: BinFilter = useMemo(
    () => ({
      weekdays: weekdays.length === 7 ? undefined : weekdays,
      hours: hourFrom === 0 && hourTo === 24 ? undefined : { from: hourFrom, to: hourTo },
      months: monthFrom || monthTo ? { from: monthFrom || undefined, to: monthTo || undefined } : undefined,
    }),
    [weekdays, hourFrom, hourTo, monthFrom, monthTo],
  );
  const bw = bandwidth > 0 && Number.isFinite(bandwidth) ? bandwidth : layer.bandwidth_m;
  const surface = useMemo(() => densityOfBins(layer, { filter, kernel, bandwidth: bw }), [layer, filter, kernel, bw]);
  const allMax = useMemo(() => {
    const all = densityOfBins(layer, { kernel, bandwidth: bw }).values;
    let m = 0;
    for (const v of all) m = Math.max(m, v);
    return m;
  }, [layer, kernel, bw]);
  const currentMax = useMemo(() => {
    let m = 0;
    for (const v of surface.values) m = Math.max(m, v);
    return m;
  }, [surface]);
  const max = fixed ? allMax : currentMax;

  useEffect(() => {
    if (!layer.corners_wgs84) return;
    onLayer({ values: surface.values, width: layer.grid.width, height: layer.grid.height, corners: layer.corners_wgs84, max });
  }, [surface, max, layer, onLayer]);
  useEffect(() => () => onLayer(null), [onLayer]);

  const selection = scope === 'selection' && selectedIds.length > 0 ? selectedIds : undefined;
  // the chart shows the whole week (months and blocks filtered) and marks what the weekday/hour filter keeps
  const table = useMemo(() => weekdayHourOfBins(layer.bins, { months: filter.months, blocks: selection }), [layer, filter.months, selection]);
  const kept = useMemo(() => {
    if (!filter.weekdays && !filter.hours) return null;
    const probe = { col: [0], row: [0], month: ['2000-01'], block: [''], n: [1], weekday: [0], hour: [0] };
    return (d: number, h: number) => {
      probe.weekday[0] = d;
      probe.hour[0] = h;
      return binTimeFilter(probe, { weekdays: filter.weekdays, hours: filter.hours })[0] === 1;
    };
  }, [filter.weekdays, filter.hours]);
  const hourOptions = Array.from({ length: 25 }, (_, h) => h);
  const gradient = Array.from({ length: 11 }, (_, i) => {
    const [r, g, b, a] = densityColor((i / 10) * (max || 1), max || 1);
    return `rgba(${r},${g},${b},${(a / 255).toFixed(2)}) ${i * 10}%`;
  }).join(', ');

  return (
    <section className="density-panel" aria-label={s.title}>
      <fieldset>
        <legend>{s.period}</legend>
        <label>
          {s.fromMonth}{' '}
          <select value={monthFrom} onChange={(e) => setMonthFrom(e.target.value)} aria-label={`${s.period}: ${s.fromMonth}`}>
            <option value="">{s.allMonths}</option>
            {months.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {s.toMonth}{' '}
          <select value={monthTo} onChange={(e) => setMonthTo(e.target.value)} aria-label={`${s.period}: ${s.toMonth}`}>
            <option value="">{s.allMonths}</option>
            {months.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset className="density-weekdays">
        <legend>{s.weekdays}</legend>
        {s.days.map((d, i) => (
          <label key={d} title={s.dayNames[i]}>
            <input
              type="checkbox"
              checked={weekdays.includes(i + 1)}
              aria-label={s.dayNames[i]}
              onChange={(e) => setWeekdays((w) => (e.target.checked ? [...w, i + 1].sort() : w.filter((x) => x !== i + 1)))}
            />
            {d}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{s.hours}</legend>
        <label>
          {s.hourFrom}{' '}
          <select value={hourFrom} onChange={(e) => setHourFrom(Number(e.target.value))} aria-label={`${s.hours}: ${s.hourFrom}`}>
            {hourOptions.slice(0, 24).map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {s.hourTo}{' '}
          <select value={hourTo} onChange={(e) => setHourTo(Number(e.target.value))} aria-label={`${s.hours}: ${s.hourTo}`}>
            {hourOptions.slice(1).map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">{s.wholeDay}</p>
      </fieldset>
      <label>
        {s.kernel}{' '}
        <select value={kernel} onChange={(e) => setKernel(e.target.value as 'quartic' | 'gaussian')}>
          <option value="quartic">{s.quartic}</option>
          <option value="gaussian">{s.gaussian}</option>
        </select>
      </label>
      <label>
        {s.bandwidth}{' '}
        <input type="number" min={5} max={2000} step={5} value={bandwidth} onChange={(e) => setBandwidth(Number(e.target.value))} style={{ width: '6em' }} />
      </label>
      <p className="hint">{s.bandwidthRule(fmt(layer.bandwidth_m, lang, 1), layer.bandwidth_rule)}</p>
      <label>
        <input type="checkbox" checked={fixed} onChange={(e) => setFixed(e.target.checked)} /> {s.fixed}
      </label>
      <p className="density-count" aria-live="polite">
        {surface.incidents === 0 ? s.none : s.kept(surface.incidents, layer.incidents)}
      </p>
      <figure className="density-legend">
        <figcaption>{s.legend}</figcaption>
        <div style={{ height: 12, border: '1px solid #bbb', background: `linear-gradient(to right, ${gradient})` }} />
        <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 12 }}>
          <span>0</span>
          <span>{fmt(max / 2, lang)}</span>
          <span>{fmt(max, lang)}</span>
        </div>
      </figure>
      <h4 className="density-chart-title">{s.chart}</h4>
      <label>
        <select value={selection ? 'selection' : 'all'} onChange={(e) => setScope(e.target.value as 'all' | 'selection')}>
          <option value="all">{s.scopeAll}</option>
          <option value="selection" disabled={selectedIds.length === 0}>
            {s.scopeSelection(selectedIds.length)}
          </option>
        </select>
      </label>
      <WeekdayHourChart counts={table.counts} kept={isEmptyBinFilter({ weekdays: filter.weekdays, hours: filter.hours }) ? null : kept} lang={lang} label={`${s.chart}: ${selection ? s.scopeSelection(selection.length) : s.scopeAll}`} />
      {table.noHour > 0 && <p className="hint">{s.noHour(table.noHour)}</p>}
      <button type="button" onClick={() => downloadFile(weekdayHourCsv(table.counts, selection ? selection.join(' ') : 'alle'), `${fileBase}-weekdag-uur.csv`, 'text/csv;charset=utf-8')}>
        {s.csv}
      </button>
      <p className="hint">{s.note(layer.bin_m, layer.grid.cell_m)}</p>
    </section>
  );
}
