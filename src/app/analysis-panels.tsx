/**
 * The analysis panels mounted next to the map: hot spots and the incident density with its weekday ×
 * hour chart (issue "spatial statistics"), patrol routes, and the print export (issue "map export"). Each heavy component loads lazily, so the first map does not wait for
 * the statistics worker, the page composer or pdfkit.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ComponentProps } from 'react';
import type { IncidentDensityLayer } from '../core/stats/incident-density-layer.ts';
import { loadLayerJson } from './data/load-atlas.ts';
import type { DensityLayerProps } from './map-layers/density-layer.ts';
import type { AtlasPanel, AtlasPanelContext } from './App.tsx';
import { numericFields, type ManifestLayer } from './data/manifest.ts';
import { defaultPatrolStart } from '../core/routes/default-patrol-start.ts';
import type { PatrolIncidentInput } from '../core/routes/plan-patrol-wgs84.ts';
import { localized } from './i18n.ts';
import type { HotspotLayerProps } from './map-layers/hotspot-layer.ts';

const HotspotPanel = lazy(() => import('./components/HotspotPanel.tsx').then((m) => ({ default: m.HotspotPanel })));
const DensityPanel = lazy(() => import('./components/DensityPanel.tsx').then((m) => ({ default: m.DensityPanel })));
const PatrolPanel = lazy(() => import('./components/PatrolPanel.tsx').then((m) => ({ default: m.PatrolPanel })));
const ExportDialog = lazy(() => import('./components/ExportDialog.tsx').then((m) => ({ default: m.ExportDialog })));

const LOADING = { nl: 'Laden…', en: 'Loading…' } as const;

function HotspotSection({ ctx }: { ctx: AtlasPanelContext }) {
  const { atlas, lang, indicator, setLayers, selectedIds, selectBlocks } = ctx;
  const blocks = atlas.data[atlas.blocksLayer.id];
  const fields = useMemo(() => numericFields(atlas.blocksLayer).map((f) => ({ name: f.name, label: localized(f.label, lang) })), [atlas.blocksLayer, lang]);
  const onLayer = useCallback(
    (p: HotspotLayerProps | null) => {
      if (!p) {
        setLayers([]);
        return;
      }
      void import('./map-layers/hotspot-layer.ts').then((m) => setLayers([m.createHotspotLayer(p)]));
    },
    [setLayers],
  );
  return (
    <Suspense fallback={<p>{LOADING[lang]}</p>}>
      <HotspotPanel blocks={blocks} fields={fields} lang={lang} defaultField={indicator} onLayer={onLayer} idField="block_id" selectedIds={selectedIds} onSelect={selectBlocks} />
    </Suspense>
  );
}

const NO_DENSITY = {
  nl: 'Deze atlas heeft geen laag Incidentendichtheid: voeg incidenten toe aan de atlas (bron "incidents") en bouw opnieuw, of gebruik `wijkatlas density`.',
  en: 'This atlas has no incident density layer: add incidents to the atlas (source "incidents") and rebuild, or use `wijkatlas density`.',
} as const;

/**
 * The atlas's incident-density layer (layers/incident-density.json), fetched when a panel that needs
 * it mounts: the manifest entry (absent: the atlas has none), the layer once loaded, or an error.
 */
function useDensityLayer(atlas: AtlasPanelContext['atlas']): { meta: ManifestLayer | undefined; layer: IncidentDensityLayer | null; error: string | null } {
  const meta = atlas.manifest.layers.find((l) => l.kind === 'density');
  const [layer, setLayer] = useState<IncidentDensityLayer | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!meta) return;
    let live = true;
    loadLayerJson(atlas, meta).then(
      (json) => {
        const l = json as IncidentDensityLayer;
        if (!live) return;
        if (l?.kind !== 'incident-density' || !l.grid || !l.bins) setError(`${meta.file}: not an incident-density layer; rebuild the atlas.`);
        else setLayer(l);
      },
      (err: Error) => live && setError(err.message),
    );
    return () => {
      live = false;
    };
  }, [atlas, meta]);
  return { meta, layer, error };
}

function DensitySection({ ctx }: { ctx: AtlasPanelContext }) {
  const { atlas, lang, setLayers, selectedIds } = ctx;
  const { meta, layer, error } = useDensityLayer(atlas);
  const onLayer = useCallback(
    (p: DensityLayerProps | null) => {
      if (!p) {
        setLayers([]);
        return;
      }
      void import('./map-layers/density-layer.ts').then((m) => setLayers([m.createDensityLayer(p)]));
    },
    [setLayers],
  );
  if (!meta) return <p>{NO_DENSITY[lang]}</p>;
  if (error) return <p role="alert">{error}</p>;
  if (!layer) return <p>{LOADING[lang]}</p>;
  return (
    <Suspense fallback={<p>{LOADING[lang]}</p>}>
      <DensityPanel layer={layer} lang={lang} selectedIds={selectedIds} onLayer={onLayer} fileBase={atlas.manifest.atlas.id} />
    </Suspense>
  );
}

