import { NO_DATA_RGB, type RGB } from '../../core/classify/index.ts';
import { formatNumber, localized, t, type Lang, type Localized } from '../i18n.ts';
import type { BlockStyle } from '../state/block-style.ts';
import { legendDecimals } from './format-value.ts';

const css = (c: RGB) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

function countLabel(count: number, lang: Lang): string {
  return count === 1 ? t(lang, 'legendCountOne') : t(lang, 'legendCount', { count });
}

/** Class bounds with their colours and block counts, the unit (once, in the caption), and the no-data entry. */
export function Legend({ style, label, unit, lang }: { style: BlockStyle; label: Localized; unit: string; lang: Lang }) {
  const { bins, noData } = style.classification;
  const decimals = bins.length ? legendDecimals(bins[0].from, bins[bins.length - 1].to) : 0;
  const fmt = (v: number) => formatNumber(v, lang, decimals);
  return (
    <figure className="legend" aria-label={localized(label, lang)}>
      <figcaption>
        {localized(label, lang)}
        {unit && <span className="legend-unit"> ({unit})</span>}
      </figcaption>
      {bins.length === 0 && <p className="legend-empty">{t(lang, 'legendEmpty')}</p>}
      <ul>
        {bins.map((bin, i) => (
          <li key={i}>
            <span className="swatch" style={{ background: css(style.palette[i]) }} />
            <span className="legend-range">{bins.length === 1 ? fmt(bin.from) : `${fmt(bin.from)} – ${fmt(bin.to)}`}</span>
            <span className="legend-count">{countLabel(bin.count, lang)}</span>
          </li>
        ))}
        <li className="legend-nodata">
          <span className="swatch" style={{ background: css(NO_DATA_RGB) }} />
          <span className="legend-range">{t(lang, 'legendNoData')}</span>
          <span className="legend-count">{countLabel(noData, lang)}</span>
        </li>
      </ul>
    </figure>
  );
}
