import type { Feature } from 'geojson';
import { useEffect, useMemo, useRef, useState } from 'react';
import { TABLE_ROW_LIMIT } from '../config.ts';
import { localized, t, type Lang } from '../i18n.ts';
import type { ManifestField } from '../data/manifest.ts';
import { tableCsv, tableGeoJson } from '../state/table-export.ts';
import { formatValue } from './format-value.ts';
import { downloadFile } from './download-file.ts';

export interface BlockTableProps {
  features: readonly Feature[];
  /** Feature indices the filters keep (all when null). */
  mask: Uint8Array | null;
  /** Columns to show, first one the block id. */
  columns: ManifestField[];
  /** Every field, for the export. */
  exportFields: string[];
  /** Selected feature indices. */
  selected: ReadonlySet<number>;
  onSelect: (index: number, additive: boolean) => void;
  /** Base of the download names, e.g. the atlas id. */
  fileBase: string;
  lang: Lang;
}

type Sort = { field: string; desc: boolean };

function compare(a: unknown, b: unknown): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? 1 : -1; // no data last
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'nl', { numeric: true });
}

/** Sortable, searchable table of the blocks the filters keep; rows and map selection are linked; exports what it lists. */
export default function BlockTable({ features, mask, columns, exportFields, selected, onSelect, fileBase, lang }: BlockTableProps) {
  const [sort, setSort] = useState<Sort | null>(null);
  const [query, setQuery] = useState('');
  const body = useRef<HTMLTableSectionElement>(null);

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const idx: number[] = [];
    features.forEach((f, i) => {
      if (mask && !mask[i]) return;
      if (q && !String(f.properties?.block_id ?? '').toLowerCase().includes(q)) return;
      idx.push(i);
    });
    if (sort) {
      idx.sort((i, j) => {
        const c = compare(features[i].properties?.[sort.field], features[j].properties?.[sort.field]);
        const nullish = (k: number) => features[k].properties?.[sort.field] === null || features[k].properties?.[sort.field] === undefined;
        // no data stays last in both directions
        return nullish(i) || nullish(j) ? c : sort.desc ? -c : c;
      });
    }
    return idx;
  }, [features, mask, query, sort]);

  // bring the (first) selected row into view when the selection comes from the map
  const firstSelected = selected.size ? Math.min(...selected) : -1;
  useEffect(() => {
    if (firstSelected < 0) return;
    body.current?.querySelector(`tr[data-index="${firstSelected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [firstSelected]);

  const shown = rows.slice(0, TABLE_ROW_LIMIT);
  const listed = () => rows.map((i) => features[i]);
  const cell = (f: Feature, c: ManifestField) => {
    const v = f.properties?.[c.name];
    if (v === null || v === undefined) return '–';
    // the unit is in the column header
    if (typeof v === 'number') return formatValue(v, lang);
    return String(v);
  };

  return (
    <section className="table-drawer" aria-label={t(lang, 'table')}>
      <div className="table-toolbar">
        <label>
          <span className="visually-hidden">{t(lang, 'tableSearch')}</span>
          <input type="search" placeholder={t(lang, 'tableSearch')} aria-label={t(lang, 'tableSearch')} value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <span className="muted" role="status">
          {t(lang, 'tableCount', { shown: rows.length, total: features.length })}
        </span>
        <span className="table-export" role="group" aria-label={t(lang, 'exportLabel')}>
          <button type="button" onClick={() => downloadFile(tableCsv(listed(), exportFields), `${fileBase}-bouwblokken.csv`, 'text/csv;charset=utf-8')}>
            {t(lang, 'exportCsv')}
          </button>
          <button type="button" onClick={() => downloadFile(tableGeoJson(listed()), `${fileBase}-bouwblokken.geojson`, 'application/geo+json')}>
            {t(lang, 'exportGeoJson')}
          </button>
        </span>
      </div>
      <div className="table-scroll">
        <table className="block-table">
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.field === c.name;
                const label = localized(c.label, lang);
                const unit = localized(c.unit, lang);
                return (
                  <th key={c.name} scope="col" aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                    <button
                      type="button"
                      onClick={() => setSort(active ? (sort.desc ? null : { field: c.name, desc: true }) : { field: c.name, desc: false })}
                      title={t(lang, 'tableSort', { column: label })}
                    >
                      {label}
                      {unit && unit !== localized(c.label, lang) && <span className="th-unit"> ({unit})</span>}
                      <span aria-hidden="true">{active ? (sort.desc ? ' ▼' : ' ▲') : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody ref={body}>
            {shown.map((i) => {
              const f = features[i];
              const isSelected = selected.has(i);
              return (
                <tr
                  key={i}
                  data-index={i}
                  tabIndex={0}
                  aria-selected={isSelected}
                  className={isSelected ? 'selected' : undefined}
                  onClick={(e) => onSelect(i, e.ctrlKey || e.metaKey || e.shiftKey)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      onSelect(i, e.ctrlKey || e.metaKey || e.shiftKey);
                    }
                  }}
                >
                  {columns.map((c, k) =>
                    k === 0 ? (
                      <th key={c.name} scope="row">
                        {cell(f, c)}
                      </th>
                    ) : (
                      <td key={c.name} className={typeof f.properties?.[c.name] === 'number' ? 'num' : undefined}>
                        {cell(f, c)}
                      </td>
                    ),
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length > shown.length && <p className="muted">{t(lang, 'tableTruncated', { shown: shown.length })}</p>}
      </div>
    </section>
  );
}
