// The work the patrol worker does, as a plain function (so tests and the main thread can run it too):
// plan the patrol routes in WGS84 with the core planner and report a user error as a message.
import type { FeatureCollection } from 'geojson';
import { planPatrolWgs84, type PatrolIncidentInput, type PatrolWgs84Result } from '../../core/routes/plan-patrol-wgs84.ts';
import { isUserError } from '../../core/user-error.ts';

export interface PatrolRequest {
  /** Matches the response to the request (a newer request supersedes older ones). */
  requestId: number;
  streets: FeatureCollection;
  incidents: PatrolIncidentInput;
  start: readonly [number, number];
  /** planPatrolWgs84's options without the clock (the job is given one). */
  options: Omit<Parameters<typeof planPatrolWgs84>[3], 'now'>;
}

export interface PatrolResponse {
  requestId: number;
  ok: true;
  result: PatrolWgs84Result;
  /** Milliseconds the planning took. */
  millis: number;
}

export interface PatrolFailure {
  requestId: number;
  ok: false;
  /** True for bad input (the message is for the user); false for a bug (the stack comes along). */
  userError: boolean;
  message: string;
  stack?: string;
}

/**
 * Plans the routes of a PatrolRequest.
 *
 * @param req - streets, incidents, start and planner options
 * @param now - clock in milliseconds (the time limit and the reported duration)
 * @returns the plan, or a failure: a user error's message, or a bug's message and stack
 */
export function runPatrolJob(req: PatrolRequest, now: () => number): PatrolResponse | PatrolFailure {
  const t0 = now();
  try {
    const result = planPatrolWgs84(req.streets, req.incidents, req.start, { ...req.options, now });
    return { requestId: req.requestId, ok: true, result, millis: now() - t0 };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    if (isUserError(err)) return { requestId: req.requestId, ok: false, userError: true, message: e.message };
    return { requestId: req.requestId, ok: false, userError: false, message: e.message, stack: e.stack };
  }
}
