import type { Feature } from 'geojson';
import { localized, t, themeLabel, withUnit, type Lang } from '../i18n.ts';
import type { ManifestField } from '../data/manifest.ts';
import { numericValue } from '../state/block-style.ts';
import { formatValue } from './format-value.ts';

export interface BlockChartProps {
  feature: Feature;
  fields: ManifestField[];
  medians: Record<string, number | null>;
  theme: string | undefined;
  lang: Lang;
}

const WIDTH = 290;
const BAR = 190;
const ROW = 40;
const BLOCK_FILL = '#2b5c8a';
const MEDIAN_FILL = '#a9bccf';

/** Short units ("%", "m²") follow the number; longer ones are in the field list below the chart. */
function short(value: number, unit: string, lang: Lang): string {
  return withUnit(formatValue(value, lang), unit.length <= 2 ? unit : '', lang);
}

/**
 * Small bar chart: per field, the block's value (dark bar) over the neighbourhood median (light bar),
 * each row scaled to the larger of the two, with both numbers written out.
 */
export default function BlockChart({ feature, fields, medians, theme, lang }: BlockChartProps) {
  const rows = fields.map((f) => ({ f, value: numericValue(feature.properties?.[f.name]), median: medians[f.name] ?? null }));
  const title = t(lang, 'chartTitle', { theme: themeLabel(theme, lang) });
  const width = (v: number | null, scale: number) => (v === null ? 0 : Math.max(1, (Math.abs(v) / scale) * BAR));
  return (
    <figure className="block-chart">
      <figcaption>{title}</figcaption>
      <svg width={WIDTH} height={rows.length * ROW + 16} role="img" aria-label={title}>
        <g fontSize={11}>
          <rect x={0} y={3} width={10} height={9} fill={BLOCK_FILL} />
          <text x={14} y={11}>
            {t(lang, 'chartBlock')}
          </text>
          <rect x={90} y={3} width={10} height={9} fill={MEDIAN_FILL} />
          <text x={104} y={11}>
            {t(lang, 'chartMedian')}
          </text>
        </g>
        {rows.map(({ f, value, median }, i) => {
          const scale = Math.max(Math.abs(value ?? 0), Math.abs(median ?? 0)) || 1;
          const unit = localized(f.unit, lang);
          const label = localized(f.label, lang);
          const wv = width(value, scale);
          const wm = width(median, scale);
          return (
            <g key={f.name} transform={`translate(0, ${20 + i * ROW})`} fontSize={11}>
              <text x={0} y={10}>
                {label.length > 46 ? `${label.slice(0, 45)}…` : label}
                <title>{label}</title>
              </text>
              <rect x={0} y={14} height={10} width={wv} fill={BLOCK_FILL} />
              <text x={wv + 4} y={23}>
                {value === null ? t(lang, 'legendNoData') : short(value, unit, lang)}
              </text>
              <rect x={0} y={26} height={8} width={wm} fill={MEDIAN_FILL} />
              <text x={wm + 4} y={34} fill="#444">
                {median === null ? '–' : short(median, unit, lang)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
