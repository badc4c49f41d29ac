import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planPatrolWgs84 } from '../../src/core/routes/plan-patrol-wgs84.ts';
import { runPatrolJob, type PatrolRequest } from '../../src/app/workers/patrol-job.ts';

const root = path.resolve(__dirname, '../..');
const streets = JSON.parse(readFileSync(path.join(root, 'layers/streets.geojson'), 'utf8'));
const blocks = JSON.parse(readFileSync(path.join(root, 'layers/blocks.geojson'), 'utf8'));
const incidents = { kind: 'counts' as const, data: blocks, countField: 'incidents_total' };
const options = { teams: 2, shiftMinutes: 60, dwellMinutes: 12, seed: 3, maxIterations: 40, startClock: 18 * 60 };
const request = (over: Partial<PatrolRequest> = {}): PatrolRequest => ({ requestId: 7, streets, incidents, start: [4.4937, 51.0206], options, ...over });
let tick = 0;
const clock = () => (tick += 5);

describe('runPatrolJob (the patrol worker’s work)', () => {
  it('answers the request with the planner’s routes, as planned on the main thread', () => {
    const res = runPatrolJob(request(), clock);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.requestId).toBe(7);
    const direct = planPatrolWgs84(streets, incidents, [4.4937, 51.0206], options);
    expect(res.result.features).toEqual(direct.features);
    expect(res.result.coveredShare).toBe(direct.coveredShare);
    expect(res.result.plan.routes).toHaveLength(2);
    expect(res.millis).toBeGreaterThan(0);
    // what goes back to the page survives the structured clone of postMessage
    expect(structuredClone(res)).toEqual(res);
  });

  it('reports bad input as a user error with the planner’s message', () => {
    const res = runPatrolJob(request({ options: { ...options, teams: 0 } }), clock);
    expect(res).toMatchObject({ requestId: 7, ok: false, userError: true });
    if (res.ok) return;
    expect(res.message).toMatch(/team/i);
    expect(res.stack).toBeUndefined();
  });

  it('reports a bug with its stack', () => {
    const res = runPatrolJob(request({ streets: null as never }), clock);
    expect(res).toMatchObject({ ok: false, userError: false });
    if (res.ok) return;
    expect(res.stack).toMatch(/at /);
  });
});
