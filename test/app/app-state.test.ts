import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseBreaks } from '../../src/app/components/ClassificationControls.tsx';
import { tileUrl } from '../../src/app/map-layers/basemap-layer.ts';
import { categories, filterMask } from '../../src/app/state/filters.ts';
import { csvCell, tableCsv, tableGeoJson } from '../../src/app/state/table-export.ts';
import { decodeFilters, encodeFilters, parseUrlState, writeUrlState } from '../../src/app/state/url-state.ts';

const block = (properties: Record<string, unknown>): Feature => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [0, 0] } });

describe('URL state', () => {
  it('round-trips indicator, classification, layers, view, selection and table', () => {
    const state = {
      lang: 'en' as const,
      indicator: 'pct_renters',
      method: 'jenks' as const,
      classes: 4,
      scheme: 'RdBu' as const,
      reverse: true,
      breaks: [10, 20.5, 30],
      layers: [
        { id: 'blocks', visible: true, opacity: 0.8 },
        { id: 'streets', visible: false, opacity: 1 },
      ],
      view: { longitude: 4.49123, latitude: 51.01866, zoom: 15.25 },
      selected: ['A03', 'B01'],
      table: true,
    };
    const url = writeUrlState('http://localhost/?keep=1', state);
    expect(new URL(url).searchParams.get('keep')).toBe('1');
    expect(parseUrlState(new URL(url).search)).toEqual(state);
  });

  it('round-trips filters, whatever their values contain', () => {
    const filters = [
      { kind: 'range' as const, field: 'pct_renters', min: 20.5, max: null },
      { kind: 'range' as const, field: 'dwellings', min: null, max: 40 },
      { kind: 'category' as const, field: 'remark', values: ['a;b', 'c|d', 'e~f', 'ù %', ''] },
      { kind: 'category' as const, field: 'survey_status', values: [] },
    ];
    const url = writeUrlState('http://localhost/', { filters });
    expect(parseUrlState(new URL(url).search).filters).toEqual(filters);
    expect(encodeFilters(filters.slice(0, 1))).toBe('r~pct_renters~20.5~');
    expect(decodeFilters('r~x~abc~;c~~a;q~y~1~2;c~%E0~a')).toEqual([]);
  });

  it('ignores what it does not understand instead of failing', () => {
    expect(parseUrlState('?cls=magic&k=42&pal=Rainbow&brk=3,2&lyr=<x>:50&view=999,1,1&ind=a%20b&sel=<img>')).toEqual({});
    expect(parseUrlState('')).toEqual({});
  });

  it('drops defaults from the URL', () => {
    const url = writeUrlState('http://localhost/?ind=old&lang=en', { lang: 'nl', indicator: 'x' });
    expect(new URL(url).search).toBe('?ind=x');
  });
});

describe('filters', () => {
  const features = [
    block({ v: 5, kind: 'block' }),
    block({ v: 15, kind: 'rail-land' }),
    block({ v: null, kind: 'block' }),
    block({ v: 25, kind: null }),
  ];

  it('range filters are inclusive and fail blocks without data; category filters keep the listed values', () => {
    expect(filterMask(features, [])).toBeNull();
    expect(filterMask(features, [{ kind: 'range', field: 'v', min: null, max: null }])).toBeNull();
    expect(Array.from(filterMask(features, [{ kind: 'range', field: 'v', min: 5, max: 15 }]) ?? [])).toEqual([1, 1, 0, 0]);
    expect(Array.from(filterMask(features, [{ kind: 'category', field: 'kind', values: ['block', ''] }]) ?? [])).toEqual([1, 0, 1, 1]);
    expect(
      Array.from(
        filterMask(features, [
          { kind: 'range', field: 'v', min: 10, max: null },
          { kind: 'category', field: 'kind', values: ['block', ''] },
        ]) ?? [],
      ),
    ).toEqual([0, 0, 0, 1]);
  });

  it('lists categories, most frequent first', () => {
    expect(categories(features, 'kind')).toEqual([
      { value: 'block', count: 2 },
      { value: '', count: 1 },
      { value: 'rail-land', count: 1 },
    ]);
  });
});

describe('table export', () => {
  it('writes CSV for Belgian Excel: BOM, semicolons, decimal comma, CRLF, quoting', () => {
    const csv = tableCsv([block({ id: 'A01', v: 12.5, n: -3, t: 'a;b "c"' }), block({ id: 'A02', v: null, n: 1000, t: '=1+1' })], ['id', 'v', 'n', 't']);
    expect(csv).toBe('\uFEFFid;v;n;t\r\nA01;12,5;-3;"a;b ""c"""\r\nA02;;1000;\'=1+1\r\n');
  });

  it('defuses formula cells and keeps HTML as plain text', () => {
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(NaN)).toBe('');
  });

  it('writes the listed features as a FeatureCollection', () => {
    const f = block({ id: 'A01' });
    expect(JSON.parse(tableGeoJson([f]))).toEqual({ type: 'FeatureCollection', features: [f] });
  });
});

describe('manual breaks and tile URLs', () => {
  it('parses breaks in the conventions of the language and refuses unordered ones', () => {
    expect(parseBreaks('20; 40,5; 60', 'nl')).toEqual([20, 40.5, 60]);
    expect(parseBreaks('1.000; 2.000', 'nl')).toEqual([1000, 2000]);
    expect(parseBreaks('20; 40.5; 1,000', 'en')).toEqual([20, 40.5, 1000]);
    expect(parseBreaks('40; 20', 'nl')).toBeNull();
    expect(parseBreaks('abc', 'en')).toBeNull();
    expect(parseBreaks('', 'en')).toBeNull();
  });

  it('fills XYZ and WMTS templates', () => {
    expect(tileUrl('https://t/{z}/{x}/{y}.png', 3, 5, 7)).toBe('https://t/7/3/5.png');
    expect(tileUrl('https://w?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}', 3, 5, 7)).toBe('https://w?TILEMATRIX=7&TILEROW=5&TILECOL=3');
  });
});
