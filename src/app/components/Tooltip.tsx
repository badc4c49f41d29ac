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

/** Block id and the value of the mapped indicator, next to the pointer. */
export function Tooltip({ x, y, feature, field, lang }: { x: number; y: number; feature: Feature; field: TooltipField; lang: Lang }) {
  const props = feature.properties ?? {};
  const value = numericValue(props[field.name]);
  return (
    <div className="tooltip" role="status" style={placement(x, y)}>
      <strong>{t(lang, 'tooltipBlock', { id: String(props.block_id ?? '?') })}</strong>
      <span>
        {localized(field.label, lang)}:{' '}
        {value === null ? <em>{t(lang, 'legendNoData')}</em> : withUnit(formatValue(value, lang), field.unit, lang)}
      </span>
    </div>
  );
}
