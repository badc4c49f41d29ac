// The weekday × hour chart the prevention consultant plans shifts from: 7 rows (Monday first) × 24
// hours, each cell coloured by its incident count, with row totals; the hours and weekdays the
// current time filter keeps are outlined, the rest fade.
import { densityColor } from '../map-layers/density-layer.ts';

export type ChartLang = 'nl' | 'en';

const DAYS = { nl: ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'], en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] } as const;
const CELL = (lang: ChartLang, day: string, h: number, n: number) =>
  lang === 'nl' ? `${day} ${h}u–${h + 1}u: ${n} ${n === 1 ? 'incident' : 'incidenten'}` : `${day} ${h}:00–${h + 1}:00: ${n} ${n === 1 ? 'incident' : 'incidents'}`;

export interface WeekdayHourChartProps {
  /** 168 counts, index (weekday − 1) × 24 + hour. */
  counts: readonly number[];
  /** Whether the current filter keeps weekday d (1–7) at hour h; null: no filter (nothing fades). */
  kept: ((weekday: number, hour: number) => boolean) | null;
  lang: ChartLang;
  /** Accessible name of the chart. */
  label: string;
}

/** SVG chart, 7 × 24 cells; each cell has a <title> with its weekday, hour and count. */
export function WeekdayHourChart({ counts, kept, lang, label }: WeekdayHourChartProps) {
  const cw = 12;
  const ch = 16;
  const left = 30;
  const top = 14;
  const right = 34;
  const max = Math.max(1, ...counts);
  const width = left + 24 * cw + right;
  const height = top + 7 * ch + 4;
  const days = DAYS[lang];
  return (
    <svg className="weekday-hour-chart" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={label}>
      {[0, 6, 12, 18].map((h) => (
        <text key={h} x={left + h * cw} y={10} fontSize={9} fill="#555">
          {lang === 'nl' ? `${h}u` : `${h}h`}
        </text>
      ))}
      {days.map((day, d) => {
        const row = counts.slice(d * 24, d * 24 + 24);
        const total = row.reduce((a, b) => a + b, 0);
        return (
          <g key={day}>
            <text x={left - 4} y={top + d * ch + 11} fontSize={10} textAnchor="end" fill="#333">
              {day}
            </text>
            {row.map((n, h) => {
              const [r, g, b] = densityColor(n, max);
              const on = kept ? kept(d + 1, h) : true;
              return (
                <rect
                  key={h}
                  data-weekday={d + 1}
                  data-hour={h}
                  data-count={n}
                  x={left + h * cw}
                  y={top + d * ch}
                  width={cw - 1}
                  height={ch - 1}
                  fill={n > 0 ? `rgb(${r},${g},${b})` : '#f1efea'}
                  opacity={on ? 1 : 0.25}
                  stroke={kept && on ? '#222' : 'none'}
                  strokeWidth={kept && on ? 0.6 : 0}
                >
                  <title>{CELL(lang, day, h, n)}</title>
                </rect>
              );
            })}
            <text x={left + 24 * cw + 4} y={top + d * ch + 11} fontSize={10} fill="#333">
              {total}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
