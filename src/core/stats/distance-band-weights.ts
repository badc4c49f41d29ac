import Flatbush from 'flatbush';
import { UserError } from '../user-error.ts';
import { weightsFromLists, type SpatialWeights } from './spatial-weights.ts';

export interface DistanceBandOptions {
  /** Weight links by inverse distance 1 / d^power instead of 1. Default false. */
  inverse?: boolean;
  /** Power of the inverse distance. Default 1. */
  power?: number;
  /** Unit ids (default: index as text). */
  ids?: readonly string[];
}

/**
 * Distance-band weights: i and j are neighbours when their distance is at most `threshold`
 * (metres, planar, projected CRS). Binary, or inverse-distance with `inverse` (style 'none'; two
 * units at the same place make inverse distance undefined and are refused). Units with nobody
 * within the band are islands: check weightsDiagnostics and widen the band.
 *
 * @param xs x coordinates (metres)
 * @param ys y coordinates (metres)
 * @param threshold band in metres (> 0)
 * @param options inverse, power, ids
 * @returns symmetric weights
 * @example
 * distanceBandWeights(xs, ys, 250, { inverse: true });
 */
export function distanceBandWeights(xs: Float64Array, ys: Float64Array, threshold: number, options: DistanceBandOptions = {}): SpatialWeights {
  const n = xs.length;
  if (!(threshold > 0 && Number.isFinite(threshold))) throw new UserError(`distance weights: expected a band in metres > 0, found ${threshold}. Use e.g. --weights distance:250.`);
  const power = options.power ?? 1;
  if (!(power > 0 && Number.isFinite(power))) throw new UserError(`distance weights: expected a power > 0 for inverse distance, found ${power}.`);
  const ids = options.ids ? [...options.ids] : Array.from({ length: n }, (_, i) => String(i));
  const lists: number[][] = new Array(n);
  const values: number[][] = new Array(n);
  if (n === 0) return weightsFromLists(ids, [], { kind: `distance:${threshold}` });
  const index = new Flatbush(n);
  for (let i = 0; i < n; i++) index.add(xs[i], ys[i], xs[i], ys[i]);
  index.finish();
  const t2 = threshold * threshold;
  for (let i = 0; i < n; i++) {
    const hits = index.search(xs[i] - threshold, ys[i] - threshold, xs[i] + threshold, ys[i] + threshold);
    const row: number[] = [];
    const w: number[] = [];
    for (const j of hits) {
      if (j === i) continue;
      const d2 = (xs[j] - xs[i]) ** 2 + (ys[j] - ys[i]) ** 2;
      if (d2 > t2) continue;
      if (options.inverse && d2 === 0) {
        throw new UserError(`distance weights: units "${ids[i]}" and "${ids[j]}" are at the same place, so inverse distance is undefined; expected distinct locations. Merge them or use binary distance weights.`);
      }
      row.push(j);
      w.push(options.inverse ? Math.pow(d2, -power / 2) : 1);
    }
    lists[i] = row;
    values[i] = w;
  }
  const kind = options.inverse ? `distance:${threshold}:inverse${power === 1 ? '' : `:${power}`}` : `distance:${threshold}`;
  return weightsFromLists(ids, lists, { values, style: options.inverse ? 'none' : 'B', kind });
}
