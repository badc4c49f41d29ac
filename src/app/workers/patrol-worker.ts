// Web worker: plans patrol routes off the main thread, so the map and the panel stay responsive while
// the search runs. Start it with
//   new Worker(new URL('./workers/patrol-worker.ts', import.meta.url), { type: 'module' })
// and post a PatrolRequest; it answers a PatrolResponse or PatrolFailure with the same requestId.
import { serveJobs } from './serve-jobs.ts';
import { runPatrolJob, type PatrolRequest } from './patrol-job.ts';

serveJobs<PatrolRequest>(runPatrolJob);
