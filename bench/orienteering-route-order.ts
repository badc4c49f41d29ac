/**
 * `npx tsx bench/orienteering-route-order.ts --instance F --route "i j k …" [--route …]`: for each route
 * (point indices in input order, start and end left out), the exact shortest order through its points
 * from the instance's start to its end (Held–Karp, at most 20 points) and its length against tmax,
 * with exact (unrounded) Euclidean distances, as the solver measures them, and with distances rounded
 * to two decimals. Shows whether a set of points can be one route at all, whatever a search found.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readOrienteeringInstance } from '../src/core/routes/read-orienteering-instance.ts';
import { shortestVisitOrder } from '../src/core/routes/shortest-visit-order.ts';

const { values } = parseArgs({ options: { instance: { type: 'string' }, route: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } } });
if (values.help || !values.instance || !values.route?.length) {
  console.log('Usage: npx tsx bench/orienteering-route-order.ts --instance F --route "i j k …" [--route …]');
  process.exit(values.help ? 0 : 1);
}
const inst = readOrienteeringInstance(readFileSync(values.instance, 'utf8'), values.instance);
const { points, start, end, tmax } = inst;
const n = points.length;
const exact = new Float64Array(n * n);
const rounded = new Float64Array(n * n);
for (let i = 0; i < n; i++) {
  for (let j = 0; j < n; j++) {
    exact[i * n + j] = Math.hypot(points[i].x - points[j].x, points[i].y - points[j].y);
    rounded[i * n + j] = Math.round(exact[i * n + j] * 100) / 100;
  }
}
let total = 0;
for (const text of values.route) {
  const nodes = text.trim().split(/[\s,]+/).map(Number);
  const t = performance.now();
  // checks the indices (range, repeats, start or end among them) before they are used below
  const best = shortestVisitOrder(exact, n, start, end, nodes);
  const ms = performance.now() - t;
  const score = nodes.reduce((s, v) => s + points[v].score, 0);
  total += score;
  const r = shortestVisitOrder(rounded, n, start, end, nodes);
  const fits = (x: number) => (x <= tmax + 1e-9 ? 'fits' : 'EXCEEDS');
  console.log(`${nodes.length} points, score ${score}: exact ${best.length.toFixed(6)} (${fits(best.length)} tmax ${tmax}), rounded to 0.01: ${r.length.toFixed(2)} (${fits(r.length)}); best order ${best.order.join(' ')} [${ms.toFixed(0)} ms]`);
}
console.log(`total score ${total}`);
