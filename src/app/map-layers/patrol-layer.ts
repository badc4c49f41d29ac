// Patrol routes over the map: each team's legs in its colour, numbered stops, the start square.
// Data is routes.geojson (WGS84) as written by `wijkatlas patrol` or returned by PatrolPanel.
import { PathLayer, TextLayer } from '@deck.gl/layers';
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
  /** Layer id prefix (ids stay stable: `${id}-legs`, `${id}-stops`). @default 'patrol' */
  id?: string;
}

const rgba = (hex: string, a = 255): RGBA => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16), a];

/**
 * Pixel offsets that keep the badges of stops at (nearly) the same place apart: teams often stop at
 * the same hot corner. Points closer than `tolerance` degrees (≈ 7 m) form a group, laid out in a
 * row of badges centred on the spot, in team order; a lone point keeps [0, 0].
 */
export function stopBadgeOffsets(points: readonly Feature<Point, Pick<PatrolFeatureProperties, 'team' | 'stop'>>[], spacing = 20, tolerance = 1e-4): [number, number][] {
  const groups: number[][] = [];
  const where = points.map((f) => f.geometry.coordinates);
  for (let i = 0; i < points.length; i++) {
    const g = groups.find((members) => Math.abs(where[members[0]][0] - where[i][0]) < tolerance && Math.abs(where[members[0]][1] - where[i][1]) < tolerance * 0.63);
    if (g) g.push(i);
    else groups.push([i]);
  }
  const offsets: [number, number][] = points.map(() => [0, 0]);
  for (const g of groups) {
    if (g.length < 2) continue;
    const sorted = g.slice().sort((a, b) => (points[a].properties.team ?? 0) - (points[b].properties.team ?? 0) || (points[a].properties.stop ?? 0) - (points[b].properties.stop ?? 0));
    sorted.forEach((i, k) => (offsets[i] = [(k - (sorted.length - 1) / 2) * spacing, 0]));
  }
  return offsets;
}

/** The deck.gl layers of a patrol plan: legs, and numbered stop badges (start "S") that never hide each other. */
export function createPatrolLayers({ data, teams, visible = true, width = 4, id = 'patrol' }: PatrolLayerOptions) {
  const show = (f: Feature<LineString | Point, PatrolFeatureProperties>) => !teams || f.properties.team === null || teams.includes(f.properties.team);
  const legs = data.features.filter((f) => f.properties.kind === 'leg' && show(f)) as Feature<LineString, PatrolFeatureProperties>[];
  const points = data.features.filter((f) => f.properties.kind !== 'leg' && show(f)) as Feature<Point, PatrolFeatureProperties>[];
  const label = (f: Feature<Point, PatrolFeatureProperties>) => (f.properties.kind === 'start' ? 'S' : String(f.properties.stop));
  const offsets = stopBadgeOffsets(points);
  const offsetOf = new Map(points.map((f, i) => [f, offsets[i]]));
  return [
    new PathLayer<Feature<LineString, PatrolFeatureProperties>>({ id: `${id}-legs`, data: legs, visible, getPath: (f) => f.geometry.coordinates as [number, number][], getColor: (f) => rgba(f.properties.colour, 220), getWidth: width, widthUnits: 'pixels', capRounded: true, jointRounded: true, pickable: true, updateTriggers: { getWidth: width } }),
    new TextLayer<Feature<Point, PatrolFeatureProperties>>({
      id: `${id}-stops`,
      data: points,
      visible,
      getPosition: (f) => f.geometry.coordinates as [number, number],
      getText: label,
      getColor: [255, 255, 255, 255],
      getSize: 11,
      fontWeight: 700,
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
      getPixelOffset: (f) => offsetOf.get(f) ?? [0, 0],
      background: true,
      getBackgroundColor: (f) => rgba(f.properties.colour),
      getBorderColor: [255, 255, 255, 255],
      getBorderWidth: 1.5,
      backgroundPadding: [5, 3],
      backgroundBorderRadius: 8,
      pickable: true,
    }),
  ];
}
