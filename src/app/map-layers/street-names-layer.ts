// Street names on the map, placed by core's streetNameLabels: each label has the zoom from which it
// fits its street and clears every other name, so the layer only filters by the current zoom (on the
// GPU, through DataFilterExtension: zooming does not rebuild the text).
import { DataFilterExtension, type DataFilterExtensionProps } from '@deck.gl/extensions';
import { TextLayer } from '@deck.gl/layers';
import type { StreetNameLabel } from '../../core/labels/street-name-labels.ts';

/** The font size the labels are placed for (pass the same to streetNameLabels). */
export const STREET_NAME_SIZE = 12;
/** DejaVu Sans first: the placement measures with its widths. */
const FONT = "'DejaVu Sans', Verdana, system-ui, sans-serif";

export interface StreetNamesLayerOptions {
  data: readonly StreetNameLabel[];
  /** The map's current zoom: labels with a higher minZoom are hidden. */
  zoom: number;
  /** @default true */
  visible?: boolean;
  /** @default 'street-names' */
  id?: string;
}

const filter = new DataFilterExtension({ filterSize: 1 });

/** A TextLayer of street names: dark grey on a white halo, along the street, never upside down. */
export function createStreetNamesLayer({ data, zoom, visible = true, id = 'street-names' }: StreetNamesLayerOptions): TextLayer<StreetNameLabel, DataFilterExtensionProps<StreetNameLabel>> {
  return new TextLayer<StreetNameLabel, DataFilterExtensionProps<StreetNameLabel>>({
    id,
    data: data as StreetNameLabel[],
    visible,
    getPosition: (l) => l.position,
    getText: (l) => l.name,
    getAngle: (l) => l.angle,
    getSize: STREET_NAME_SIZE,
    sizeUnits: 'pixels',
    getColor: [40, 40, 40, 255],
    fontFamily: FONT,
    characterSet: 'auto',
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    fontSettings: { sdf: true, fontSize: 48, buffer: 6, radius: 12 },
    outlineWidth: 4,
    outlineColor: [255, 255, 255, 255],
    billboard: true,
    extensions: [filter],
    getFilterValue: (l: StreetNameLabel) => l.minZoom,
    filterRange: [-1, zoom],
  });
}
