import type { Feature } from 'geojson';
import type { CSSProperties } from 'react';
import { localized, t, withUnit, type Lang, type Localized } from '../i18n.ts';
import { numericValue } from '../state/block-style.ts';
import { formatValue } from './format-value.ts';

export interface TooltipField {
  name: string;
  label: Localized;
  unit: string;
}

/** Beside the pointer, on the side where there is room. */
function placement(x: number, y: number): CSSProperties {
  const flipX = x > window.innerWidth - 300;
  const flipY = y > window.innerHeight - 120;
  return {
    ...(flipX ? { right: window.innerWidth - x + 14 } : { left: x + 14 }),
    ...(flipY ? { bottom: window.innerHeight - y + 14 } : { top: y + 14 }),
  };
}

export interface TooltipProps {
  x: number;
  y: number;
  feature: Feature;
  field: TooltipField;
  /** Rank of the block for the indicator (1 = highest; 0 = no data) and how many blocks are ranked. */
  rank: number;
  ranked: number;
  lang: Lang;
}

/** Block id, the value of the mapped indicator with its unit, and its rank, next to the pointer. */
export function Tooltip({ x, y, feature, field, rank, ranked, lang }: TooltipProps) {
  const props = feature.properties ?? {};
  const value = numericValue(props[field.name]);
  return (
    <div className="tooltip" role="status" style={placement(x, y)}>
      <strong>{t(lang, 'tooltipBlock', { id: String(props.block_id ?? '?') })}</strong>
      <span>
        {localized(field.label, lang)}:{' '}
        {value === null ? <em>{t(lang, 'legendNoData')}</em> : withUnit(formatValue(value, lang), field.unit, lang)}
      </span>
      {rank > 0 && <span className="tooltip-rank">{t(lang, 'tooltipRank', { rank, total: ranked })}</span>}
    </div>
  );
}
