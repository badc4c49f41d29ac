/**
 * Default boundary tolerance of the joins, in metres (1 µm): a point this close to a ring edge is on
 * the boundary. It absorbs the rounding of points computed on a diagonal edge (e.g. a midpoint in
 * Lambert 72 coordinates) without moving any surveyed point.
 *
 * @example
 * pointInAreal([x, y], block.geometry, BOUNDARY_TOLERANCE_M); // 'inside' | 'boundary' | 'outside'
 */
export const BOUNDARY_TOLERANCE_M = 1e-6;
