import type { Layer } from '@deck.gl/core';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { AtlasMap, type HoverInfo } from './components/AtlasMap.tsx';
import { BlockPanel } from './components/BlockPanel.tsx';
import { ClassificationControls } from './components/ClassificationControls.tsx';
import { FiltersPanel } from './components/FiltersPanel.tsx';
import { IndicatorSelect } from './components/IndicatorSelect.tsx';
import { LayersPanel } from './components/LayersPanel.tsx';
import { Legend } from './components/Legend.tsx';
import { Provenance } from './components/Provenance.tsx';
import { Tooltip } from './components/Tooltip.tsx';
import { DEFAULT_BASEMAPS } from './config.ts';
import { loadAtlas, type LoadedAtlas } from './data/load-atlas.ts';
import { numericFields, type ManifestField } from './data/manifest.ts';
import { localized, t, type Lang, type Localized } from './i18n.ts';
import type { BasemapConfig } from './map-layers/basemap-layer.ts';
import { autoScheme, blockClasses, blockColors, blockValues, DEFAULT_STYLE, shownCounts, type BlockClasses, type StyleChoice } from './state/block-style.ts';
import { categories, filterMask, type BlockFilter } from './state/filters.ts';
import { writeUrlState, type LayerState, type MapView, type UrlState } from './state/url-state.ts';

// the table is loaded when it is first opened
const BlockTable = lazy(() => import('./components/BlockTable.tsx'));

/** What an analysis panel (e.g. hot spots, patrol routes) gets from the atlas. */
export interface AtlasPanelContext {
  atlas: LoadedAtlas;
  lang: Lang;
  /** The mapped indicator (field name). */
  indicator: string;
  /** Its classification, palette and ranks as the map shows them. */
  classes: BlockClasses;
  /** The layers panel state (top first). */
  layers: LayerState[];
  /** 1 per block the filters keep, 0 otherwise; null when no filter is set. */
  mask: Uint8Array | null;
  /** block_id of the selected blocks, in selection order. */
  selectedIds: string[];
  /** Select blocks by block_id (highlights them on the map and in the table). */
  selectBlocks: (ids: string[]) => void;
  /** Replace this panel's deck.gl layers, drawn above the blocks (pass [] to clear). Stable between renders. */
  setLayers: (layers: Layer[]) => void;
}

/** A collapsible section in the control panel, mounted by the lead through App's `panels` prop. */
export interface AtlasPanel {
  /** Stable id (also the key of its layers). */
  id: string;
  title: Localized;
  render: (ctx: AtlasPanelContext) => ReactNode;
  /** Open at start. @default false */
  open?: boolean;
}

export interface AppProps {
  /** Language at start (read from the URL once, in main.tsx). */
  initialLang: Lang;
  /** The rest of the shared state in the URL at start (main.tsx: parseUrlState). */
  initialState?: UrlState;
  /** Where the layers directory is, relative to the page. @default 'layers/' */
  layersUrl?: string;
  /** Extra sections in the control panel. @default [] */
  panels?: AtlasPanel[];
  /** Extra deck.gl layers drawn above the blocks, under the selection outline. Keep the array stable. @default [] */
  extraLayers?: Layer[];
}

const NO_PANELS: AtlasPanel[] = [];
const NO_LAYERS: Layer[] = [];

/** Loads the atlas, then shows the map with its panels and the source line. */
export function App({ initialLang, initialState = {}, layersUrl = 'layers/', panels = NO_PANELS, extraLayers = NO_LAYERS }: AppProps) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [atlas, setAtlas] = useState<LoadedAtlas | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    loadAtlas(layersUrl).then(
      (a) => {
        window.__wijkatlasTimings = { ...window.__wijkatlasTimings, atlasLoadedAt: performance.now() };
        if (!cancelled) setAtlas(a);
      },
      (e: Error) => !cancelled && setError(e.message),
    );
    return () => {
      cancelled = true;
    };
  }, [layersUrl]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = atlas ? t(lang, 'pageTitle', { atlas: localized(atlas.manifest.atlas.title, lang) }) : t(lang, 'appName');
  }, [lang, atlas]);

  const switchLang = () => setLang(lang === 'nl' ? 'en' : 'nl');

  if (error) return <p className="status status-error">{t(lang, 'loadError', { message: error })}</p>;
  if (!atlas) return <p className="status">{t(lang, 'loading')}</p>;
  return <AtlasView atlas={atlas} lang={lang} onSwitchLang={switchLang} initial={initialState} panels={panels} extraLayers={extraLayers} />;
}

