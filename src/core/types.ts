/**
 * Shared types of the core. All core geometry is planar, in metres, in a projected CRS
 * (EPSG:31370 for Belgium by default): readers in src/io reproject before calling core,
 * writers reproject back to WGS84.
 */
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon, GeoJsonProperties } from 'geojson';

export type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon, GeoJsonProperties };

/** A planar position [x, y] in metres. */
export type XY = [number, number];

/** Polygonal geometry as produced and consumed by core. */
export type Areal = Polygon | MultiPolygon;

/** A street block: planar polygon plus its indicator properties (block_id always present). */
export type BlockFeature = Feature<Areal, BlockProperties>;

/** Indicator fields of a block. Exact names are part of the product's contract. */
export interface BlockProperties {
  block_id: string;
  area_m2: number;
  [field: string]: string | number | boolean | null;
}

/** One input record that was not joined, with the reason. */
export interface RejectedRecord {
  /** 0-based position of the record in its source, in input order. */
  index: number;
  /** The record's own id when it has one (e.g. incident number), else null. */
  id: string | number | null;
  /** Machine-readable reason code, e.g. 'outside-blocks', 'null-geometry', 'invalid-coordinates', 'duplicate-id'. */
  reason: RejectReason;
  /** Human-readable detail (one line). */
  detail: string;
}

export type RejectReason =
  | 'null-geometry'
  | 'invalid-geometry'
  | 'invalid-coordinates'
  | 'outside-blocks'
  | 'outside-area'
  | 'duplicate-id'
  | 'missing-value'
  | 'invalid-value'
  | 'outside-period'
  | 'clip-failed'
  /** A geometry of another kind than the layer takes (a Point in a street layer); see src/io/validate-features.ts. */
  | 'wrong-geometry-type'
  /** A polygon whose edges cross, that could not be repaired without changing its area much. */
  | 'self-intersection';

/**
 * What happened to every record of one source in one join. Invariant:
 * `joined + rejected.length === recordsIn`.
 */
export interface JoinReport {
  /** Layer / source id, e.g. 'incidents'. */
  source: string;
  /** Kind of join, e.g. 'points-in-blocks', 'area-overlay'. */
  join: string;
  recordsIn: number;
  joined: number;
  rejected: RejectedRecord[];
  /** block_ids of blocks that received no record. */
  unmatchedBlocks: string[];
  /** Counters for notable but accepted cases (e.g. 'on-shared-edge', 'snapped-to-nearest', 'straddling'). */
  notes: Record<string, number>;
  /** Warnings meant for the user (deduplicated), e.g. "0 records joined". */
  warnings: string[];
}

/** A categorical count table: category -> count. */
export type Counts = Record<string, number>;
