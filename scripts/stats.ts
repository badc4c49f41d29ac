/**
 * `wijkatlas stats`: global and local spatial statistics of one numeric field of a polygon (or
 * point) layer: Moran's I, Geary's C, Getis-Ord Gi*, local Moran with permutation pseudo p-values and
 * FDR control, and the diagnostics of the weights. Definitions: docs/stats.md.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Feature, Geometry } from 'geojson';
import { contiguityWeights } from '../src/core/stats/contiguity-weights.ts';
import { distanceBandWeights } from '../src/core/stats/distance-band-weights.ts';
import { knnWeights } from '../src/core/stats/knn-weights.ts';
import type { SpatialWeights } from '../src/core/stats/spatial-weights.ts';
import { spatialStatistics } from '../src/core/stats/spatial-statistics.ts';
import { unitPoints } from '../src/core/stats/unit-points.ts';
import { empiricalBayesRates } from '../src/core/stats/empirical-bayes-rates.ts';
import { UserError } from '../src/core/user-error.ts';
import { parseCrs } from '../src/io/parse-crs.ts';
import { readVectorSource } from '../src/io/read-vector-source.ts';
import { readWeightsFile } from '../src/io/read-weights-file.ts';
import { reprojectFeatures } from '../src/io/reproject.ts';

export const STATS_HELP = `Usage: wijkatlas stats --input F --field NAME [--weights queen|rook|knn:K|distance:METRES] [--gal F]
                      [--binary] [--permutations N] [--seed S] [--fdr Q] --out F.json

Spatial autocorrelation of one numeric field: global Moran's I and Geary's C (normality and
randomisation), Getis-Ord Gi* hot spots, local Moran (LISA) clusters and outliers, with conditional-
permutation pseudo p-values and Benjamini-Hochberg FDR control (definitions: docs/stats.md).

  --input F          polygons or points (any format readVectorSource reads: GeoJSON, NDJSON, CSV…)
  --field NAME       numeric field to analyse (every unit needs a finite value)
  --id FIELD         field naming the units in the output and in --gal files
                     (default: the feature id, else the record number 1, 2, …)
  --weights SPEC     queen (default) | rook          contiguity of polygons
                     knn:K                          K nearest neighbours (centroids)
                     distance:METRES[:inverse[:P]]  distance band, optionally 1/d^P weights
  --gal F            read neighbours from a GAL (or GWT) file instead of --weights
  --snap METRES      contiguity snapping tolerance: boundaries closer than this touch
                     (default 0.001 = 1 mm; e.g. 25 to link blocks facing each other across a street)
  --binary           binary weights (default: row-standardised; GWT/inverse weights stay as given)
  --permutations N   conditional permutations for p_sim (default 999; 0 = none)
  --seed S           seed of the permutations (default 123456789)
  --fdr Q            false discovery rate for significant_fdr (default 0.05)
  --bonferroni       use Bonferroni at Q instead of FDR
  --crs CRS          CRS of the input when the file does not say; 'planar' for coordinates without a
                     CRS (a .shp without .prj is read as planar anyway, with a notice)
  --working-crs CRS  projected CRS in metres for the weights when the input is in degrees
                     (default: EPSG:31370, Belgian Lambert 72)
  --rate-population FIELD  analyse rates instead of --field itself: --field holds the events (e.g.
                     incidents_total), FIELD the population (inhabitants); the statistics run on the
                     empirical-Bayes smoothed rates (Marshall), written under "rates" with raw rates
                     and a "tiny" flag per unit
  --rate-per N       rates per N of the population (default 1000)
  --eb global|spatial  global EB (one prior, as spdep EBest) or spatial EB (prior from each unit and
                     its neighbours in the weights, as GeoDa); default global
  --min-population N flag units with a population below N as tiny (default 100)
  --out F.json       output (moran, geary, weights, local[] in input order)
  --quiet            no summary on stderr
  -h, --help         show this help`;

type WeightsSpec = { kind: 'queen' | 'rook' } | { kind: 'knn'; k: number } | { kind: 'distance'; metres: number; inverse: boolean; power: number };

function parseWeightsSpec(spec: string): WeightsSpec {
  const s = spec.trim().toLowerCase();
  if (s === 'queen' || s === 'rook') return { kind: s };
  let m = /^knn:(\d+)$/.exec(s);
  if (m) return { kind: 'knn', k: Number(m[1]) };
  m = /^distance:([0-9.]+(?:e[0-9]+)?)(?::inverse(?::([0-9.]+))?)?$/.exec(s);
  if (m && Number(m[1]) > 0) return { kind: 'distance', metres: Number(m[1]), inverse: s.includes(':inverse'), power: m[2] ? Number(m[2]) : 1 };
  throw new UserError(`--weights: expected queen, rook, knn:K or distance:METRES[:inverse], found "${spec}".`, "run 'wijkatlas stats --help'");
}

function number(flag: string, text: string | undefined, fallback: number, check: (v: number) => boolean, expected: string): number {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || !check(v)) throw new UserError(`--${flag}: expected ${expected}, found "${text}".`, "run 'wijkatlas stats --help'");
  return v;
}

function unitIds(features: readonly Feature<Geometry | null>[], idField: string | undefined, file: string): string[] {
  if (idField) {
    const ids = features.map((f, i) => {
      const v = f.properties?.[idField];
      if (v === undefined || v === null || v === '') throw new UserError(`${file}, record ${i + 1}: no value in id field "${idField}"; expected an id for every unit. Fill it or choose another --id.`);
      return String(v);
    });
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) throw new UserError(`${file}: id "${id}" occurs more than once in field "${idField}"; expected unique ids. Choose another --id.`);
      seen.add(id);
    }
    return ids;
  }
  const fromFeature = features.map((f) => (f.id === undefined || f.id === null ? null : String(f.id)));
  if (fromFeature.every((v) => v !== null) && new Set(fromFeature).size === features.length) return fromFeature as string[];
  return features.map((_, i) => String(i + 1));
}

function fieldValues(features: readonly Feature<Geometry | null>[], field: string, ids: readonly string[], file: string): Float64Array {
  const columns = new Set(features.flatMap((f) => Object.keys(f.properties ?? {})));
  if (!columns.has(field)) {
    throw new UserError(`${file}: no field "${field}"; fields found: ${[...columns].slice(0, 20).join(', ')}. Fix --field.`);
  }
  const values = new Float64Array(features.length);
  const bad: string[] = [];
  features.forEach((f, i) => {
    const raw = f.properties?.[field];
    const v = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(v)) bad.push(`${ids[i]} (${JSON.stringify(raw ?? null)})`);
    values[i] = v;
  });
  if (bad.length > 0) {
    throw new UserError(`${file}: field "${field}" is not a finite number for ${bad.length} unit(s), e.g. ${bad.slice(0, 5).join(', ')}; expected a number for every unit. Fill or drop those records first.`);
  }
  return values;
}

/** Placeholder CRS for planar data without a CRS (Columbus): no plausibility check, no reprojection. */
const PLANAR = '+proj=eqc +units=m +no_defs';