/** Default layer order, top first: blocks, lines, other polygons, the area outline, then the (hidden) basemap. */
function defaultLayers(atlas: LoadedAtlas, basemap: BasemapConfig | null): LayerState[] {
  const rank = (l: LoadedAtlas['manifest']['layers'][number]) => (l.kind === 'blocks' ? 0 : l.id === 'area' ? 3 : /line/i.test(l.geometry) ? 1 : 2);
  const ids = atlas.manifest.layers
    .filter((l) => atlas.data[l.id])
    .sort((a, b) => rank(a) - rank(b))
    .map((l) => ({ id: l.id, visible: true, opacity: 1 }));
  return basemap ? [...ids, { id: 'basemap', visible: false, opacity: 1 }] : ids;
}

/** The URL's layer list, restricted to known layers, with missing ones added in their default place. */
function mergeLayers(defaults: LayerState[], fromUrl: LayerState[] | undefined): LayerState[] {
  if (!fromUrl) return defaults;
  const known = fromUrl.filter((l) => defaults.some((d) => d.id === l.id));
  const missing = defaults.filter((d) => !known.some((l) => l.id === d.id));
  return [...known, ...missing];
}

declare global {
  interface Window {
    /** Milliseconds of the last classification and colour-array build (read by bench/app.ts). */
    __wijkatlasTimings?: Record<string, number>;
  }
}

/** Run `fn` and note how long it took in window.__wijkatlasTimings[name]. */
function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  const result = fn();
  window.__wijkatlasTimings = { ...window.__wijkatlasTimings, [name]: performance.now() - start };
  return result;
}

