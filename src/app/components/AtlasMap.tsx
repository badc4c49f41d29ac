import { WebMercatorViewport, type MapViewState, type PickingInfo } from '@deck.gl/core';
import DeckGL from '@deck.gl/react';
import type { Feature, FeatureCollection } from 'geojson';
import { useMemo, useRef, useState } from 'react';
import { t, type Lang } from '../i18n.ts';
import { createAreaLayer, createBlocksLayer, createHoverLayer, createLandcoverLayer, createRailwaysLayer, createStreetsLayer } from '../map-layers/index.ts';
import type { BlockStyle } from '../state/block-style.ts';
import { Tooltip, type TooltipField } from './Tooltip.tsx';

declare global {
  interface Window {
    /** Set once deck.gl has drawn the loaded layers (read by the end-to-end test). */
    __wijkatlasReady?: boolean;
    /** The indicator shown in the last frame deck.gl drew. */
    __wijkatlasRenderedIndicator?: string;
  }
}

export interface AtlasMapProps {
  /** GeoJSON by layer id; keep the reference stable. */
  data: Record<string, FeatureCollection>;
  blocksId: string;
  bbox: [number, number, number, number];
  style: BlockStyle;
  field: TooltipField;
  lang: Lang;
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

/** The full-window map: context layers under the blocks, coloured by the chosen indicator. */
export function AtlasMap({ data, blocksId, bbox, style, field, lang }: AtlasMapProps) {
  const initialViewState = useMemo(() => fittedView(bbox), [bbox]);
  const [hover, setHover] = useState<{ x: number; y: number; feature: Feature } | null>(null);
  const shownField = useRef(style.field);
  shownField.current = style.field;

  const contextLayers = useMemo(
    () => [createAreaLayer(data.area), createLandcoverLayer(data.landcover), createStreetsLayer(data.streets), createRailwaysLayer(data.railways)],
    [data],
  );
  const blocksLayer = useMemo(
    () => createBlocksLayer({ data: data[blocksId], fillColors: style.fillColors, colorKey: style.field }),
    [data, blocksId, style],
  );
  const hovered = hover?.feature ?? null;
  const hoverLayer = useMemo(() => createHoverLayer(hovered), [hovered]);
  const layers = useMemo(() => [...contextLayers, blocksLayer, hoverLayer], [contextLayers, blocksLayer, hoverLayer]);

  const onHover = (info: PickingInfo) => {
    const feature = info.layer?.id === 'blocks' ? (info.object as Feature | undefined) : undefined;
    setHover((prev) => (feature ? { x: info.x, y: info.y, feature } : prev ? null : prev));
  };

  return (
    <div className="map" role="img" aria-label={t(lang, 'mapLabel')}>
      <DeckGL
        initialViewState={initialViewState}
        controller={{ doubleClickZoom: true, keyboard: true }}
        layers={layers}
        onHover={onHover}
        getCursor={({ isDragging, isHovering }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab')}
        onAfterRender={() => {
          window.__wijkatlasRenderedIndicator = shownField.current;
          window.__wijkatlasReady = true;
        }}
      />
      {hover && <Tooltip x={hover.x} y={hover.y} feature={hover.feature} field={field} lang={lang} />}
    </div>
  );
}
