/**
 * Reproject GeoJSON features between the CRSs that parseCrs knows (pinned proj4 definitions).
 */
import proj4 from 'proj4';
import type { Feature, Geometry, Position } from 'geojson';
import { UserError } from '../core/user-error.ts';
import { parseCrs, type CrsInfo } from './parse-crs.ts';
import { guessCrsFromBbox } from './guess-crs.ts';

/** Options of reprojectFeatures. */
export interface ReprojectOptions {
  /** File name used in error messages. Default: 'input'. */
  file?: string;
  /** The command-line flag that sets this file's CRS, named in the advice. Default: '--crs'. */
  crsFlag?: string;
}

/**
 * Reproject features from one CRS to another. Returns new features (inputs are not mutated);
 * `bbox` members are dropped because they would be stale. Handles every geometry type, including
 * GeometryCollection and null geometries (kept null). Only x and y are transformed: a third
 * (height) or fourth value is copied unchanged.
 *
 * Validate first (validateFeatures): a position that cannot be transformed (non-finite input or
 * result) is a UserError naming the feature.
 *
 * @param features - features in `from`
 * @param from - source CRS: a name parseCrs accepts or a resolved CrsInfo
 * @param to - target CRS, same forms
 * @param options - see ReprojectOptions
 * @returns new features in `to`
 * @example
 * const lonLat = reprojectFeatures(blocks, 'EPSG:31370', 'EPSG:4326');
 */
export function reprojectFeatures<G extends Geometry | null, P>(
  features: readonly Feature<G, P>[],
  from: string | CrsInfo,
  to: string | CrsInfo,
  options: ReprojectOptions = {},
): Feature<G, P>[] {
  if (!Array.isArray(features)) throw new TypeError('reprojectFeatures: features must be an array');
  const source = typeof from === 'string' ? parseCrs(from) : from;
  const target = typeof to === 'string' ? parseCrs(to) : to;
  const file = options.file ?? 'input';

  if (source.proj4 === target.proj4) {
    return features.map(({ bbox: _bbox, ...f }) => ({ ...f, geometry: cloneGeometry(f.geometry) }) as Feature<G, P>);
  }

  const converter = proj4(source.proj4, target.proj4);
  return features.map((feature, index) => {
    const transform = (position: Position): Position => {
      const [x, y, ...rest] = position;
      let out: number[] | undefined;
      try {
        out = converter.forward([x, y]);
      } catch {
        out = undefined;
      }
      if (!out || !Number.isFinite(out[0]) || !Number.isFinite(out[1])) {
        // what the numbers look like, when that is another CRS than the declared one
        const guess = guessCrsFromBbox([x, y, x, y]);
        const hint = guess?.crs && guess.crs !== source.id ? `these numbers look like ${guess.what}: give ${file} the CRS ${guess.crs} (${options.crsFlag ?? '--crs'}, or crs in the atlas config)` : `check the declared CRS of ${file}`;
        throw new UserError(`${file}, feature ${index + 1}: cannot reproject [${x}, ${y}] from ${source.id} to ${target.id} (no finite result); ${hint}, or drop the record`);
      }
      return [out[0], out[1], ...rest];
    };
    const { bbox: _bbox, ...rest } = feature;
    return { ...rest, geometry: mapGeometry(feature.geometry, transform) } as Feature<G, P>;
  });
}

/** Apply `fn` to every position of a geometry, returning a new geometry. */
function mapGeometry<G extends Geometry | null>(geometry: G, fn: (p: Position) => Position): G {
  if (geometry === null || geometry === undefined) return geometry;
  const g = geometry as Geometry;
  switch (g.type) {
    case 'Point':
      return { type: g.type, coordinates: fn(g.coordinates) } as G;
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(fn) } as G;
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((line) => line.map(fn)) } as G;
    case 'MultiPolygon':
      return { type: g.type, coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map(fn))) } as G;
    case 'GeometryCollection':
      return { type: g.type, geometries: g.geometries.map((member) => mapGeometry(member, fn)) } as G;
    default:
      throw new TypeError(`reprojectFeatures: unknown geometry type ${JSON.stringify((g as { type?: unknown }).type)}; run validateFeatures first`);
  }
}

function cloneGeometry<G extends Geometry | null>(geometry: G): G {
  return mapGeometry(geometry, (p) => [...p]);
}
