// Hot spot panel: pick a numeric block field, compute Gi* hot spots and LISA clusters with 999
// permutations and FDR control in a web worker, hand the map layer to the parent (onLayer), and show
// the legend with counts, global Moran's I, a Moran scatterplot and the weights diagnostics.
// Self-contained: its own nl/en strings; the parent mounts it and adds the layer it receives.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { DEFAULT_HOTSPOT_WEIGHTS, runHotspotJob, type HotspotFailure, type HotspotRequest, type HotspotResponse, type HotspotWeights } from '../workers/hotspot-job.ts';
import { HOTSPOT_COLORS, LISA_COLORS, hotspotFillColors, type HotspotLayerProps, type HotspotMode, type RGBA } from '../map-layers/hotspot-layer.ts';
import { useWorker } from './use-worker.ts';

export type HotspotLang = 'nl' | 'en';

export interface HotspotPanelProps {
  /** Blocks as the map shows them (WGS84 polygons); keep the reference stable. */
  blocks: FeatureCollection;
  /** Numeric fields the user may analyse (e.g. the manifest's numeric fields), with labels in `lang`. */
  fields: readonly { name: string; label?: string }[];
  lang: HotspotLang;
  /** Receives the layer props for createHotspotLayer when a result is ready, null when cleared or unmounted. */
  onLayer: (layer: HotspotLayerProps | null) => void;
  /** Property holding the block id. @default 'block_id' */
  idField?: string;
  /** Selected blocks (ids), highlighted in the Moran scatterplot. @default [] */
  selectedIds?: readonly string[];
  /** Select blocks on the map from the scatterplot (click, Shift-click, drag a box). Without it the plot is not interactive. */
  onSelect?: (ids: string[]) => void;
  /** Field selected first. @default the first of `fields` */
  defaultField?: string;
  /**
   * Neighbours: contiguity with a snapping tolerance in metres (blocks are separated by streets) or
   * k nearest neighbours. @default { kind: 'queen', snapMetres: 20 }
   */
  weights?: HotspotWeights;
  /** Permutations for the pseudo p-values. @default 999 */
  permutations?: number;
  /** Seed. @default 123456789 */
  seed?: number;
  /** Makes the worker; inject one in tests. @default the stats worker (module worker via Vite) */
  createWorker?: () => Worker | null;
}

const NO_IDS: readonly string[] = [];

