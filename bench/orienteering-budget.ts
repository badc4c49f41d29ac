/**
 * `npx tsx bench/orienteering-budget.ts --instance F --tmax T [--seeds 1,2,3] [--time-limit S]`: solves
 * a benchmark instance with its budget replaced by T (one thread per seed in turn, default 8 s each),
 * printing each seed's score and routes (point indices in input order, start and end left out) with
 * their exact lengths. Shows how much budget a published score needs: run it just above and just
 * below a route length that bench/orienteering-route-order.ts reports.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readOrienteeringInstance } from '../src/core/routes/read-orienteering-instance.ts';
import { solveOrienteeringInstance } from '../src/core/routes/solve-orienteering-instance.ts';

const { values } = parseArgs({ options: { instance: { type: 'string' }, tmax: { type: 'string' }, seeds: { type: 'string' }, 'time-limit': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
const tmax = Number(values.tmax);
if (values.help || !values.instance || !(tmax > 0)) {
  console.log('Usage: npx tsx bench/orienteering-budget.ts --instance F --tmax T [--seeds 1,2,3] [--time-limit S]');
  process.exit(values.help ? 0 : 1);
}
const inst = readOrienteeringInstance(readFileSync(values.instance, 'utf8'), values.instance);
const ms = Number(values['time-limit'] ?? 8) * 1000;
for (const seed of (values.seeds ?? '1,2,3').split(',').map(Number)) {
  const a = solveOrienteeringInstance({ ...inst, tmax }, { seed, now: () => performance.now(), timeBudget: ms });
  const routes = a.routes.map((r, i) => `${r.slice(1, -1).join(' ')} [${a.route_lengths[i].toFixed(6)}]`);
  console.log(`tmax ${tmax} (file: ${inst.tmax}), seed ${seed}: score ${a.score}, ${a.iterations} rounds | ${routes.join(' | ')}`);
}
