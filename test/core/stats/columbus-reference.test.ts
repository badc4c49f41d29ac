// Acceptance: Wijkatlas reproduces R spdep 1.2-7 on Columbus CRIME to 1e-9 relative, with the spdep and
// libpysal neighbour files and with queen/rook weights built from the polygons.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contiguityWeights } from '../../../src/core/stats/contiguity-weights.ts';
import { gearyC } from '../../../src/core/stats/geary-c.ts';
import { getisOrd } from '../../../src/core/stats/getis-ord.ts';
import { globalMoran } from '../../../src/core/stats/global-moran.ts';
import { localMoran } from '../../../src/core/stats/local-moran.ts';
import { readGal } from '../../../src/core/stats/read-gal.ts';
import type { SpatialWeights } from '../../../src/core/stats/spatial-weights.ts';
import { transformWeights } from '../../../src/core/stats/transform-weights.ts';
import { weightsDiagnostics } from '../../../src/core/stats/weights-diagnostics.ts';
import { COLUMBUS_DIR, HAS_COLUMBUS, loadColumbus, readReferenceCsv, relativeError, type Columbus } from './columbus.ts';

const TOL = 1e-9;
if (!HAS_COLUMBUS) console.warn(`Columbus spdep comparison skipped: ${COLUMBUS_DIR} or ../shared/reference/columbus is absent (CI has ../shared beside the repo).`);

describe.skipIf(!HAS_COLUMBUS)('Columbus CRIME against R spdep 1.2-7 (1e-9 relative)', () => {
  let data: Columbus;
  let weights: Record<string, SpatialWeights>;
  let global: Record<string, string | number>[];
  let local: Record<string, string | number>[];

  beforeAll(async () => {
    data = await loadColumbus();
    const gal = (name: string) => readGal(readFileSync(path.join(COLUMBUS_DIR, name), 'utf8'), data.ids, name);
    weights = {
      queen: contiguityWeights(data.features, { criterion: 'queen', ids: data.ids }),
      rook: contiguityWeights(data.features, { criterion: 'rook', ids: data.ids }),
      spdep_COL_nb: gal('columbus-spdep-COL.nb.gal'),
      libpysal_queen_gal: gal('columbus-libpysal-queen.gal'),
    };
    global = readReferenceCsv('global.csv');
    local = readReferenceCsv('local.csv');
  });

  it('has the reference rows it compares (4 weights × 2 styles × 2 assumptions; 4 × 49 local rows)', () => {
    expect(global).toHaveLength(16);
    expect(local).toHaveLength(4 * 49);
  });

  it('builds queen and rook weights with the same links as spdep poly2nb (236 and 200), with or without a tiny snap', () => {
    for (const [name, links] of [['queen', 236], ['rook', 200]] as const) {
      expect(weightsDiagnostics(weights[name]).links).toBe(links);
      const snapped = contiguityWeights(data.features, { criterion: name, ids: data.ids, tolerance: 1.5e-8 });
      expect(Array.from(snapped.neighbors)).toEqual(Array.from(weights[name].neighbors));
    }
    // the libpysal queen GAL is the same graph as our queen
    expect(Array.from(weights.libpysal_queen_gal.neighbors)).toEqual(Array.from(weights.queen.neighbors));
    expect(Array.from(weights.libpysal_queen_gal.offsets)).toEqual(Array.from(weights.queen.offsets));
  });

  it("matches Moran's I and Geary's C (value, expectation, variance, z) under normality and randomisation", () => {
    const worst: Record<string, number> = {};
    for (const row of global) {
      const w = transformWeights(weights[row.weights as string], row.style as 'W' | 'B');
      expect(weightsDiagnostics(w).links).toBe(row.links);
      const m = globalMoran(data.crime, w, { permutations: 0 });
      const g = gearyC(data.crime, w);
      const norm = row.assumption === 'normality';
      const pairs: [string, number, number][] = [
        ['I', m.I, row.I as number],
        ['EI', m.EI, row.EI as number],
        ['VI', norm ? m.VI_norm : m.VI_rand, row.VI as number],
        ['zI', norm ? m.z_norm : m.z_rand, row.zI as number],
        ['C', g.C, row.C as number],
        ['EC', g.EC, row.EC as number],
        ['VC', norm ? g.VC_norm : g.VC_rand, row.VC as number],
        ['zC', norm ? g.z_norm : g.z_rand, row.zC as number],
      ];
      for (const [name, actual, expected] of pairs) {
        const e = relativeError(actual, expected);
        worst[name] = Math.max(worst[name] ?? 0, e);
        expect(e, `${row.weights} ${row.style} ${row.assumption} ${name}: ${actual} vs ${expected}`).toBeLessThan(TOL);
      }
    }
    console.log('Columbus global, max relative error per statistic:', Object.entries(worst).map(([k, v]) => `${k} ${v.toExponential(1)}`).join(', '));
  });

  it('matches local Gi*, Gi and local Moran (I, E, V, z) for every polygon', () => {
    const worst: Record<string, number> = {};
    for (const name of Object.keys(weights)) {
      const w = weights[name];
      const giStar = getisOrd(data.crime, transformWeights(w, 'B'), { star: true });
      const gi = getisOrd(data.crime, transformWeights(w, 'W'), { star: false });
      const lisa = localMoran(data.crime, transformWeights(w, 'W'));
      const rows = local.filter((r) => r.weights === name);
      expect(rows).toHaveLength(49);
      for (const row of rows) {
        const i = data.ids.indexOf(String(row.id));
        expect(i).toBeGreaterThanOrEqual(0);
        const pairs: [string, number, number][] = [
          ['gi_star_z', giStar.z[i], row.gi_star_z as number],
          ['gi_z', gi.z[i], row.gi_z as number],
          ['lisa_I', lisa.I[i], row.lisa_I as number],
          ['lisa_EI', lisa.EI[i], row.lisa_EI as number],
          ['lisa_VI', lisa.VI[i], row.lisa_VI as number],
          ['lisa_z', lisa.z[i], row.lisa_z as number],
        ];
        for (const [stat, actual, expected] of pairs) {
          const e = relativeError(actual, expected);
          worst[stat] = Math.max(worst[stat] ?? 0, e);
          expect(e, `${name} id ${row.id} ${stat}: ${actual} vs ${expected}`).toBeLessThan(TOL);
        }
      }
    }
    console.log('Columbus local, max relative error per statistic:', Object.entries(worst).map(([k, v]) => `${k} ${v.toExponential(1)}`).join(', '));
  });

  it('gives the same Gi* z with row-standardised weights (rows are scaled by one factor)', () => {
    const b = getisOrd(data.crime, transformWeights(weights.queen, 'B'), { star: true }).z;
    const w = getisOrd(data.crime, transformWeights(weights.queen, 'W'), { star: true }).z;
    for (let i = 0; i < b.length; i++) expect(relativeError(w[i], b[i])).toBeLessThan(1e-12);
  });
});
