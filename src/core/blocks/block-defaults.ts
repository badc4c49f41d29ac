import type { BlockOptions } from './block-types.ts';

/**
 * Default half-widths (m) of the street space by OSM `highway` class: half of a typical
 * carriageway plus pavements/verges in a Flemish town. Link roads are one-way ramps.
 */
export const DEFAULT_HIGHWAY_HALF_WIDTHS: Readonly<Record<string, number>> = Object.freeze({
  motorway: 12,
  trunk: 10,
  primary: 8,
  secondary: 7,
  tertiary: 6,
  motorway_link: 5,
  trunk_link: 5,
  primary_link: 4.5,
  secondary_link: 4.5,
  tertiary_link: 4,
  unclassified: 4.5,
  residential: 4.5,
  road: 4,
  living_street: 3.5,
  service: 3,
  track: 2,
  pedestrian: 1.5,
  footway: 1.5,
  cycleway: 1.5,
  path: 1.5,
  steps: 1.5,
  bridleway: 1.5,
});

/** Default options of deriveStreetBlocks (all lengths in metres, areas in m²). */
export const DEFAULT_BLOCK_OPTIONS: Readonly<Omit<BlockOptions, 'onProgress'>> = Object.freeze({
  snapTolerance: 0.5, // line ends within 0.5 m of another line are joined to it
  cropMargin: 50, // lines are kept up to 50 m beyond the area's bounding box (street buffers reach in)
  sliverWidth: 8, // equivalent width 2A/P below 8 m: too thin for a row of houses
  minArea: 150, // below 150 m²: smaller than one terraced-house plot
  railLandStreetShare: 0.1, // rail-land: streets (level crossings, bridges) ≤ 10 % of the boundary
  minPartArea: 20, // parts left by street-space removal below 20 m² are dropped
  highwayHalfWidths: DEFAULT_HIGHWAY_HALF_WIDTHS as Record<string, number>,
  unknownHalfWidth: 4, // missing or unlisted highway class
  railHalfWidth: 3, // one track plus ballast and verge
  waterHalfWidth: 0, // waterway widths are unknown: nothing subtracted by default
  railTypes: ['rail'], // platform, abandoned, disused, construction, … are left out
  waterTypes: ['river', 'canal'], // streams, ditches and drains do not bound blocks
  arcTolerance: 0.05, // buffer arcs within 5 cm of true circles
});
