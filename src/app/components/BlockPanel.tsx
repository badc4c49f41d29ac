import type { Feature } from 'geojson';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { localized, t, themeLabel, withUnit, type Lang } from '../i18n.ts';
import type { ManifestField } from '../data/manifest.ts';
import { formatValue } from './format-value.ts';

// the chart is loaded when a block is first opened
const BlockChart = lazy(() => import('./BlockChart.tsx'));

export interface BlockPanelProps {
  feature: Feature;
  /** All fields of the blocks layer, in manifest order. */
  fields: ManifestField[];
  /** Fields for the chart (numeric, same theme as the mapped indicator) and their neighbourhood medians. */
  chartFields: ManifestField[];
  medians: Record<string, number | null>;
  chartTheme: string | undefined;
  onClose: () => void;
  lang: Lang;
}

/** Fields grouped by theme, groups in manifest order. */
function groups(fields: ManifestField[]): [string | undefined, ManifestField[]][] {
  const map = new Map<string | undefined, ManifestField[]>();
  for (const f of fields) map.set(f.theme, [...(map.get(f.theme) ?? []), f]);
  return [...map];
}

/** Text for one property: numbers the local way with their unit, text as text (React escapes it), no data named. */
function show(value: unknown, field: ManifestField, lang: Lang): string {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return t(lang, 'legendNoData');
  if (typeof value === 'number') return withUnit(formatValue(value, lang), localized(field.unit, lang), lang);
  if (typeof value === 'boolean') return t(lang, value ? 'value_yes' : 'value_no');
  return String(value);
}

/** Side panel of one block: every field grouped by theme with labels and units from the manifest, and a bar chart against the neighbourhood median. */
export function BlockPanel({ feature, fields, chartFields, medians, chartTheme, onClose, lang }: BlockPanelProps) {
  const props = feature.properties ?? {};
  const id = String(props.block_id ?? '?');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [id]);
  return (
    <aside className="block-panel" aria-labelledby="block-panel-title" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <header className="block-panel-header">
        <h2 id="block-panel-title" tabIndex={-1} ref={heading}>
          {t(lang, 'blockPanelTitle', { id })}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t(lang, 'close')}>
          ×
        </button>
      </header>
      {chartFields.length > 0 && (
        <Suspense fallback={<p className="muted">{t(lang, 'loadingPart')}</p>}>
          <BlockChart feature={feature} fields={chartFields} medians={medians} theme={chartTheme} lang={lang} />
        </Suspense>
      )}
      {groups(fields).map(([theme, list]) => (
        <section key={theme ?? ''} className="field-group">
          <h3>{themeLabel(theme, lang)}</h3>
          <dl>
            {list.map((f) => (
              <div key={f.name} className="field-row">
                <dt>{localized(f.label, lang)}</dt>
                <dd>{show(props[f.name], f, lang)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </aside>
  );
}
