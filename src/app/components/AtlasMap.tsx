import { WebMercatorViewport, type Layer, type MapViewState, type PickingInfo } from '@deck.gl/core';
import DeckGL from '@deck.gl/react';
import type { Feature, FeatureCollection } from 'geojson';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { t, type Lang } from '../i18n.ts';
import type { BasemapConfig } from '../map-layers/basemap-layer.ts';
import { streetNameLabels } from '../../core/labels/street-name-labels.ts';
import { createBlocksLayer, createContextLayer, createHoverLayer, createSelectionLayer } from '../map-layers/index.ts';
import { createStreetNamesLayer, STREET_NAME_SIZE } from '../map-layers/street-names-layer.ts';
import type { LayerState, MapView } from '../state/url-state.ts';

declare global {
  interface Window {
    /** Set once deck.gl has drawn the loaded layers (read by the end-to-end test and the benchmark). */
    __wijkatlasReady?: boolean;
    /** The colour key (indicator and classification) of the last frame deck.gl drew. */
    __wijkatlasRenderedIndicator?: string;
    __wijkatlasRenderedKey?: string;
    /** performance.now() of the first frame with the map drawn (read by bench/app.ts). */
    __wijkatlasFirstMapMs?: number;
  }
}

export interface HoverInfo {
  x: number;
  y: number;
  index: number;
}

export interface AtlasMapProps {
  /** GeoJSON by layer id; keep the reference stable. */
  data: Record<string, FeatureCollection>;
  blocksId: string;
  bbox: [number, number, number, number];
  /** Layers panel state, top first. The blocks layer and every context layer appear here by id; `basemap` for the raster basemap. */
  layers: LayerState[];
  /** Block fill colours (flat RGBA) and a key that changes with them. */
  fillColors: Uint8Array;
  colorKey: string;
  /** The indicator the colours show (reported to tests through window.__wijkatlasRenderedIndicator). */
  indicator: string;
  /** Selected features (stable array). */
  selected: readonly Feature[];
  /** Extra deck.gl layers drawn above the blocks (analysis panels). */
  extraLayers: readonly Layer[];
  basemap: BasemapConfig | null;
  initialView: MapView | null;
  lang: Lang;
  /** The tooltip for the block under the pointer (feature index), placed by the map. */
  tooltip: (hover: HoverInfo) => ReactNode;
  onSelect: (index: number | null, additive: boolean) => void;
  /** Called on every view change; debounce before writing it anywhere. */
  onViewChange: (view: MapView) => void;
}

/** The view that shows `bbox` whole, leaving room for the panel on the left of wide windows. */
function fittedView(bbox: [number, number, number, number]): MapViewState {
  const width = Math.max(window.innerWidth, 1);
  const height = Math.max(window.innerHeight, 1);
  const wide = width >= 760;
  const padding = wide ? { left: Math.min(380, width * 0.4), right: 40, top: 40, bottom: 60 } : { left: 16, right: 16, top: 16, bottom: Math.round(height * 0.45) + 56 };
  const usable = width - padding.left - padding.right > 20 && height - padding.top - padding.bottom > 20;
  const viewport = new WebMercatorViewport({ width, height });
  const { longitude, latitude, zoom } = viewport.fitBounds(
    [
      [bbox[0], bbox[1]],
      [bbox[2], bbox[3]],
    ],
    { padding: usable ? padding : 0, maxZoom: 19 },
  );
  return { longitude, latitude, zoom, pitch: 0, bearing: 0 };
}

type BasemapFactory = typeof import('../map-layers/basemap-layer.ts').createBasemapLayer;

