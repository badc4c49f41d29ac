import { afterEach, describe, expect, it } from 'vitest';
import { loadPreviousPatrol, newStopCount, savePreviousPatrol } from '../../src/app/state/previous-patrol.ts';

const g = globalThis as { localStorage?: unknown };
afterEach(() => {
  delete g.localStorage;
});
function fakeStorage() {
  const m = new Map<string, string>();
  g.localStorage = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  return m;
}

describe('previous patrol plan (app, per atlas)', () => {
  it('stores and reads the last plan per atlas; ignores broken entries and missing storage', () => {
    expect(loadPreviousPatrol('a')).toBeNull(); // no storage at all
    savePreviousPatrol('a', { made: '2026-11-27T18:00:00Z', stops: [[4.49, 51.02]] }); // no throw
    const m = fakeStorage();
    savePreviousPatrol('arsenaal', { made: '2026-11-27T18:00:00Z', stops: [[4.49, 51.02], [4.5, 51.03]] });
    expect(loadPreviousPatrol('arsenaal')).toEqual({ made: '2026-11-27T18:00:00Z', stops: [[4.49, 51.02], [4.5, 51.03]] });
    expect(loadPreviousPatrol('other')).toBeNull();
    m.set('wijkatlas.patrol.previous.bad', '{"made": 1, "stops": []}');
    expect(loadPreviousPatrol('bad')).toBeNull();
    m.set('wijkatlas.patrol.previous.broken', '{not json');
    expect(loadPreviousPatrol('broken')).toBeNull();
  });

  it('counts the stops farther than the radius from every previous stop', () => {
    const previous: [number, number][] = [[0, 0], [100, 0]];
    expect(newStopCount([[10, 10], [100, 29], [200, 0], [0, 31]], previous, 30)).toBe(2);
    expect(newStopCount([], previous, 30)).toBe(0);
    expect(newStopCount([[5, 5]], [], 30)).toBe(1);
  });
});