function median(values: (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

interface AtlasViewProps {
  atlas: LoadedAtlas;
  lang: Lang;
  onSwitchLang: () => void;
  initial: UrlState;
  panels: AtlasPanel[];
  extraLayers: Layer[];
}

function AtlasView({ atlas, lang, onSwitchLang, initial, panels, extraLayers }: AtlasViewProps) {
  const { manifest, blocksLayer, data } = atlas;
  const blocks = data[blocksLayer.id];
  const features = blocks.features;
  const fields = useMemo(() => numericFields(blocksLayer), [blocksLayer]);
  const textFields = useMemo(() => blocksLayer.fields.filter((f) => f.type === 'string'), [blocksLayer]);
  const categorical = useMemo(
    () =>
      textFields.filter((f) => {
        if (f.name === 'block_id') return false;
        const n = categories(features, f.name).length;
        return n > 1 && n <= 12;
      }),
    [textFields, features],
  );
  const basemaps = useMemo(() => manifest.basemaps?.length ? manifest.basemaps : DEFAULT_BASEMAPS, [manifest]);
  const basemap = basemaps[0] ?? null;

  // --- state (initial values from the URL, read once in main.tsx)
  const [indicator, setIndicator] = useState(() => {
    const wanted = initial.indicator ?? manifest.default_indicator;
    return fields.some((f) => f.name === wanted) ? (wanted as string) : (fields[0]?.name ?? '');
  });
  const [choice, setChoice] = useState<StyleChoice>(() => {
    const method = initial.method ?? DEFAULT_STYLE.method;
    const breaks = initial.breaks ?? null;
    return {
      method: method === 'manual' && !breaks ? DEFAULT_STYLE.method : method,
      classes: initial.classes ?? DEFAULT_STYLE.classes,
      scheme: initial.scheme ?? null,
      reverse: initial.reverse ?? false,
      breaks,
    };
  });
  const [layers, setLayers] = useState<LayerState[]>(() => mergeLayers(defaultLayers(atlas, basemap), initial.layers));
  // filters from a shared link apply only to fields this atlas has
  const [filters, setFilters] = useState<BlockFilter[]>(() => (initial.filters ?? []).filter((f) => features.some((x) => x.properties && f.field in x.properties)));
  const [selected, setSelected] = useState<number[]>(() => {
    const ids = initial.selected ?? [];
    return ids.map((id) => features.findIndex((f) => f.properties?.block_id === id)).filter((i) => i >= 0);
  });
  const [tableOpen, setTableOpen] = useState(initial.table ?? false);
  const view = useRef<MapView | null>(initial.view ?? null);
  const [panelLayers, setPanelLayers] = useState<Record<string, Layer[]>>({});

  // --- derived data: recomputed only when their inputs change, so deck.gl sees stable references
  const field = fields.find((f) => f.name === indicator);
  const values = useMemo(() => blockValues(features, indicator), [features, indicator]);
  const classes = useMemo(() => timed('classify', () => blockClasses(values, indicator, field?.theme, choice)), [values, indicator, field?.theme, choice]);
  const mask = useMemo(() => filterMask(features, filters), [features, filters]);
  const fillColors = useMemo(() => timed('colours', () => blockColors(classes, mask)), [classes, mask]);
  const counts = useMemo(() => shownCounts(classes, mask), [classes, mask]);
  const colorKey = useMemo(
    () => `${indicator}|${choice.method}|${choice.classes}|${classes.scheme}|${choice.reverse}|${classes.classification.breaks.join(',')}|${JSON.stringify(filters)}`,
    [indicator, choice, classes, filters],
  );
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const selectedFeatures = useMemo(() => selected.map((i) => features[i]), [selected, features]);
  const medians = useMemo(() => Object.fromEntries(fields.map((f) => [f.name, median(blockValues(features, f.name))])), [fields, features]);
  const unit = localized(field?.unit, lang);

  // --- the shareable state goes into the URL
  const urlState = useMemo<UrlState>(
    () => ({
      lang,
      indicator,
      method: choice.method === DEFAULT_STYLE.method ? undefined : choice.method,
      classes: choice.classes === DEFAULT_STYLE.classes ? undefined : choice.classes,
      scheme: choice.scheme ?? undefined,
      reverse: choice.reverse,
      breaks: choice.breaks ?? undefined,
      layers,
      selected: selected.map((i) => String(features[i].properties?.block_id ?? '')).filter(Boolean),
      table: tableOpen,
      filters,
    }),
    [lang, indicator, choice, layers, selected, features, tableOpen, filters],
  );
  const writeUrl = useCallback(() => {
    const next = writeUrlState(window.location.href, { ...urlState, view: view.current ?? undefined });
    if (next !== window.location.href) window.history.replaceState(null, '', next);
  }, [urlState]);
  useEffect(writeUrl, [writeUrl]);
  const viewTimer = useRef<number | undefined>(undefined);
  const onViewChange = useCallback(
    (v: MapView) => {
      view.current = v;
      window.clearTimeout(viewTimer.current);
      viewTimer.current = window.setTimeout(writeUrl, 400);
    },
    [writeUrl],
  );

  // --- selection, shared by map, table and analysis panels
  const select = useCallback((index: number | null, additive: boolean) => {
    setSelected((prev) => {
      if (index === null) return additive ? prev : [];
      if (additive) return prev.includes(index) ? prev.filter((i) => i !== index) : [...prev, index];
      return prev.length === 1 && prev[0] === index ? prev : [index];
    });
  }, []);
  const selectBlocks = useCallback(
    (ids: string[]) => setSelected(ids.map((id) => features.findIndex((f) => f.properties?.block_id === id)).filter((i) => i >= 0)),
    [features],
  );
  const layerSetters = useMemo(
    () => Object.fromEntries(panels.map((p) => [p.id, (l: Layer[]) => setPanelLayers((prev) => ({ ...prev, [p.id]: l }))])),
    [panels],
  );
  const [openPanels, setOpenPanels] = useState<Record<string, boolean>>(() => Object.fromEntries(panels.map((p) => [p.id, p.open ?? false])));
  const allExtraLayers = useMemo(
    () => [...extraLayers, ...panels.flatMap((p) => (openPanels[p.id] ? (panelLayers[p.id] ?? []) : []))],
    [extraLayers, panels, panelLayers, openPanels],
  );

  const setIndicatorChoice = (name: string) => {
    setIndicator(name);
    // locked or manual breaks belong to one indicator
    if (choice.breaks) setChoice({ ...choice, method: choice.method === 'manual' ? DEFAULT_STYLE.method : choice.method, breaks: null });
  };

  const layerNames = useMemo(() => {
    const names: Record<string, string> = Object.fromEntries(manifest.layers.map((l) => [l.id, localized(l.label, lang)]));
    if (basemap) names.basemap = t(lang, 'basemap', { name: basemap.name });
    return names;
  }, [manifest, lang, basemap]);

  const idField = useMemo<ManifestField>(
    () => textFields.find((f) => f.name === 'block_id') ?? { name: 'block_id', type: 'string', label: { nl: t('nl', 'blockIdLabel'), en: t('en', 'blockIdLabel') } },
    [textFields],
  );
  const themeFields = useMemo(() => fields.filter((f) => f.theme === field?.theme), [fields, field]);
  const tableColumns = useMemo(
    () => [idField, ...categorical, ...(field ? [field] : []), ...themeFields.filter((f) => f !== field).slice(0, 5)],
    [idField, categorical, field, themeFields],
  );
  const exportFields = useMemo(() => {
    const names = blocksLayer.fields.map((f) => f.name);
    return names.includes('block_id') ? names : ['block_id', ...names];
  }, [blocksLayer]);
  const primary = selected.length ? features[selected[selected.length - 1]] : null;
  const basemapOn = layers.some((l) => l.id === 'basemap' && l.visible);
  const ctx: Omit<AtlasPanelContext, 'setLayers'> = {
    atlas,
    lang,
    indicator,
    classes,
    layers,
    mask,
    selectedIds: urlState.selected ?? [],
    selectBlocks,
  };

  return (
    <div className={`app${tableOpen ? ' table-open' : ''}${primary ? ' block-open' : ''}`}>
      <a className="skip-link" href="#controls">
        {t(lang, 'skipToControls')}
      </a>
      <AtlasMap
        data={data}
        blocksId={blocksLayer.id}
        bbox={manifest.atlas.bbox}
        layers={layers}
        fillColors={fillColors}
        colorKey={colorKey}
        indicator={indicator}
        selected={selectedFeatures}
        extraLayers={allExtraLayers}
        basemap={basemap}
        initialView={initial.view ?? null}
        lang={lang}
        onSelect={select}
        onViewChange={onViewChange}
        tooltip={(h: HoverInfo) =>
          field && (
            <Tooltip
              x={h.x}
              y={h.y}
              feature={features[h.index]}
              field={{ name: indicator, label: field.label, unit }}
              rank={classes.ranks[h.index]}
              ranked={classes.ranked}
              lang={lang}
            />
          )
        }
      />
      <aside className="panel" id="controls" tabIndex={-1}>
        <header className="panel-header">
          <div className="panel-topline">
            <span className="app-name">{t(lang, 'appName')}</span>
            {manifest.atlas.demo && (
              <span className="demo-badge" title={t(lang, 'demoTitle')}>
                {t(lang, 'demoBadge')}
              </span>
            )}
            <button type="button" className="lang-toggle" onClick={onSwitchLang} aria-label={t(lang, 'switchLanguageLabel')}>
              {t(lang, 'switchLanguage')}
            </button>
          </div>
          <h1>{localized(manifest.atlas.title, lang)}</h1>
        </header>
        {field ? (
          <>
            <IndicatorSelect fields={fields} value={indicator} onChange={setIndicatorChoice} lang={lang} />
            <ClassificationControls
              key={`${indicator}|${choice.method}`}
              choice={choice}
              currentBreaks={classes.classification.breaks}
              autoScheme={autoScheme(field.theme, choice.method)}
              onChange={setChoice}
              lang={lang}
            />
            <Legend
              classes={classes}
              counts={counts.counts}
              noData={counts.noData}
              shown={counts.shown}
              total={features.length}
              label={field.label}
              unit={unit}
              lang={lang}
            />
          </>
        ) : (
          <p>{t(lang, 'noIndicators')}</p>
        )}
        <div className="panel-actions">
          <button type="button" className="table-toggle" aria-expanded={tableOpen} onClick={() => setTableOpen(!tableOpen)}>
            {t(lang, tableOpen ? 'tableHide' : 'tableShow')}
          </button>
        </div>
        <details className="section" open>
          <summary>{t(lang, 'layers')}</summary>
          <LayersPanel layers={layers} names={layerNames} online={basemap ? ['basemap'] : []} onChange={setLayers} lang={lang} />
        </details>
        <details className="section">
          <summary>
            {t(lang, 'filters')}
            {filters.length > 0 && <span className="badge"> {filters.length}</span>}
          </summary>
          <FiltersPanel features={features} numeric={fields} categorical={categorical} filters={filters} defaultField={indicator} onChange={setFilters} lang={lang} />
        </details>
        {/* analysis panels mounted through App's `panels` prop */}
        {panels.map((p) => (
          <details
            className="section"
            key={p.id}
            open={openPanels[p.id]}
            data-panel={p.id}
            onToggle={(e) => {
              const isOpen = e.currentTarget.open;
              setOpenPanels((prev) => (prev[p.id] === isOpen ? prev : { ...prev, [p.id]: isOpen }));
            }}
          >
            <summary>{localized(p.title, lang)}</summary>
            {/* mounted only while open: a closed panel computes nothing and draws no layers */}
            {openPanels[p.id] && p.render({ ...ctx, setLayers: layerSetters[p.id] })}
          </details>
        ))}
      </aside>
      {primary && (
        <BlockPanel
          feature={primary}
          fields={blocksLayer.fields}
          chartFields={themeFields.slice(0, 8)}
          medians={medians}
          chartTheme={field?.theme}
          onClose={() => setSelected([])}
          lang={lang}
        />
      )}
      {tableOpen && (
        <Suspense fallback={<p className="table-drawer muted">{t(lang, 'loadingPart')}</p>}>
          <BlockTable
            features={features}
            mask={mask}
            columns={tableColumns}
            exportFields={exportFields}
            selected={selectedSet}
            onSelect={select}
            fileBase={manifest.atlas.id}
            lang={lang}
          />
        </Suspense>
      )}
      <Provenance attribution={manifest.attribution} dataDate={manifest.atlas.data_date} extra={basemapOn && basemap ? [basemap.attribution] : []} lang={lang} />
    </div>
  );
}
