// Worker-thread entry of solve-orienteering-parallel.ts: the sources are TypeScript, so the worker
// registers tsx (as bin/wijkatlas.mjs does) before loading them.
import { register } from 'tsx/esm/api';

register();
const { workerMain } = await import('./solve-orienteering-parallel.ts');
workerMain();