const STRINGS = {
  nl: {
    title: 'Hotspots en clusters',
    field: 'Indicator',
    map: 'Kaart',
    giStar: 'Hotspots (Getis-Ord Gi*)',
    lisa: 'Clusters en uitschieters (LISA)',
    q: 'Foutenmarge (FDR q)',
    running: (n: number) => `Berekenen met ${n} permutaties…`,
    significantAt: (q: string) => `significant bij FDR q = ${q}`,
    hot: (c: number) => `Hotspot ${c} %`,
    cold: (c: number) => `Coldspot ${c} %`,
    notSignificant: 'niet significant',
    island: 'geen buren (niet getest)',
    HH: 'hoog – hoog (cluster)',
    LL: 'laag – laag (cluster)',
    HL: 'hoog tussen laag (uitschieter)',
    LH: 'laag tussen hoog (uitschieter)',
    blocks: (n: number) => (n === 1 ? '1 blok' : `${n} blokken`),
    moran: (i: string, p: string, r: number) => `Moran's I = ${i} (pseudo-p = ${p}, ${r} permutaties)`,
    islands: (n: number) => `${n === 1 ? '1 blok heeft' : `${n} blokken hebben`} geen buren (eilanden): daarvoor is geen lokale statistiek berekend.`,
    components: (k: number) => `Het burennetwerk valt uiteen in ${k} losse groepen: clusters lopen niet over groepen heen.`,
    missing: (n: number) => `${n === 1 ? '1 blok' : `${n} blokken`} zonder waarde weggelaten.`,
    scatter: 'Moran-spreidingsdiagram: waarde (x) tegen gemiddelde van de buren (y), gestandaardiseerd',
    scatterHint: 'Klik op een punt om het blok op de kaart te selecteren (Shift: erbij); sleep een rechthoek om meerdere blokken te kiezen. Geselecteerde blokken zijn groter.',
    point: (id: string, z: string, lag: string) => `Blok ${id}: waarde ${z}, buren ${lag}`,
    explain: 'Pseudo-p uit conditionele permutaties (zoals GeoDa en PySAL), gecorrigeerd voor het testen van veel blokken tegelijk (Benjamini–Hochberg).',
    error: 'Berekening mislukt',
    neighbours: (w: HotspotWeights) => (w.kind === 'knn' ? `Buren: de ${w.k} dichtstbijzijnde blokken` : `Buren: blokken die elkaar raken of minder dan ${w.snapMetres ?? 0.001} m uit elkaar liggen${w.kind === 'rook' ? ' langs een zijde' : ''}`),
  },
  en: {
    title: 'Hot spots and clusters',
    field: 'Indicator',
    map: 'Map',
    giStar: 'Hot spots (Getis-Ord Gi*)',
    lisa: 'Clusters and outliers (LISA)',
    q: 'Error rate (FDR q)',
    running: (n: number) => `Computing with ${n} permutations…`,
    significantAt: (q: string) => `significant at FDR q = ${q}`,
    hot: (c: number) => `Hot spot ${c} %`,
    cold: (c: number) => `Cold spot ${c} %`,
    notSignificant: 'not significant',
    island: 'no neighbours (not tested)',
    HH: 'high – high (cluster)',
    LL: 'low – low (cluster)',
    HL: 'high among low (outlier)',
    LH: 'low among high (outlier)',
    blocks: (n: number) => (n === 1 ? '1 block' : `${n} blocks`),
    moran: (i: string, p: string, r: number) => `Moran's I = ${i} (pseudo p = ${p}, ${r} permutations)`,
    islands: (n: number) => `${n === 1 ? '1 block has' : `${n} blocks have`} no neighbours (islands): no local statistic was computed for them.`,
    components: (k: number) => `The neighbour network falls apart into ${k} separate groups: clusters cannot span groups.`,
    missing: (n: number) => `${n === 1 ? '1 block' : `${n} blocks`} without a value left out.`,
    scatter: 'Moran scatterplot: value (x) against the mean of its neighbours (y), standardised',
    scatterHint: 'Click a point to select its block on the map (Shift: add); drag a box to pick several blocks. Selected blocks are drawn larger.',
    point: (id: string, z: string, lag: string) => `Block ${id}: value ${z}, neighbours ${lag}`,
    explain: 'Pseudo p-values from conditional permutations (as GeoDa and PySAL), corrected for testing many blocks at once (Benjamini–Hochberg).',
    error: 'Computation failed',
    neighbours: (w: HotspotWeights) => (w.kind === 'knn' ? `Neighbours: the ${w.k} nearest blocks` : `Neighbours: blocks that touch or lie less than ${w.snapMetres ?? 0.001} m apart${w.kind === 'rook' ? ' along a side' : ''}`),
  },
} as const;

