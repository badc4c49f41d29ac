// Filters on block properties. They select blocks (a 0/1 mask in feature order) and never copy or
// change features; the map fades what is filtered out and the table leaves it out.
import type { Feature } from 'geojson';

export type BlockFilter =
  | { kind: 'range'; field: string; /** inclusive; null = open */ min: number | null; max: number | null }
  | { kind: 'category'; field: string; /** the values that pass */ values: string[] };

/** The text a property is compared as in a category filter ('' for missing). */
export function categoryOf(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Whether one feature passes every filter. A range filter fails a block without a number for its field. */
export function passes(feature: Feature, filters: readonly BlockFilter[]): boolean {
  const props = feature.properties ?? {};
  for (const f of filters) {
    const v = props[f.field];
    if (f.kind === 'range') {
      if (f.min === null && f.max === null) continue;
      if (typeof v !== 'number' || !Number.isFinite(v)) return false;
      if (f.min !== null && v < f.min) return false;
      if (f.max !== null && v > f.max) return false;
    } else if (!f.values.includes(categoryOf(v))) return false;
  }
  return true;
}

/** 1 for every feature that passes all filters, 0 for the others, in feature order; null when no filter is set. */
export function filterMask(features: readonly Feature[], filters: readonly BlockFilter[]): Uint8Array | null {
  const active = filters.filter((f) => (f.kind === 'range' ? f.min !== null || f.max !== null : true));
  if (active.length === 0) return null;
  const mask = new Uint8Array(features.length);
  features.forEach((f, i) => {
    mask[i] = passes(f, active) ? 1 : 0;
  });
  return mask;
}

/** Distinct values of a text field with how often they occur, most frequent first; for category filters. */
export function categories(features: readonly Feature[], field: string): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of features) {
    const c = categoryOf(f.properties?.[field]);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
