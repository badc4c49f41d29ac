import type { Feature } from 'geojson';
import { useMemo } from 'react';
import { localized, t, type Lang } from '../i18n.ts';
import type { ManifestField } from '../data/manifest.ts';
import { categories, type BlockFilter } from '../state/filters.ts';

export interface FiltersPanelProps {
  features: readonly Feature[];
  /** Numeric fields (range filters). */
  numeric: ManifestField[];
  /** Text fields with few distinct values (category filters). */
  categorical: ManifestField[];
  filters: BlockFilter[];
  /** Field a new range filter starts on (the mapped indicator). */
  defaultField: string;
  onChange: (filters: BlockFilter[]) => void;
  lang: Lang;
}

function parseNumber(text: string, lang: Lang): number | null {
  const s = text.trim();
  if (!s) return null;
  const n = Number(lang === 'nl' ? s.replace(',', '.') : s);
  return Number.isFinite(n) ? n : null;
}

/** Range filters on numeric fields and check-box filters on categories; map and table follow them together. */
export function FiltersPanel({ features, numeric, categorical, filters, defaultField, onChange, lang }: FiltersPanelProps) {
  const cats = useMemo(() => categorical.map((f) => ({ field: f, values: categories(features, f.name) })), [categorical, features]);
  const set = (i: number, f: BlockFilter | null) => onChange(f ? filters.map((g, j) => (j === i ? f : g)) : filters.filter((_, j) => j !== i));
  const categoryFilter = (field: string) => filters.findIndex((f) => f.kind === 'category' && f.field === field);

  const toggleCategory = (field: string, all: string[], value: string, on: boolean) => {
    const i = categoryFilter(field);
    const current = i >= 0 ? (filters[i] as Extract<BlockFilter, { kind: 'category' }>).values : all;
    const values = on ? [...current, value] : current.filter((v) => v !== value);
    const next: BlockFilter | null = values.length === all.length ? null : { kind: 'category', field, values };
    if (i >= 0) set(i, next);
    else if (next) onChange([...filters, next]);
  };

  return (
    <div className="filters">
      {filters.length === 0 && <p className="muted">{t(lang, 'filterNone')}</p>}
      {filters.map((f, i) =>
        f.kind !== 'range' ? null : (
          <div className="range-filter" key={`${i}/${filters.length}`}>
            <label>
              <span className="visually-hidden">{t(lang, 'filterField')}</span>
              <select value={f.field} onChange={(e) => set(i, { ...f, field: e.target.value })} aria-label={t(lang, 'filterField')}>
                {numeric.map((n) => (
                  <option key={n.name} value={n.name}>
                    {localized(n.label, lang)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t(lang, 'filterMin')}{' '}
              <input type="text" inputMode="decimal" size={6} defaultValue={f.min ?? ''} onBlur={(e) => set(i, { ...f, min: parseNumber(e.target.value, lang) })} onKeyDown={(e) => e.key === 'Enter' && set(i, { ...f, min: parseNumber(e.currentTarget.value, lang) })} />
            </label>
            <label>
              {t(lang, 'filterMax')}{' '}
              <input type="text" inputMode="decimal" size={6} defaultValue={f.max ?? ''} onBlur={(e) => set(i, { ...f, max: parseNumber(e.target.value, lang) })} onKeyDown={(e) => e.key === 'Enter' && set(i, { ...f, max: parseNumber(e.currentTarget.value, lang) })} />
            </label>
            <button type="button" className="icon-button" onClick={() => set(i, null)} aria-label={t(lang, 'filterRemove')}>
              ×
            </button>
          </div>
        ),
      )}
      <div className="filter-actions">
        <button type="button" onClick={() => onChange([...filters, { kind: 'range', field: defaultField, min: null, max: null }])}>
          {t(lang, 'filterAdd')}
        </button>
        {filters.length > 0 && (
          <button type="button" onClick={() => onChange([])}>
            {t(lang, 'filterClear')}
          </button>
        )}
      </div>
      {cats.map(({ field, values }) => {
        const i = categoryFilter(field.name);
        const allowed = i >= 0 ? (filters[i] as Extract<BlockFilter, { kind: 'category' }>).values : null;
        const all = values.map((v) => v.value);
        return (
          <fieldset key={field.name} className="category-filter">
            <legend>{localized(field.label, lang)}</legend>
            {values.map((v) => (
              <label key={v.value}>
                <input type="checkbox" checked={allowed ? allowed.includes(v.value) : true} onChange={(e) => toggleCategory(field.name, all, v.value, e.target.checked)} />{' '}
                {v.value === '' ? t(lang, 'legendNoData') : v.value} <span className="muted">({v.count})</span>
              </label>
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}
