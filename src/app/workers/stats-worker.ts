// Web worker: Gi*, LISA and global Moran with 999 permutations off the main thread, so the map never
// freezes. Start it with
//   new Worker(new URL('./workers/stats-worker.ts', import.meta.url), { type: 'module' })
// and post a HotspotRequest; it answers a HotspotResponse or HotspotFailure with the same requestId.
import { serveJobs } from './serve-jobs.ts';
import { runHotspotJob, type HotspotRequest } from './hotspot-job.ts';

serveJobs<HotspotRequest>(runHotspotJob);
