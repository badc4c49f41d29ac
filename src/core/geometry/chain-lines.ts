import type { XY } from '../types.ts';

/**
 * Chains polylines that meet end to end into runs: a street drawn as several parts (OSM ways split at
 * every junction, some drawn backwards) becomes one line. Two parts join where exactly two part ends
 * meet; where three or more meet (a fork, a street crossing itself) runs end. Ends meet when their
 * coordinates agree to `digits` decimals.
 *
 * @param lines - polylines of at least two points, in any planar unit
 * @param digits - decimals compared (default 3: a millimetre in metres)
 * @returns the runs, each a polyline; every input point is in exactly one run (shared ends once)
 * @example
 * chainLines([[[0, 0], [1, 0]], [[2, 0], [1, 0]]]); // → [[[0, 0], [1, 0], [2, 0]]]
 */
export function chainLines(lines: readonly (readonly XY[])[], digits = 3): XY[][] {
  const key = (p: XY) => `${p[0].toFixed(digits)},${p[1].toFixed(digits)}`;
  const ends = new Map<string, number[]>();
  lines.forEach((l, i) => {
    for (const p of [l[0], l[l.length - 1]]) {
      const list = ends.get(key(p));
      if (list) list.push(i);
      else ends.set(key(p), [i]);
    }
  });
  const used = new Set<number>();
  const next = (p: XY): number | null => {
    const all = ends.get(key(p)) ?? [];
    const free = all.filter((i) => !used.has(i));
    return all.length === 2 && free.length === 1 ? free[0] : null;
  };
  const degree = (p: XY) => ends.get(key(p))?.length ?? 0;
  const runs: XY[][] = [];
  // parts with a free end (not exactly two ends there) first, so an open street is walked from its end
  const order = lines.map((_, i) => i).sort((a, b) => Number(degree(lines[b][0]) !== 2) - Number(degree(lines[a][0]) !== 2) || a - b);
  for (const first of order) {
    if (used.has(first)) continue;
    used.add(first);
    let run: XY[] = lines[first].slice();
    for (let i = next(run[run.length - 1]); i !== null; i = next(run[run.length - 1])) {
      used.add(i);
      const l = lines[i];
      run = run.concat((key(l[0]) === key(run[run.length - 1]) ? l : l.slice().reverse()).slice(1));
    }
    for (let i = next(run[0]); i !== null; i = next(run[0])) {
      used.add(i);
      const l = lines[i];
      run = (key(l[l.length - 1]) === key(run[0]) ? l : l.slice().reverse()).slice(0, -1).concat(run);
    }
    runs.push(run);
  }
  return runs;
}
