/**
 * Types shared by the street-block pipeline (src/core/blocks). All coordinates are planar metres.
 */
import type { XY } from '../types.ts';

/** What a network edge comes from. 'area' edges are the study-area boundary. */
export type EdgeKind = 'street' | 'rail' | 'water' | 'area';

/** Options of {@link deriveStreetBlocks}; every field has a default in DEFAULT_BLOCK_OPTIONS. */
export interface BlockOptions {
  /** Line ends closer than this (m) to another line are snapped onto it (vertex preferred). */
  snapTolerance: number;
  /** Lines are cropped to the area's bounding box grown by this margin (m). */
  cropMargin: number;
  /** A face or merged group is a sliver when its equivalent width 2A/P is below this (m). */
  sliverWidth: number;
  /** A face or merged group is a sliver when its area is below this (m²). */
  minArea: number;
  /** A face is rail-bounded (rail-land) when streets are at most this share (0–1) of its perimeter. */
  railLandStreetShare: number;
  /** After street-space removal, parts smaller than this (m²) are dropped. */
  minPartArea: number;
  /** Half-width (m) of the street space per OSM highway class; merged over the defaults. */
  highwayHalfWidths: Record<string, number>;
  /** Half-width (m) for a missing or unlisted highway class. */
  unknownHalfWidth: number;
  /** Half-width (m) of the rail corridor subtracted along rail lines on a block's boundary. */
  railHalfWidth: number;
  /** Half-width (m) subtracted along waterways on a block's boundary (0: none). */
  waterHalfWidth: number;
  /** Rail features kept, by `railway` or `type` property; features without either are kept. */
  railTypes: string[];
  /** Water features kept, by `waterway` or `type` property; features without either are kept. */
  waterTypes: string[];
  /** Maximum deviation (m) of buffer arcs from true circles. */
  arcTolerance: number;
  /** Called at the start and end of each stage (and during long ones). */
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** A straight segment of the noded network between two nodes. */
export interface NetworkEdge {
  /** Node index of one end (a < b after noding). */
  a: number;
  /** Node index of the other end. */
  b: number;
  kind: EdgeKind;
  /** OSM highway class of a street edge, null if missing or not a street. */
  highway: string | null;
  length: number;
}

/** The noded line network: nodes sorted by (x, y), edges sorted by (a, b); no duplicates. */
export interface NodedNetwork {
  nodes: XY[];
  edges: NetworkEdge[];
  /** Number of line ends moved by snapping. */
  snapped: number;
  /** Input features left out, by `<input>:<reason>`, e.g. `rail:platform`. */
  skipped: Record<string, number>;
}

/** One boundary edge of a face with the face on the other side (-1: outside or dropped). */
export interface FaceEdge {
  edge: number;
  kind: EdgeKind;
  length: number;
  neighbour: number;
}

/** A bounded face of the noded network that lies inside the study area. */
export interface Face {
  /** Index in the face list. */
  id: number;
  /** Closed rings: outer counter-clockwise first, then clockwise holes. */
  rings: XY[][];
  /** Net area (m²). */
  area: number;
  /** Length of all rings (m); dangles and bridges inside the face are not counted. */
  perimeter: number;
  boundary: FaceEdge[];
}

/** Why a face, group or part was dropped or merged. */
export type BlockReason =
  | 'street-space'
  | 'rail-corridor'
  | 'water-corridor'
  | 'area-edge'
  | 'merged-rail-land'
  | 'merged-slivers'
  | 'sliver-after-street-removal'
  | 'too-small-after-street-removal';

/** Everything deriveStreetBlocks did, for the CLI summary and for audits. */
export interface BlocksReport {
  /** Bounded faces of the network inside the area, before merging and dropping. */
  facesFound: number;
  /** Blocks returned. */
  blocks: number;
  /** Faces, groups or parts dropped; x, y: a point inside it (m, rounded to 0.1). */
  dropped: { reason: BlockReason; area_m2: number; x: number; y: number }[];
  /** Groups of more than one face merged into one block. */
  merged: { into: string; faces: number; reason: BlockReason }[];
  /** Noded network segments by kind. */
  edges: Record<EdgeKind, number>;
  /** Line ends snapped onto another line. */
  snapped: number;
  /** Input features left out, by `<input>:<type>`, e.g. `rail:platform`. */
  skipped: Record<string, number>;
}

/** A merged group of faces kept as one block (before street-space removal). */
export interface FaceGroup {
  faces: number[];
  /** Rings of the union: polygons, each outer ring (CCW) then holes (CW). */
  polygons: XY[][][];
  area: number;
  blockType: 'block' | 'rail-land';
  /** Reason of the merge when faces.length > 1. */
  mergeReason: BlockReason | null;
}
