import type { Areal, BlockFeature, Feature, LineString, MultiLineString, Polygon, MultiPolygon } from '../types.ts';
import { UserError } from '../user-error.ts';
import { ringSignedArea } from '../geometry/ring-signed-area.ts';
import type { BlockOptions, BlockReason, BlocksReport, EdgeKind } from './block-types.ts';
// options: defaults + up-front checks
import { resolveBlockOptions } from './resolve-block-options.ts';
// stage 1: split all lines at crossings and near-misses into a planar network
import { nodeLines } from './node-lines.ts';
// stage 2: faces of the network inside the area, with holes and neighbours
import { polygonizeFaces } from './polygonize-faces.ts';
// stage 3: merge rail-land and sliver faces, drop slivers
import { mergeSlivers, type DroppedItem } from './merge-slivers.ts';
// stage 4: subtract street and rail space
import { removeStreetSpace, type CleanBlock } from './remove-street-space.ts';
// stage 5: stable ids from the final geometry
import { blockId } from './block-id.ts';

type LineFeature = Feature<LineString | MultiLineString>;

/**
 * Derives street blocks: the areas enclosed by streets, railways, optional waterways and the
 * study-area boundary, with street and rail space removed. See docs/blocks.md for every rule.
 *
 * All coordinates are planar metres (reproject to EPSG:31370 before calling; core never
 * reprojects). The result depends only on the input geometry, not on feature order.
 *
 * Pipeline: nodeLines → polygonizeFaces → mergeSlivers → removeStreetSpace → blockId.
 *
 * @param input - streets (properties.highway = OSM class, may be missing), rail, optional water
 *   (LineString/MultiLineString features) and the study area (Polygon/MultiPolygon feature)
 * @param options - partial BlockOptions (defaults in DEFAULT_BLOCK_OPTIONS) and `onProgress`
 * @returns blocks sorted by block_id, with properties block_id, area_m2 (0.1 m²) and block_type
 *   ('block' | 'rail-land'), and a report of every face merged or dropped and why
 * @throws UserError for a missing area, degree coordinates or impossible options
 * @example
 * const { blocks, report } = deriveStreetBlocks({ streets, rail, area });
 * console.log(`${report.blocks} blocks, ${report.dropped.length} slivers dropped`);
 */
export function deriveStreetBlocks(
  input: { streets: LineFeature[]; rail: LineFeature[]; water?: LineFeature[]; area: Feature<Polygon | MultiPolygon> },
  options: Partial<BlockOptions> = {},
): { blocks: BlockFeature[]; report: BlocksReport } {
  if (!input || typeof input !== 'object') throw new UserError('blocks: expected an input object { streets, rail, water?, area }.');
  if (!Array.isArray(input.streets)) throw new UserError('blocks: expected `streets` to be an array of line features; found ' + typeof input.streets + '.');
  if (!Array.isArray(input.rail)) throw new UserError('blocks: expected `rail` to be an array of line features (may be empty); found ' + typeof input.rail + '.');
  if (input.water !== undefined && !Array.isArray(input.water)) throw new UserError('blocks: expected `water` to be an array of line features or undefined.');
  const opts = resolveBlockOptions(options);
  const progress = (stage: string, done: number, total: number) => opts.onProgress?.(stage, done, total);
  const area = input.area?.geometry as Areal;

  progress('node', 0, 1);
  const network = nodeLines(input, opts);
  progress('node', 1, 1);

  progress('polygonize', 0, 1);
  const faces = polygonizeFaces(network, area);
  progress('polygonize', 1, 1);

  progress('merge', 0, 1);
  const merged = mergeSlivers(faces, opts);
  progress('merge', 1, 1);

  const cleaned = removeStreetSpace(merged.groups, faces, network, opts);

  progress('ids', 0, 1);
  const geometries: Polygon[] = cleaned.blocks.map((b) => ({ type: 'Polygon', coordinates: b.rings }));
  const ids = blockId(geometries);
  const blocks: BlockFeature[] = cleaned.blocks.map((b, i) => ({
    type: 'Feature',
    properties: { block_id: ids[i], area_m2: round1(areaOf(geometries[i])), block_type: b.group.blockType },
    geometry: geometries[i],
  }));
  const order = blocks.map((_, i) => i).sort((i, j) => (ids[i] < ids[j] ? -1 : ids[i] > ids[j] ? 1 : 0));
  progress('ids', 1, 1);

  const edges: Record<EdgeKind, number> = { street: 0, rail: 0, water: 0, area: 0 };
  for (const e of network.edges) edges[e.kind]++;
  const report: BlocksReport = {
    facesFound: faces.length,
    blocks: blocks.length,
    dropped: sortDropped([...merged.dropped, ...cleaned.dropped]),
    merged: mergedInto(cleaned.blocks, blocks),
    edges,
    snapped: network.snapped,
    skipped: Object.fromEntries(Object.entries(network.skipped).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
  return { blocks: order.map((i) => blocks[i]), report };
}

/** One entry per merged group, naming its largest block (a group may fall apart into several blocks). */
function mergedInto(cleaned: CleanBlock[], blocks: BlockFeature[]): BlocksReport['merged'] {
  const largest = new Map<number, number>();
  cleaned.forEach((b, i) => {
    if (b.group.mergeReason === null) return;
    const cur = largest.get(b.groupIndex);
    if (cur === undefined || blocks[i].properties.area_m2 > blocks[cur].properties.area_m2) largest.set(b.groupIndex, i);
  });
  return [...largest.values()]
    .map((i) => ({ into: blocks[i].properties.block_id, faces: cleaned[i].group.faces.length, reason: cleaned[i].group.mergeReason as BlockReason }))
    .sort((a, b) => (a.into < b.into ? -1 : a.into > b.into ? 1 : 0));
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function areaOf(g: Areal): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let a = 0;
  for (const rings of polys) for (const ring of rings) a += ringSignedArea(ring);
  return a;
}

function sortDropped(items: DroppedItem[]): BlocksReport['dropped'] {
  return items
    .map((d) => ({ reason: d.reason, area_m2: round1(d.area), x: round1(d.point[0]), y: round1(d.point[1]) }))
    .sort((a, b) => a.x - b.x || a.y - b.y || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0) || a.area_m2 - b.area_m2);
}
