import { NO_DATA_RGB, type RGB } from '../../core/classify/index.ts';
import { formatNumber, localized, t, type Lang, type Localized, type MessageKey } from '../i18n.ts';
import type { BlockClasses } from '../state/block-style.ts';
import { legendDecimals } from './format-value.ts';

const css = (c: RGB) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

function countLabel(count: number, lang: Lang): string {
  return count === 1 ? t(lang, 'legendCountOne') : t(lang, 'legendCount', { count });
}

export interface LegendProps {
  classes: BlockClasses;
  /** Blocks per class among those the filters keep, and those without data. */
  counts: number[];
  noData: number;
  /** Blocks the filters keep and all blocks (equal when no filter is set). */
  shown: number;
  total: number;
  label: Localized;
  unit: string;
  lang: Lang;
}

/** Class bounds with their colours and block counts, the unit (once, in the caption), and "no data / suppressed" apart. */
export function Legend({ classes, counts, noData, shown, total, label, unit, lang }: LegendProps) {
  const { bins, method } = classes.classification;
  const whole = bins.every((b) => Number.isInteger(b.from) && Number.isInteger(b.to));
  const decimals = bins.length && !whole ? legendDecimals(bins[0].from, bins[bins.length - 1].to) : 0;
  const fmt = (v: number) => formatNumber(v, lang, decimals);
  const range = (i: number) => {
    const bin = bins[i];
    if (bin.from === bin.to && bin.count > 0) return fmt(bin.from);
    // an open end class without blocks has no data bound: say it as "below" / "or more"
    if (i === 0 && bin.count === 0) return t(lang, 'legendBelow', { value: fmt(bin.to) });
    if (i === bins.length - 1 && bin.count === 0) return t(lang, 'legendFrom', { value: fmt(bin.from) });
    return `${fmt(bin.from)} – ${fmt(bin.to)}`;
  };
  return (
    <figure className="legend" aria-label={localized(label, lang)}>
      <figcaption>
        {localized(label, lang)}
        {unit && <span className="legend-unit"> ({unit})</span>}
      </figcaption>
      {bins.length === 0 && <p className="legend-empty">{t(lang, 'legendEmpty')}</p>}
      <ul>
        {bins.map((_, i) => (
          <li key={i}>
            <span className="swatch" style={{ background: css(classes.palette[i]) }} />
            <span className="legend-range">
              {method === 'box' && bins.length === 6 && <span className="legend-class">{t(lang, `box_${i}` as MessageKey)}: </span>}
              {range(i)}
            </span>
            <span className="legend-count">{countLabel(counts[i] ?? 0, lang)}</span>
          </li>
        ))}
        <li className="legend-nodata">
          <span className="swatch" style={{ background: css(NO_DATA_RGB) }} />
          <span className="legend-range">{t(lang, 'legendNoData')}</span>
          <span className="legend-count">{countLabel(noData, lang)}</span>
        </li>
      </ul>
      {shown < total && <p className="legend-filtered">{t(lang, 'legendFiltered', { shown, total })}</p>}
    </figure>
  );
}
