// The shareable part of the app state, read from the URL once at start-up (main.tsx) and written back
// with history.replaceState. Unknown or malformed parameters are ignored, never fatal.
import { CLASSIFICATION_METHODS, DIVERGING_SCHEMES, MAX_CLASSES, MIN_CLASSES, SEQUENTIAL_SCHEMES, type ClassificationMethod, type PaletteScheme } from '../../core/classify/index.ts';
import type { Lang } from '../i18n.ts';
import type { BlockFilter } from './filters.ts';

/** One entry of the layers panel. */
export interface LayerState {
  id: string;
  visible: boolean;
  /** 0 … 1 */
  opacity: number;
}

export interface MapView {
  longitude: number;
  latitude: number;
  zoom: number;
}

/** Everything a shared link can carry; absent fields take the app's defaults. */
export interface UrlState {
  lang?: Lang;
  indicator?: string;
  method?: ClassificationMethod;
  classes?: number;
  scheme?: PaletteScheme;
  reverse?: boolean;
  /** Locked (or manual) class breaks. */
  breaks?: number[];
  /** Layers, top of the drawing order first. */
  layers?: LayerState[];
  view?: MapView;
  /** Selected block ids. */
  selected?: string[];
  table?: boolean;
  /** Block filters (ranges and category check boxes). */
  filters?: BlockFilter[];
}

/**
 * Filters as one parameter: `r~field~min~max` (empty bound = open) and `c~field~value|value` (`c~field`:
 * no value passes), joined by `;`; field names and values are percent-encoded (`~` too), so any text survives.
 */
export function encodeFilters(filters: readonly BlockFilter[]): string {
  const e = (s: string) => encodeURIComponent(s).replace(/~/g, '%7E');
  return filters
    .map((f) => (f.kind === 'range' ? `r~${e(f.field)}~${f.min ?? ''}~${f.max ?? ''}` : f.values.length === 0 ? `c~${e(f.field)}` : `c~${e(f.field)}~${f.values.map(e).join('|')}`))
    .join(';');
}

/** The inverse of encodeFilters; malformed parts are skipped. */
export function decodeFilters(text: string): BlockFilter[] {
  const out: BlockFilter[] = [];
  const d = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return null;
    }
  };
  const bound = (s: string) => (s === '' ? null : Number.isFinite(Number(s)) ? Number(s) : undefined);
  for (const part of text.split(';')) {
    const [kind, rawField, a, b] = part.split('~');
    const field = rawField === undefined ? null : d(rawField);
    if (!field) continue;
    if (kind === 'r' && a !== undefined && b !== undefined) {
      const min = bound(a);
      const max = bound(b);
      if (min !== undefined && max !== undefined) out.push({ kind: 'range', field, min, max });
    } else if (kind === 'c' && b === undefined) {
      // no third part: nothing passes; an empty third part: only blocks without a value pass
      const values = a === undefined ? [] : a.split('|').map(d);
      if (values.every((v): v is string => v !== null)) out.push({ kind: 'category', field, values });
    }
  }
  return out;
}

const SCHEMES: readonly string[] = [...SEQUENTIAL_SCHEMES, ...DIVERGING_SCHEMES];
const ID = /^[\w.-]{1,80}$/;

function numbers(text: string | null): number[] | undefined {
  if (!text) return undefined;
  const list = text.split(',').map(Number);
  return list.length && list.every(Number.isFinite) ? list : undefined;
}

/** Parse a query string (`?ind=pct_renters&cls=jenks&k=4&view=4.49,51.02,15.5`). */
export function parseUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const state: UrlState = {};
  if (p.get('lang')?.toLowerCase() === 'en') state.lang = 'en';
  const ind = p.get('ind');
  if (ind && ID.test(ind)) state.indicator = ind;
  const cls = p.get('cls');
  if (cls && (CLASSIFICATION_METHODS as readonly string[]).includes(cls)) state.method = cls as ClassificationMethod;
  const k = Number(p.get('k'));
  if (Number.isInteger(k) && k >= MIN_CLASSES && k <= MAX_CLASSES) state.classes = k;
  const pal = p.get('pal');
  if (pal && SCHEMES.includes(pal)) state.scheme = pal as PaletteScheme;
  if (p.get('rev') === '1') state.reverse = true;
  const brk = numbers(p.get('brk'));
  if (brk && brk.length <= MAX_CLASSES - 1 && brk.every((b, i) => i === 0 || b >= brk[i - 1])) state.breaks = brk;
  const lyr = p.get('lyr');
  if (lyr) {
    const layers: LayerState[] = [];
    for (const part of lyr.split(',')) {
      const m = /^(-?)([\w.-]{1,80}):(\d{1,3})$/.exec(part);
      if (m) layers.push({ id: m[2], visible: m[1] !== '-', opacity: Math.min(100, Number(m[3])) / 100 });
    }
    if (layers.length) state.layers = layers;
  }
  const view = numbers(p.get('view'));
  if (view && view.length === 3 && Math.abs(view[0]) <= 180 && Math.abs(view[1]) <= 85 && view[2] >= 0 && view[2] <= 24) {
    state.view = { longitude: view[0], latitude: view[1], zoom: view[2] };
  }
  const sel = p.get('sel');
  if (sel) {
    const ids = sel.split(',').filter((s) => ID.test(s));
    if (ids.length) state.selected = ids;
  }
  if (p.get('tab') === '1') state.table = true;
  const flt = p.get('flt');
  if (flt) {
    const filters = decodeFilters(flt);
    if (filters.length) state.filters = filters;
  }
  return state;
}

/** Write `state` into the query of `url` (other parameters are kept); returns the new URL string. */
export function writeUrlState(url: string, state: UrlState): string {
  const u = new URL(url);
  const p = u.searchParams;
  const set = (key: string, value: string | undefined) => (value === undefined || value === '' ? p.delete(key) : p.set(key, value));
  set('lang', state.lang === 'en' ? 'en' : undefined);
  set('ind', state.indicator);
  set('cls', state.method);
  set('k', state.classes === undefined ? undefined : String(state.classes));
  set('pal', state.scheme);
  set('rev', state.reverse ? '1' : undefined);
  set('brk', state.breaks?.length ? state.breaks.map((b) => String(Number(b.toPrecision(10)))).join(',') : undefined);
  set('lyr', state.layers?.map((l) => `${l.visible ? '' : '-'}${l.id}:${Math.round(l.opacity * 100)}`).join(','));
  set('view', state.view ? `${state.view.longitude.toFixed(5)},${state.view.latitude.toFixed(5)},${state.view.zoom.toFixed(2)}` : undefined);
  set('sel', state.selected?.length ? state.selected.join(',') : undefined);
  set('tab', state.table ? '1' : undefined);
  set('flt', state.filters?.length ? encodeFilters(state.filters) : undefined);
  return u.toString();
}