const Q_LEVELS = [0.1, 0.05, 0.01];
const css = (c: RGBA) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(c[3] / 255).toFixed(2)})`;
const fmt = (v: number, lang: HotspotLang, digits = 2) => new Intl.NumberFormat(lang === 'nl' ? 'nl-BE' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v);

function defaultWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('../workers/stats-worker.ts', import.meta.url), { type: 'module' });
}

/** Legend rows: colour, label and block count, for the current mode. */
export function hotspotLegend(result: HotspotResponse, mode: HotspotMode, lang: HotspotLang): { color: RGBA; label: string; count: number }[] {
  const s = STRINGS[lang];
  const islands = result.lisaQuadrant.filter((q) => q === null).length;
  if (mode === 'gi-star') {
    const count = (c: number) => result.giStarClass.filter((v, k) => v === c && result.lisaQuadrant[k] !== null).length;
    return [
      ...[3, 2, 1].map((c) => ({ color: HOTSPOT_COLORS[c], label: s.hot([90, 95, 99][c - 1]), count: count(c) })),
      { color: HOTSPOT_COLORS[0], label: s.notSignificant, count: count(0) },
      ...[-1, -2, -3].map((c) => ({ color: HOTSPOT_COLORS[c], label: s.cold([90, 95, 99][-c - 1]), count: count(c) })),
      { color: LISA_COLORS.island, label: s.island, count: islands },
    ];
  }
  const count = (q: string) => result.lisaQuadrant.filter((v, k) => v === q && result.lisaSignificant[k]).length;
  const tested = result.lisaQuadrant.filter((v) => v !== null).length;
  const significant = result.lisaSignificant.filter(Boolean).length;
  return [
    ...(['HH', 'LL', 'HL', 'LH'] as const).map((q) => ({ color: LISA_COLORS[q], label: s[q], count: count(q) })),
    { color: LISA_COLORS.ns, label: s.notSignificant, count: tested - significant },
    { color: LISA_COLORS.island, label: s.island, count: islands },
  ];
}

interface MoranScatterProps {
  result: HotspotResponse;
  lang: HotspotLang;
  /** block id per block of the layer (result.analysed indexes into it). */
  ids: readonly string[];
  selectedIds: readonly string[];
  onSelect?: (ids: string[]) => void;
}

/**
 * Moran scatterplot linked to the map: the selected blocks are drawn larger and outlined; a click on a
 * point selects its block (Shift/Ctrl adds or removes), dragging a box selects every point inside it.
 */
function MoranScatter({ result, lang, ids, selectedIds, onSelect }: MoranScatterProps) {
  const size = 200;
  const extent = Math.max(2, ...result.z.map(Math.abs), ...result.lag.map(Math.abs));
  const sx = (v: number) => size / 2 + (v / extent) * (size / 2 - 6);
  const sy = (v: number) => size / 2 - (v / extent) * (size / 2 - 6);
  const slope = result.moran.I;
  const selected = new Set(selectedIds);
  const [brush, setBrush] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  const pointOf = (e: React.PointerEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * size, y: ((e.clientY - r.top) / r.height) * size };
  };
  const idOf = (k: number) => ids[result.analysed[k]];
  const finishBrush = (additive: boolean) => {
    if (!brush || !onSelect) return setBrush(null);
    const [xa, xb] = [Math.min(brush.x0, brush.x1), Math.max(brush.x0, brush.x1)];
    const [ya, yb] = [Math.min(brush.y0, brush.y1), Math.max(brush.y0, brush.y1)];
    setBrush(null);
    if (xb - xa < 3 && yb - ya < 3) return; // a click, handled by the point
    const inside = result.z.map((z, k) => k).filter((k) => {
      const x = sx(result.z[k]);
      const y = sy(result.lag[k]);
      return x >= xa && x <= xb && y >= ya && y <= yb;
    });
    const picked = inside.map(idOf);
    onSelect(additive ? [...new Set([...selectedIds, ...picked])] : picked);
  };
  const t = STRINGS[lang];
  return (
    <svg
      className="moran-scatter"
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      role="group"
      aria-label={t.scatter}
      style={{ touchAction: 'none', cursor: onSelect ? 'crosshair' : undefined }}
      onPointerDown={(e) => {
        if (!onSelect || (e.target as Element).tagName === 'circle') return;
        const p = pointOf(e);
        e.currentTarget.setPointerCapture?.(e.pointerId);
        setBrush({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
      }}
      onPointerMove={(e) => {
        if (!brush) return;
        const p = pointOf(e);
        setBrush({ ...brush, x1: p.x, y1: p.y });
      }}
      onPointerUp={(e) => finishBrush(e.shiftKey || e.ctrlKey || e.metaKey)}
    >
      <title>{t.scatter}</title>
      <line x1={0} x2={size} y1={size / 2} y2={size / 2} stroke="#999" />
      <line y1={0} y2={size} x1={size / 2} x2={size / 2} stroke="#999" />
      {result.z.map((z, k) => {
        const quad = result.lisaQuadrant[k];
        const color = quad && result.lisaSignificant[k] ? LISA_COLORS[quad] : LISA_COLORS.ns;
        const id = idOf(k);
        const on = selected.has(id);
        return (
          <circle
            key={k}
            data-block={id}
            cx={sx(z)}
            cy={sy(result.lag[k])}
            r={on ? 5 : 3}
            fill={css([color[0], color[1], color[2], 255])}
            stroke={on ? '#000' : '#555'}
            strokeWidth={on ? 1.5 : 0.3}
            style={{ cursor: onSelect ? 'pointer' : undefined }}
            onClick={(e) => {
              if (!onSelect) return;
              const add = e.shiftKey || e.ctrlKey || e.metaKey;
              onSelect(add ? (on ? selectedIds.filter((x) => x !== id) : [...selectedIds, id]) : [id]);
            }}
          >
            <title>{t.point(id, fmt(z, lang, 2), fmt(result.lag[k], lang, 2))}</title>
          </circle>
        );
      })}
      <line x1={sx(-extent)} y1={sy(-extent * slope)} x2={sx(extent)} y2={sy(extent * slope)} stroke="#333" strokeWidth={1.2} pointerEvents="none" />
      {brush && (
        <rect
          x={Math.min(brush.x0, brush.x1)}
          y={Math.min(brush.y0, brush.y1)}
          width={Math.abs(brush.x1 - brush.x0)}
          height={Math.abs(brush.y1 - brush.y0)}
          fill="rgba(0,0,0,0.08)"
          stroke="#333"
          strokeDasharray="3 2"
          pointerEvents="none"
        />
      )}
    </svg>
  );
}

/** The hot spot panel; see HotspotPanelProps. */
export function HotspotPanel({ blocks, fields, lang, onLayer, idField = 'block_id', selectedIds = NO_IDS, onSelect, defaultField, weights = DEFAULT_HOTSPOT_WEIGHTS, permutations = 999, seed = 123456789, createWorker = defaultWorker }: HotspotPanelProps) {
  const s = STRINGS[lang];
  const [field, setField] = useState(defaultField ?? fields[0]?.name ?? '');
  const [mode, setMode] = useState<HotspotMode>('gi-star');
  const [q, setQ] = useState(0.05);
  const [result, setResult] = useState<HotspotResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const worker = useWorker(createWorker, () => onLayerRef.current(null));
  const latest = useRef(0);
  const onLayerRef = useRef(onLayer);
  onLayerRef.current = onLayer;

  const weightsKey = JSON.stringify(weights);
  const geometry = useMemo(() => ({ geometries: blocks.features.map((f) => f.geometry), ids: blocks.features.map((f, i) => String(f.properties?.[idField] ?? f.id ?? i)) }), [blocks, idField]);


  useEffect(() => {
    if (!field) return;
    const requestId = ++latest.current;
    const req: HotspotRequest = {
      requestId,
      ...geometry,
      values: blocks.features.map((f) => {
        const v = f.properties?.[field];
        return typeof v === 'number' && Number.isFinite(v) ? v : null;
      }),
      weights: JSON.parse(weightsKey) as HotspotWeights,
      permutations,
      seed,
      q,
    };
    const done = (res: HotspotResponse | HotspotFailure) => {
      if (res.requestId !== latest.current) return; // a newer request is on its way
      setRunning(false);
      if (res.ok) {
        setResult(res);
        setError(null);
      } else {
        setResult(null);
        setError(res.message);
        onLayerRef.current(null);
      }
    };
    setRunning(true);
    const w = worker.current;
    if (w) {
      w.onmessage = (e: MessageEvent<HotspotResponse | HotspotFailure>) => done(e.data);
      w.postMessage(req);
    } else {
      const timer = setTimeout(() => done(runHotspotJob(req, () => performance.now())), 0);
      return () => clearTimeout(timer);
    }
  }, [blocks, geometry, field, q, permutations, seed, weightsKey]);

  useEffect(() => {
    if (!result) return;
    const fillColors = hotspotFillColors(blocks.features.length, result.analysed, mode, result);
    onLayerRef.current({ data: blocks, fillColors, colorKey: `${field}|${mode}|${result.q}|${result.requestId}` });
  }, [result, mode, blocks, field]);

  const qText = fmt(q, lang, 2);
  const legend = result ? hotspotLegend(result, mode, lang) : [];
  return (
    <section className="hotspot-panel" aria-label={s.title}>
      <h2>{s.title}</h2>
      <label>
        {s.field}{' '}
        <select value={field} onChange={(e) => setField(e.target.value)}>
          {fields.map((f) => (
            <option key={f.name} value={f.name}>
              {f.label ?? f.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{s.map}</legend>
        {(['gi-star', 'lisa'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="hotspot-mode" checked={mode === m} onChange={() => setMode(m)} /> {m === 'gi-star' ? s.giStar : s.lisa}
          </label>
        ))}
      </fieldset>
      <label>
        {s.q}{' '}
        <select value={q} onChange={(e) => setQ(Number(e.target.value))}>
          {Q_LEVELS.map((level) => (
            <option key={level} value={level}>
              {fmt(level, lang, 2)}
            </option>
          ))}
        </select>
      </label>
      {running && <p className="hotspot-status" aria-live="polite">{s.running(permutations)}</p>}
      {error && (
        <p className="hotspot-error" role="alert">
          {s.error}: {error}
        </p>
      )}
      {result && (result.weights.islands > 0 || result.weights.components - result.weights.islands > 1) && (
        <div className="hotspot-warning" role="alert">
          {result.weights.islands > 0 && <p>{s.islands(result.weights.islands)}</p>}
          {result.weights.components - result.weights.islands > 1 && <p>{s.components(result.weights.components - result.weights.islands)}</p>}
        </div>
      )}
      {result && (
        <>
          <figure className="hotspot-legend">
            <figcaption>
              {mode === 'gi-star' ? s.giStar : s.lisa}, {s.significantAt(qText)}
            </figcaption>
            <ul style={{ listStyle: 'none', paddingLeft: 0 }}>
              {legend.map((row) => (
                <li key={row.label}>
                  <span className="swatch" style={{ display: 'inline-block', width: 14, height: 14, marginRight: 6, verticalAlign: 'middle', border: '1px solid #888', background: css(row.color) }} />
                  <span className="legend-range">{row.label}</span>
                  <span className="legend-count" style={{ marginLeft: 8, color: '#555' }}>
                    {s.blocks(row.count)}
                  </span>
                </li>
              ))}
            </ul>
          </figure>
          <p className="hotspot-weights">{s.neighbours(weights)}</p>
          <p className="hotspot-moran">{s.moran(fmt(result.moran.I, lang, 3), result.moran.p_sim === null ? '–' : fmt(result.moran.p_sim, lang, 3), result.permutations)}</p>
          {result.missing > 0 && <p className="hotspot-missing">{s.missing(result.missing)}</p>}
          <MoranScatter result={result} lang={lang} ids={geometry.ids} selectedIds={selectedIds} onSelect={onSelect} />
          {onSelect && <p className="hint">{s.scatterHint}</p>}
          <p className="hotspot-explain">{s.explain}</p>
        </>
      )}
    </section>
  );
}
