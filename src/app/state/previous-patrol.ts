// The stops of the last patrol plan made in this browser, per atlas, so the next plan (the next day)
// can avoid them — the planner's "do not repeat yesterday" penalty. Kept in localStorage as WGS84.

/** A stored plan: when it was made and its stop points [lon, lat]. */
export interface PreviousPatrol {
  /** ISO date-time of the plan. */
  made: string;
  stops: [number, number][];
}

const keyOf = (atlas: string) => `wijkatlas.patrol.previous.${atlas}`;

/** The stored plan of this atlas, or null (none, unreadable, or no storage in this browser). */
export function loadPreviousPatrol(atlas: string): PreviousPatrol | null {
  try {
    const raw = globalThis.localStorage?.getItem(keyOf(atlas));
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<PreviousPatrol>;
    const ok = typeof v.made === 'string' && Array.isArray(v.stops) && v.stops.every((p) => Array.isArray(p) && p.length === 2 && p.every(Number.isFinite));
    return ok ? (v as PreviousPatrol) : null;
  } catch {
    return null;
  }
}

/** Stores a plan as this atlas's previous one (silently skipped without storage, e.g. private mode). */
export function savePreviousPatrol(atlas: string, plan: PreviousPatrol): void {
  try {
    globalThis.localStorage?.setItem(keyOf(atlas), JSON.stringify(plan));
  } catch {
    // no storage: the next plan simply cannot avoid this one
  }
}

/**
 * How many of `stops` lie farther than `radius` metres from every previous stop (planar points).
 *
 * @returns the count of new stops
 */
export function newStopCount(stops: readonly (readonly [number, number])[], previous: readonly (readonly [number, number])[], radius: number): number {
  return stops.filter((p) => previous.every((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) > radius)).length;
}
