import { UserError } from '../user-error.ts';
import { kernelBandwidth } from './kernel-bandwidth.ts';

/** A north-up raster: row 0 is the top; cell (r, c) has its centre at (x0 + (c + ½) cell, y0 − (r + ½) cell). */
export interface DensityRaster {
  /** Left edge (CRS units, metres). */
  x0: number;
  /** Top edge. */
  y0: number;
  cellSize: number;
  width: number;
  height: number;
  /** Row-major, top row first: density in points (or weight) per km². */
  values: Float64Array;
}

export interface KernelDensityOptions {
  /** CRS of the coordinates; must be projected in metres (geographic CRSs are refused). */
  crs: string;
  /** Cell size in metres (> 0). */
  cellSize: number;
  /** Search radius / bandwidth in metres; default from kernelBandwidth (documented rule). */
  bandwidth?: number;
  /** 'quartic' (ArcGIS, QGIS default) or 'gaussian' (cut off at 4 bandwidths). Default 'quartic'. */
  kernel?: 'quartic' | 'gaussian';
  /** Weight per point (e.g. incident count). Default 1. */
  weights?: ArrayLike<number>;
  /** Extent [minX, minY, maxX, maxY]; default the points' bbox grown by the kernel's reach. */
  bbox?: [number, number, number, number];
  /** Refuse rasters with more cells than this. Default 25,000,000. */
  maxCells?: number;
}

export interface KernelDensityResult {
  raster: DensityRaster;
  bandwidth: number;
  /** 'user' or 'arcgis-silverman' (see kernelBandwidth). */
  bandwidthRule: 'user' | 'arcgis-silverman';
  kernel: 'quartic' | 'gaussian';
  unit: 'per km²';
}

const GEOGRAPHIC = /^(EPSG:(4326|4258|4269|4979|4937|4230|4313)|OGC:CRS84|CRS84|urn:ogc:def:crs:OGC:1\.3:CRS84)$|\+proj=(longlat|latlong)\b/i;

/**
 * Kernel density surface of points, in points (or summed weights) per km², in a projected CRS.
 * Quartic: K(d) = 3 / (π h²) (1 − d²/h²)² for d < h; Gaussian: K(d) = exp(−d² / 2h²) / (2π h²), cut
 * off at 4h (the lost mass is e^−8 ≈ 0.03 %). Both integrate to 1 per point, so Σ values × cell
 * area (km²) ≈ the number of points (or total weight) whose kernel lies inside the extent.
 *
 * @param xs point x (metres)
 * @param ys point y (metres)
 * @param options crs (projected), cellSize, bandwidth, kernel, weights, bbox
 * @returns the raster and the bandwidth used
 * @example
 * kernelDensity(xs, ys, { crs: 'EPSG:31370', cellSize: 25 }).raster.values;
 */
export function kernelDensity(xs: ArrayLike<number>, ys: ArrayLike<number>, options: KernelDensityOptions): KernelDensityResult {
  if (typeof options.crs !== 'string' || GEOGRAPHIC.test(options.crs.trim())) {
    throw new UserError(`kernel density: the points are in ${String(options.crs)}, degrees of longitude/latitude; expected a projected CRS in metres. Reproject them first (e.g. to EPSG:31370).`);
  }
  const cell = options.cellSize;
  if (!(cell > 0 && Number.isFinite(cell))) throw new UserError(`kernel density: expected a cell size in metres > 0, found ${cell}.`);
  const kernel = options.kernel ?? 'quartic';
  if (kernel !== 'quartic' && kernel !== 'gaussian') throw new UserError(`kernel density: expected kernel 'quartic' or 'gaussian', found ${JSON.stringify(kernel)}.`);
  const n = xs.length;
  if (n === 0) throw new UserError('kernel density: no points (after filtering); expected at least one. Widen the time filter.');
  const h = options.bandwidth ?? kernelBandwidth(xs, ys);
  if (!(h > 0 && Number.isFinite(h))) {
    throw new UserError(`kernel density: bandwidth ${h} m; expected > 0 (all points at one place give no automatic bandwidth). Give one with the bandwidth option.`);
  }
  const reach = kernel === 'quartic' ? h : 4 * h;
  let [minX, minY, maxX, maxY] = options.bbox ?? [Infinity, Infinity, -Infinity, -Infinity];
  if (!options.bbox) {
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, xs[i] - reach);
      maxX = Math.max(maxX, xs[i] + reach);
      minY = Math.min(minY, ys[i] - reach);
      maxY = Math.max(maxY, ys[i] + reach);
    }
  }
  const x0 = Math.floor(minX / cell) * cell;
  const y0 = Math.ceil(maxY / cell) * cell;
  const width = Math.max(1, Math.ceil((maxX - x0) / cell));
  const height = Math.max(1, Math.ceil((y0 - minY) / cell));
  const maxCells = options.maxCells ?? 25_000_000;
  if (width * height > maxCells) {
    throw new UserError(`kernel density: ${width} × ${height} cells of ${cell} m exceed ${maxCells}; expected a smaller raster. Use a larger cell size or a smaller extent.`);
  }
  const values = new Float64Array(width * height);
  const h2 = h * h;
  const r2 = reach * reach;
  const norm = (kernel === 'quartic' ? 3 / (Math.PI * h2) : 1 / (2 * Math.PI * h2)) * 1e6; // per km²
  for (let i = 0; i < n; i++) {
    const px = xs[i];
    const py = ys[i];
    const wt = options.weights ? options.weights[i] : 1;
    if (!Number.isFinite(px) || !Number.isFinite(py) || !Number.isFinite(wt)) throw new UserError(`kernel density: point ${i + 1} has coordinates or weight that are not numbers; expected finite values. Drop the record.`);
    const c0 = Math.max(0, Math.floor((px - reach - x0) / cell));
    const c1 = Math.min(width - 1, Math.floor((px + reach - x0) / cell));
    const rr0 = Math.max(0, Math.floor((y0 - (py + reach)) / cell));
    const rr1 = Math.min(height - 1, Math.floor((y0 - (py - reach)) / cell));
    for (let r = rr0; r <= rr1; r++) {
      const dy = y0 - (r + 0.5) * cell - py;
      for (let c = c0; c <= c1; c++) {
        const dx = x0 + (c + 0.5) * cell - px;
        const d2 = dx * dx + dy * dy;
        if (d2 >= r2) continue;
        const k = kernel === 'quartic' ? (1 - d2 / h2) ** 2 : Math.exp(-d2 / (2 * h2));
        values[r * width + c] += wt * norm * k;
      }
    }
  }
  return { raster: { x0, y0, cellSize: cell, width, height, values }, bandwidth: h, bandwidthRule: options.bandwidth === undefined ? 'arcgis-silverman' : 'user', kernel, unit: 'per km²' };
}