/**
 * Reads the input. Spatial weights need no CRS for topology, so a file without one (a .shp without
 * .prj, like Columbus) is read as planar coordinates with a notice, unless --crs says otherwise.
 */
async function readInput(file: string, crs: string | undefined, shown: string, log: (l: string) => void) {
  const declared = crs === undefined ? undefined : crs.trim().toLowerCase() === 'planar' ? PLANAR : crs;
  try {
    const src = await readVectorSource({ path: file, crs: declared });
    return declared === PLANAR ? { ...src, crs: PLANAR } : src;
  } catch (err) {
    const unknownCrs = err instanceof UserError && /found no \.prj|undefined coordinate system/.test(err.message);
    if (declared !== undefined || !unknownCrs) throw err;
    log(`stats: ${shown} has no CRS; its coordinates are used as planar units (fine for contiguity and GAL weights; give --crs for knn/distance in metres)`);
    const src = await readVectorSource({ path: file, crs: PLANAR });
    return { ...src, crs: PLANAR };
  }
}

export async function statsCommand(argv: string[]): Promise<number> {
  const { values: o } = parseArgs({
    args: argv,
    options: {
      input: { type: 'string' },
      field: { type: 'string' },
      id: { type: 'string' },
      weights: { type: 'string' },
      gal: { type: 'string' },
      snap: { type: 'string' },
      binary: { type: 'boolean' },
      permutations: { type: 'string' },
      seed: { type: 'string' },
      fdr: { type: 'string' },
      bonferroni: { type: 'boolean' },
      crs: { type: 'string' },
      'working-crs': { type: 'string' },
      'rate-population': { type: 'string' },
      'rate-per': { type: 'string' },
      eb: { type: 'string' },
      'min-population': { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (o.help) return (console.log(STATS_HELP), 0);
  for (const flag of ['input', 'field', 'out'] as const) {
    if (!o[flag]) throw new UserError(`missing --${flag}: expected ${flag === 'field' ? 'a field name' : 'a file path'}.`, "run 'wijkatlas stats --help'");
  }
  if (o.gal && o.weights) throw new UserError('--gal and --weights both given; expected one source of neighbours. Drop one of them.');
  const spec = parseWeightsSpec(o.weights ?? 'queen');
  const permutations = number('permutations', o.permutations, 999, (v) => Number.isInteger(v) && v >= 0 && v <= 99_999, 'a whole number from 0 to 99999');
  const seed = number('seed', o.seed, 123456789, (v) => Number.isInteger(v), 'a whole number');
  const q = number('fdr', o.fdr, 0.05, (v) => v > 0 && v < 1, 'a level between 0 and 1, e.g. 0.05');
  const log = o.quiet ? () => {} : (l: string) => console.error(l);
  const t0 = performance.now();

  const file = path.relative(process.cwd(), path.resolve(o.input!)) || o.input!;
  const src = await readInput(path.resolve(o.input!), o.crs, file, log);
  if (src.problems.length > 0) {
    const p = src.problems[0];
    const where = p.detail.includes(path.basename(file)) ? '' : `${file}, record ${p.index + 1}: `;
    throw new UserError(`${where}${p.detail.replace(/[.;\s]+$/, '')}${src.problems.length > 1 ? ` (${src.problems.length - 1} more record(s) like it)` : ''}.`);
  }
  let features = src.features;
  if (features.length === 0) throw new UserError(`${file}: no features; expected polygons or points with field "${o.field}".`);
  const ids = unitIds(features, o.id, file);
  const ebMethod = o.eb ?? 'global';
  if (ebMethod !== 'global' && ebMethod !== 'spatial') throw new UserError(`--eb: expected global or spatial, found "${o.eb}".`, "run 'wijkatlas stats --help'");
  if ((o.eb || o['rate-per'] || o['min-population']) && !o['rate-population']) throw new UserError('--eb, --rate-per and --min-population need --rate-population FIELD: the inhabitants of each unit.', "run 'wijkatlas stats --help'");
  const ratePer = number('rate-per', o['rate-per'], 1000, (v) => v > 0, 'a number > 0, e.g. 1000');
  const minPopulation = number('min-population', o['min-population'], 100, (v) => v >= 0, 'a number ≥ 0');
  let population = o['rate-population'] ? fieldValues(features, o['rate-population'], ids, file) : null;
  let fieldData = fieldValues(features, o.field!, ids, file);
  // a rate needs inhabitants: units without any are left out of the analysis (listed in the output)
  const leftOut = population ? ids.filter((_, i) => !(population![i] > 0)) : [];
  if (population && leftOut.length > 0) {
    const keep = ids.map((_, i) => population![i] > 0);
    if (!keep.some(Boolean)) throw new UserError(`${file}: no unit has a population > 0 in "${o['rate-population']}"; expected inhabitants to compute rates. Check --rate-population.`);
    features = features.filter((_, i) => keep[i]);
    fieldData = Float64Array.from(fieldData.filter((_, i) => keep[i]));
    population = Float64Array.from(population.filter((_, i) => keep[i]));
    ids.splice(0, ids.length, ...ids.filter((_, i) => keep[i]));
    log(`stats: ${leftOut.length} unit(s) without population left out (a rate needs inhabitants): ${leftOut.slice(0, 8).join(', ')}${leftOut.length > 8 ? ', …' : ''}`);
  }
  let values = fieldData;
  const snap = number('snap', o.snap, 0.001, (v) => v >= 0 && Number.isFinite(v), 'a tolerance ≥ 0 in metres');

  let weights: SpatialWeights;
  if (o.gal) {
    weights = await readWeightsFile(path.resolve(o.gal), ids);
  } else {
    if (src.crs !== PLANAR && parseCrs(src.crs).geographic) {
      // tolerances and distances are in metres: measure them in a projected CRS
      const working = o['working-crs'] ?? 'EPSG:31370';
      if (parseCrs(working).geographic) throw new UserError(`--working-crs ${working} is in degrees; expected a projected CRS in metres.`);
      log(`stats: ${file} is in ${src.crs} (degrees); ${spec.kind} weights are built in ${working} (metres)`);
      features = reprojectFeatures(features, src.crs, working, { file });
    }
    if (spec.kind === 'queen' || spec.kind === 'rook') weights = contiguityWeights(features, { criterion: spec.kind, tolerance: snap, ids });
    else {
      const { xs, ys } = unitPoints(features);
      if (spec.kind === 'knn') weights = knnWeights(xs, ys, spec.k, { ids });
      else if (spec.kind === 'distance') weights = distanceBandWeights(xs, ys, spec.metres, { inverse: spec.inverse, power: spec.power, ids });
      else throw new Error(`unhandled weights ${spec.kind}`);
    }
  }

  let rates: ReturnType<typeof empiricalBayesRates> | null = null;
  if (population) {
    // the statistics run on the empirical-Bayes rates: small populations no longer make the hot spots
    rates = empiricalBayesRates(fieldData, population, { per: ratePer, minPopulation, weights: ebMethod === 'spatial' ? weights : undefined });
    values = Float64Array.from(rates.eb, (v) => v as number);
    const tiny = rates.tiny.filter(Boolean).length;
    log(`stats: analysing ${rates.method} empirical-Bayes rates of "${o.field}" per ${ratePer} of "${o['rate-population']}"${tiny ? `; ${tiny} unit(s) below ${minPopulation} (flagged tiny)` : ''}`);
  }
  const result = spatialStatistics(values, weights, { binary: o.binary, permutations, seed, q, correction: o.bonferroni ? 'bonferroni' : 'fdr' });
  const { moran: m, geary: g, weights: d } = result;
  const output = {
    input: file,
    field: o.field,
    n: values.length,
    weights: {
      n: d.n,
      islands: d.islands,
      components: d.components,
      min: d.min,
      mean: d.mean,
      max: d.max,
      type: weights.kind,
      style: result.style,
      links: d.links,
      asymmetric: d.asymmetric,
      island_ids: d.island_ids,
      component_sizes: d.component_sizes,
      warnings: d.warnings,
    },
    moran: { I: m.I, EI: m.EI, VI_norm: m.VI_norm, z_norm: m.z_norm, p_norm: m.p_norm, VI_rand: m.VI_rand, z_rand: m.z_rand, p_rand: m.p_rand, p_sim: m.p_sim },
    geary: { C: g.C, EC: g.EC, VC_norm: g.VC_norm, z_norm: g.z_norm, p_norm: g.p_norm, VC_rand: g.VC_rand, z_rand: g.z_rand, p_rand: g.p_rand },
    permutations,
    seed,
    p_values: 'p_norm/p_rand: two-sided normal; p_sim: folded one-sided pseudo p (M+1)/(R+1) as PySAL/GeoDa; see docs/stats.md',
    correction: result.correction,
    local: result.local,
    ...(rates && population
      ? {
          analysed: `empirical-Bayes rate of ${o.field} per ${ratePer} ${o['rate-population']}`,
          rates: {
            method: rates.method,
            left_out: leftOut,
            per: ratePer,
            min_population: minPopulation,
            prior: rates.prior,
            units: ids.map((id, i) => ({ id, events: fieldData[i], population: population[i], raw: rates!.raw[i], eb: rates!.eb[i], tiny: rates!.tiny[i] })),
          },
        }
      : {}),
  };
  const out = path.resolve(o.out!);
  writeFileSync(out, JSON.stringify(output, null, 1) + '\n');
  for (const wmsg of d.warnings) log(`stats: warning: ${wmsg}`);
  log(
    `stats: ${values.length} units, ${weights.kind} ${result.style} (${d.links} links, ${d.min}–${d.max} neighbours); Moran's I = ${m.I.toFixed(4)} (z_rand ${m.z_rand.toFixed(2)}${m.p_sim !== null ? `, p_sim ${m.p_sim}` : ''}); ` +
      `${result.correction.gi_star_significant} Gi* hot/cold spot(s) and ${result.correction.lisa_significant} LISA unit(s) significant at ${o.bonferroni ? 'Bonferroni' : 'FDR'} q = ${q} -> ${path.relative(process.cwd(), out)} (${((performance.now() - t0) / 1000).toFixed(2)} s)`,
  );
  return 0;
}