/** The full-window map: basemap and context layers in the order of the layers panel, the blocks coloured by the chosen indicator, selection and hover outlines on top. */
export function AtlasMap(props: AtlasMapProps) {
  const { data, blocksId, bbox, layers, fillColors, colorKey, indicator, selected, extraLayers, basemap, initialView, lang } = props;
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const initialViewState = useMemo(() => (initialView ? { ...initialView, pitch: 0, bearing: 0 } : fittedView(bbox)), [bbox, initialView]);
  const rendered = useRef({ indicator, colorKey });
  rendered.current = { indicator, colorKey };
  const blocks = data[blocksId];

  // the tile code is loaded only once the basemap is switched on
  const basemapState = layers.find((l) => l.id === 'basemap');
  const [basemapFactory, setBasemapFactory] = useState<{ create: BasemapFactory } | null>(null);
  useEffect(() => {
    if (basemap && basemapState?.visible && !basemapFactory) {
      void import('../map-layers/basemap-layer.ts').then((m) => setBasemapFactory({ create: m.createBasemapLayer }));
    }
  }, [basemap, basemapState?.visible, basemapFactory]);

  const ordered = useMemo(() => {
    const out: Layer[] = [];
    // deck.gl draws the first layer lowest: walk the panel order bottom-up
    for (const l of [...layers].reverse()) {
      if (l.id === 'basemap') {
        if (basemap && basemapFactory) out.push(basemapFactory.create(basemap, { visible: l.visible, opacity: l.opacity }));
      } else if (l.id === blocksId) {
        out.push(createBlocksLayer({ data: blocks, fillColors, colorKey, visible: l.visible, opacity: l.opacity }));
      } else if (data[l.id]) {
        out.push(createContextLayer({ id: l.id, data: data[l.id], visible: l.visible, opacity: l.opacity }));
      }
    }
    return out;
  }, [layers, basemap, basemapFactory, blocksId, blocks, fillColors, colorKey, data]);

  // street names over the blocks and the analysis layers, shown with the streets layer
  const [zoom, setZoom] = useState(initialViewState.zoom);
  const streets = data.streets as FeatureCollection | undefined;
  const streetLabels = useMemo(() => (streets ? streetNameLabels(streets, { fontSize: STREET_NAME_SIZE }) : []), [streets]);
  const streetsState = layers.find((l) => l.id === 'streets');
  const namesLayer = useMemo(
    () => (streetLabels.length > 0 ? createStreetNamesLayer({ data: streetLabels, zoom, visible: streetsState?.visible ?? true }) : null),
    [streetLabels, zoom, streetsState?.visible],
  );

  const selectionLayer = useMemo(() => createSelectionLayer(selected), [selected]);
  const hovered = hover ? (blocks.features[hover.index] ?? null) : null;
  const hoverLayer = useMemo(() => createHoverLayer(hovered), [hovered]);
  // the selection outline is drawn over the (thinner) hover outline so a selected block stays marked under the pointer
  const all = useMemo(() => [...ordered, ...extraLayers, ...(namesLayer ? [namesLayer] : []), hoverLayer, selectionLayer], [ordered, extraLayers, namesLayer, hoverLayer, selectionLayer]);

  const blockIndex = (info: PickingInfo): number | null => (info.layer?.id === 'blocks' && info.object ? info.index : null);

  return (
    <div className="map" role="application" aria-label={t(lang, 'mapLabel')}>
      <DeckGL
        initialViewState={initialViewState}
        controller={{ doubleClickZoom: true, keyboard: true }}
        layers={all}
        onHover={(info) => {
          const index = blockIndex(info);
          setHover((prev) => (index === null ? (prev ? null : prev) : { x: info.x, y: info.y, index }));
        }}
        onClick={(info, event) => {
          const src = (event as unknown as { srcEvent?: MouseEvent }).srcEvent;
          props.onSelect(blockIndex(info), Boolean(src?.ctrlKey || src?.metaKey || src?.shiftKey));
        }}
        onViewStateChange={({ viewState }) => {
          const v = viewState as MapViewState;
          setZoom(Math.round(v.zoom * 20) / 20);
          props.onViewChange({ longitude: v.longitude, latitude: v.latitude, zoom: v.zoom });
        }}
        getCursor={({ isDragging, isHovering }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab')}
        onAfterRender={() => {
          window.__wijkatlasRenderedIndicator = rendered.current.indicator;
          window.__wijkatlasRenderedKey = rendered.current.colorKey;
          window.__wijkatlasFirstMapMs ??= performance.now();
          window.__wijkatlasReady = true;
        }}
      />
      {hover && props.tooltip(hover)}
    </div>
  );
}
