import { binTimeFilter, type BinFilter } from './bin-time-filter.ts';
import type { IncidentDensityLayer } from './incident-density-layer.ts';
import { kernelDensity } from './kernel-density.ts';

export interface DensityOfBinsOptions {
  filter?: BinFilter;
  /** Default the layer's kernel. */
  kernel?: 'quartic' | 'gaussian';
  /** Bandwidth in metres; default the layer's. */
  bandwidth?: number;
}

/**
 * Kernel density of the layer's binned incidents on the layer's own grid, after a time filter: each
 * bin is a weighted point at its centre (binned kernel density). Used by the build for the published
 * surface and by the app for every filter, so both give the same numbers.
 *
 * @param layer the incident-density layer (grid, bins, kernel, bandwidth)
 * @param options filter, kernel, bandwidth
 * @returns density per km², row-major top row first, and the number of incidents kept
 * @example
 * densityOfBins(layer, { filter: { weekdays: [5, 6], hours: { from: 20, to: 2 } } }).incidents; // 57
 */
export function densityOfBins(layer: IncidentDensityLayer, options: DensityOfBinsOptions = {}): { values: Float64Array; incidents: number } {
  const { grid, bins } = layer;
  const keep = binTimeFilter(bins, options.filter);
  const xs: number[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  for (let i = 0; i < keep.length; i++) {
    if (!keep[i]) continue;
    xs.push(grid.x0 + (bins.col[i] + 0.5) * layer.bin_m);
    ys.push(grid.y0 - (bins.row[i] + 0.5) * layer.bin_m);
    ws.push(bins.n[i]);
  }
  const incidents = ws.reduce((a, b) => a + b, 0);
  if (xs.length === 0) return { values: new Float64Array(grid.width * grid.height), incidents: 0 };
  const bbox: [number, number, number, number] = [grid.x0, grid.y0 - grid.height * grid.cell_m, grid.x0 + grid.width * grid.cell_m, grid.y0];
  // bbox snapped to the cell lattice already: kernelDensity keeps x0, y0, width, height
  const kde = kernelDensity(xs, ys, { crs: layer.crs, cellSize: grid.cell_m, bandwidth: options.bandwidth ?? layer.bandwidth_m, kernel: options.kernel ?? layer.kernel, weights: ws, bbox });
  if (kde.raster.width !== grid.width || kde.raster.height !== grid.height || kde.raster.x0 !== grid.x0 || kde.raster.y0 !== grid.y0) {
    throw new Error(`densityOfBins: the raster ${kde.raster.width}×${kde.raster.height} at (${kde.raster.x0}, ${kde.raster.y0}) does not match the layer's grid ${grid.width}×${grid.height} at (${grid.x0}, ${grid.y0})`);
  }
  return { values: kde.raster.values, incidents };
}
