// Patrol routes over the map: each team's legs in its colour, numbered stops, the start square.
// Data is routes.geojson (WGS84) as written by `wijkatlas patrol` or returned by PatrolPanel.
import { PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { PatrolFeatureProperties } from '../../core/routes/patrol-features.ts';

type RGBA = [number, number, number, number];

export interface PatrolLayerOptions {
  /** routes.geojson: legs (LineString), stops and start (Point), with PatrolFeatureProperties. */
  data: FeatureCollection<LineString | Point, PatrolFeatureProperties>;
  /** Show only these teams (1-based). @default all */
  teams?: number[];
  /** @default true */
  visible?: boolean;
  /** Route width in pixels. @default 4 */
  width?: number;
  /** Layer id prefix (ids stay stable: `${id}-legs`, `${id}-stops`, `${id}-labels`). @default 'patrol' */
  id?: string;
}

const rgba = (hex: string, a = 255): RGBA => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16), a];

/** The three deck.gl layers of a patrol plan (legs, stop dots, stop numbers). */
export function createPatrolLayers({ data, teams, visible = true, width = 4, id = 'patrol' }: PatrolLayerOptions) {
  const show = (f: Feature<LineString | Point, PatrolFeatureProperties>) => !teams || f.properties.team === null || teams.includes(f.properties.team);
  const legs = data.features.filter((f) => f.properties.kind === 'leg' && show(f)) as Feature<LineString, PatrolFeatureProperties>[];
  const points = data.features.filter((f) => f.properties.kind !== 'leg' && show(f)) as Feature<Point, PatrolFeatureProperties>[];
  const label = (f: Feature<Point, PatrolFeatureProperties>) => (f.properties.kind === 'start' ? 'S' : String(f.properties.stop));
  return [
    new PathLayer<Feature<LineString, PatrolFeatureProperties>>({ id: `${id}-legs`, data: legs, visible, getPath: (f) => f.geometry.coordinates as [number, number][], getColor: (f) => rgba(f.properties.colour, 220), getWidth: width, widthUnits: 'pixels', capRounded: true, jointRounded: true, pickable: true, updateTriggers: { getWidth: width } }),
    new ScatterplotLayer<Feature<Point, PatrolFeatureProperties>>({ id: `${id}-stops`, data: points, visible, getPosition: (f) => f.geometry.coordinates as [number, number], getFillColor: (f) => rgba(f.properties.colour), getLineColor: [255, 255, 255, 255], stroked: true, lineWidthUnits: 'pixels', getLineWidth: 1.5, radiusUnits: 'pixels', getRadius: 9, pickable: true }),
    new TextLayer<Feature<Point, PatrolFeatureProperties>>({ id: `${id}-labels`, data: points, visible, getPosition: (f) => f.geometry.coordinates as [number, number], getText: label, getColor: [255, 255, 255, 255], getSize: 11, fontWeight: 700, getTextAnchor: 'middle', getAlignmentBaseline: 'center' }),
  ];
}