const NO_STREETS = { nl: 'Deze atlas heeft geen stratenlaag: patrouilleroutes hebben straten nodig.', en: 'This atlas has no streets layer: patrol routes need streets.' } as const;
const NO_INCIDENTS = {
  nl: 'Deze atlas heeft geen veld incidents_total op de bouwblokken: voeg incidenten toe aan de atlas (bron "incidents") of plan met `wijkatlas patrol --incidents`.',
  en: 'This atlas has no incidents_total field on its blocks: add incidents to the atlas (source "incidents") or plan with `wijkatlas patrol --incidents`.',
} as const;

function PatrolSection({ ctx }: { ctx: AtlasPanelContext }) {
  const { atlas, lang, setLayers } = ctx;
  const streetsLayer = atlas.manifest.layers.find((l) => l.id === 'streets' || l.kind === 'streets');
  const streets = streetsLayer ? atlas.data[streetsLayer.id] : undefined;
  const blocks = atlas.data[atlas.blocksLayer.id];
  // the atlas's binned incidents (density layer) carry weekday and hour, so the panel can plan for a
  // shift's day and hours; without that layer, the incident counts per block (no time filter)
  const density = useDensityLayer(atlas);
  // waiting for the layer; if it cannot be read, the block counts serve
  const loadingBins = !!density.meta && !density.layer && !density.error;
  const bins = density.layer;
  const incidents = useMemo<PatrolIncidentInput>(() => (bins ? { kind: 'bins', layer: bins } : { kind: 'counts', data: blocks, countField: 'incidents_total' }), [bins, blocks]);
  // the atlas's own start (config `patrol`), else the street point nearest the middle of the area
  const configured = atlas.manifest.patrol;
  const fallback = useMemo(() => (configured || !streets ? null : defaultPatrolStart(streets, atlas.manifest.atlas.bbox, lang)), [configured, streets, atlas.manifest.atlas.bbox, lang]);
  const configuredLabel = configured ? (typeof configured.startLabel === 'string' ? configured.startLabel : lang === 'en' ? (configured.startLabel.en ?? configured.startLabel.nl) : configured.startLabel.nl) : '';
  const start = configured ? { start: configured.start, label: configuredLabel } : fallback ? { start: fallback.start, label: fallback.label } : null;
  const onRoutes = useCallback(
    (routes: Parameters<ComponentProps<typeof PatrolPanel>['onRoutes']>[0]) => {
      if (!routes) {
        setLayers([]);
        return;
      }
      void import('./map-layers/patrol-layer.ts').then((m) => setLayers(m.createPatrolLayers({ data: routes })));
    },
    [setLayers],
  );
  if (!streets) return <p>{NO_STREETS[lang]}</p>;
  if (!atlas.blocksLayer.fields.some((f) => f.name === 'incidents_total')) return <p>{NO_INCIDENTS[lang]}</p>;
  if (loadingBins) return <p>{LOADING[lang]}</p>;
  return (
    <Suspense fallback={<p>{LOADING[lang]}</p>}>
      <PatrolPanel streets={streets} incidents={incidents} lang={lang} onRoutes={onRoutes} storageKey={atlas.manifest.atlas.id} {...(start ? { start: start.start, startLabel: start.label } : {})} />
    </Suspense>
  );
}

const EXPORT_TEXT = {
  nl: { open: 'Kaart exporteren (PDF, SVG, PNG)…', hint: 'Dezelfde pagina als `wijkatlas export`: titel, legende, schaalbalk, noordpijl, bronnen.' },
  en: { open: 'Export map (PDF, SVG, PNG)…', hint: 'The same page as `wijkatlas export`: title, legend, scale bar, north arrow, sources.' },
} as const;

function ExportSection({ ctx }: { ctx: AtlasPanelContext }) {
  const [open, setOpen] = useState(false);
  const t = EXPORT_TEXT[ctx.lang];
  const layers = useMemo(() => Object.fromEntries(Object.entries(ctx.atlas.data).map(([id, fc]) => [id, fc.features])), [ctx.atlas.data]);
  const close = useCallback(() => setOpen(false), []);
  return (
    <div className="export-section">
      <p className="hint">{t.hint}</p>
      <button type="button" onClick={() => setOpen(true)}>
        {t.open}
      </button>
      {open && (
        <Suspense fallback={<p>{LOADING[ctx.lang]}</p>}>
          <ExportDialog manifest={ctx.atlas.manifest} layers={layers} indicator={ctx.indicator} layer={ctx.atlas.blocksLayer.id} lang={ctx.lang} onClose={close} />
        </Suspense>
      )}
    </div>
  );
}

/** The panels main.tsx passes to <App panels={…}>. A stable array: define once. */
export const ANALYSIS_PANELS: AtlasPanel[] = [
  { id: 'hotspots', title: { nl: 'Hotspots en ruimtelijke statistiek', en: 'Hot spots and spatial statistics' }, render: (ctx) => <HotspotSection ctx={ctx} /> },
  { id: 'density', title: { nl: 'Incidentendichtheid en tijdstippen', en: 'Incident density and times' }, render: (ctx) => <DensitySection ctx={ctx} /> },
  { id: 'patrol', title: { nl: 'Patrouilleroutes (toezichthouders)', en: 'Patrol routes (street supervisors)' }, render: (ctx) => <PatrolSection ctx={ctx} /> },
  { id: 'export', title: { nl: 'Kaart exporteren', en: 'Export map' }, render: (ctx) => <ExportSection ctx={ctx} /> },
];
