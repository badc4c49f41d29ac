import { UserError } from '../user-error.ts';

/** An orienteering benchmark instance: points in input order, with start and end indices. */
export interface OrienteeringInstance {
  format: 'chao-top' | 'tsiligirides';
  /** Number of routes (teams). */
  teams: number;
  /** Maximum length of each route. */
  tmax: number;
  /** Points in input order (0-based index = row of the point in the file). */
  points: Array<{ x: number; y: number; score: number }>;
  start: number;
  end: number;
}

const numbers = (line: string) => line.trim().split(/[\s,;]+/).filter(Boolean).map(Number);

/**
 * Reads the two standard orienteering instance formats, detected from the first line:
 * - Chao, Golden & Wasil (1996) TOP: `n N`, `m TEAMS`, `tmax T`, then `x y score` rows; the first row
 *   is the start, the last row the end.
 * - Tsiligirides (1984): first line `Tmax paths`, then `x y score` rows; the first row is the start
 *   and the second the end.
 *
 * @param text - the file's text
 * @param name - file name for error messages
 * @returns the instance
 * @example
 * readOrienteeringInstance('n 3\nm 1\ntmax 5\n0 0 0\n1 0 5\n0 0 0\n', 'tiny.txt');
 */
export function readOrienteeringInstance(text: string, name = 'instance'): OrienteeringInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0 && !l.startsWith('#'));
  if (lines.length === 0) throw new UserError(`${name}: expected an orienteering instance (Chao "n/m/tmax" header or Tsiligirides "Tmax paths" line), found an empty file.`);
  const rows = (from: number) =>
    lines.slice(from).map((l, i) => {
      const v = numbers(l);
      if (v.length < 3 || v.slice(0, 3).some((x) => !Number.isFinite(x))) {
        throw new UserError(`${name}, line ${from + i + 1}: expected "x y score", found "${l}". Fix the row.`);
      }
      return { x: v[0], y: v[1], score: v[2] };
    });
  if (/^n\s/i.test(lines[0])) {
    const header = (i: number, key: string) => {
      const m = new RegExp(`^${key}\\s+(\\S+)$`, 'i').exec(lines[i] ?? '');
      const v = m ? Number(m[1]) : NaN;
      if (!Number.isFinite(v)) throw new UserError(`${name}, line ${i + 1}: expected "${key} <number>" (Chao TOP header), found "${lines[i] ?? ''}".`);
      return v;
    };
    const n = header(0, 'n');
    const teams = header(1, 'm');
    const tmax = header(2, 'tmax');
    const points = rows(3);
    if (points.length !== n) throw new UserError(`${name}: the header says n ${n}, found ${points.length} point rows. Fix the header or the rows.`);
    if (n < 2) throw new UserError(`${name}: expected at least a start and an end row, found ${n} row(s).`);
    if (!Number.isInteger(teams) || teams < 1) throw new UserError(`${name}: expected "m" to be a positive whole number of teams, found ${teams}.`);
    return { format: 'chao-top', teams, tmax, points, start: 0, end: n - 1 };
  }
  const head = numbers(lines[0]);
  if (head.length !== 2 || head.some((x) => !Number.isFinite(x))) {
    throw new UserError(`${name}, line 1: expected a Chao header "n N" or a Tsiligirides header "Tmax paths", found "${lines[0]}".`);
  }
  const points = rows(1);
  if (points.length < 2) throw new UserError(`${name}: expected at least a start and an end row, found ${points.length} row(s).`);
  const teams = head[1];
  if (!Number.isInteger(teams) || teams < 1) throw new UserError(`${name}, line 1: expected a positive whole number of paths, found ${teams}.`);
  return { format: 'tsiligirides', teams, tmax: head[0], points, start: 0, end: 1 };
}
