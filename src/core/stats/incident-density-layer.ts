import { UserError } from '../user-error.ts';
import { kernelBandwidth } from './kernel-bandwidth.ts';
import { kernelDensity } from './kernel-density.ts';
import { wallClock } from './wall-clock.ts';

/**
 * Incidents generalised for publication: counts per (bin of `bin_m` metres, weekday, hour, month,
 * block). Column-oriented. No category, no id, no exact place or date: what the app needs to redraw
 * the density and the weekday × hour chart for any time filter, and nothing more.
 */
export interface IncidentBins {
  /** Bin column, from the grid's left edge (bin centre x = x0 + (col + ½) bin_m). */
  col: number[];
  /** Bin row, from the grid's top edge (bin centre y = y0 − (row + ½) bin_m). */
  row: number[];
  /** ISO weekday 1 (Monday) … 7 (Sunday); 0 when the time could not be read. */
  weekday: number[];
  /** Hour 0–23; −1 when the record has a date only or no readable time. */
  hour: number[];
  /** 'YYYY-MM', or '' when unreadable. */
  month: string[];
  /** block_id the incident was counted in. */
  block: string[];
  /** Incidents in this bin. */
  n: number[];
}

/** layers/incident-density.json: a density raster plus the binned incidents it is computed from. */
export interface IncidentDensityLayer {
  schema_version: 1;
  kind: 'incident-density';
  /** Projected CRS of the grid (metres). */
  crs: string;
  unit: 'per km²';
  kernel: 'quartic' | 'gaussian';
  bandwidth_m: number;
  bandwidth_rule: 'user' | 'arcgis-silverman';
  /** North-up grid: cell (r, c) has its centre at (x0 + (c + ½) cell_m, y0 − (r + ½) cell_m). */
  grid: { x0: number; y0: number; cell_m: number; width: number; height: number };
  /** The grid's corners in WGS84 [lon, lat]: bottom-left, top-left, top-right, bottom-right (set by the writer, io). */
  corners_wgs84: [number, number][] | null;
  /** Size of the location bins in metres (bins lie on their own lattice from x0, y0). */
  bin_m: number;
  /** Incidents in the bins (= the incidents the atlas counts on its blocks). */
  incidents: number;
  /** Density of all incidents from their exact positions, row-major, top row first, per km² rounded to 0.01. */
  values: number[];
  bins: IncidentBins;
}

export interface IncidentDensityOptions {
  /** Projected CRS of x, y (metres). */
  crs: string;
  /** Grid cell size in metres. Default 10. */
  cellSize?: number;
  /** Location bin size in metres (the generalisation before publication). Default 10. */
  binSize?: number;
  kernel?: 'quartic' | 'gaussian';
  /** Bandwidth in metres; default the ArcGIS/Silverman rule on all incidents (kernelBandwidth). */
  bandwidth?: number;
  /** Area the grid must cover (e.g. the blocks' bbox) [minX, minY, maxX, maxY]; grown by the kernel's reach. */
  extent: [number, number, number, number];
}

/** An incident placed in a block: projected position, time stamp (ISO text or Date) and block. */
export interface PlacedIncident {
  x: number;
  y: number;
  time: unknown;
  block: string;
}

/**
 * Builds the published incident-density layer: the kernel density of the incidents' exact positions
 * on a grid covering the extent plus the kernel's reach (the raster for GIS users and the per-block
 * mean), and the incidents binned for publication (location to `binSize` metres, time to weekday,
 * hour and month), from which the app redraws the surface for any time filter (densityOfBins).
 *
 * @param incidents the counted incidents, projected (metres)
 * @param options crs, cell and bin size, kernel, bandwidth, extent
 * @returns the layer (corners_wgs84 null: the writer adds them after reprojection)
 * @example
 * const layer = incidentDensityLayer(placed, { crs: 'EPSG:31370', extent: [157900, 189500, 159300, 190900] });
 * layer.values.length === layer.grid.width * layer.grid.height; // true
 */
export function incidentDensityLayer(incidents: readonly PlacedIncident[], options: IncidentDensityOptions): IncidentDensityLayer {
  const cell = options.cellSize ?? 10;
  const bin = options.binSize ?? 10;
  if (!(cell > 0) || !(bin > 0)) throw new UserError(`incident density: expected a cell size and bin size in metres > 0, found ${cell} and ${bin}.`);
  if (incidents.length === 0) throw new UserError('incident density: no incidents were counted on the blocks; expected at least one. Check the incidents source and its period.');
  const kernel = options.kernel ?? 'quartic';
  const h = options.bandwidth ?? kernelBandwidth(incidents.map((p) => p.x), incidents.map((p) => p.y));
  if (!(h > 0 && Number.isFinite(h))) throw new UserError(`incident density: bandwidth ${h} m; expected > 0 (all incidents at one place give no automatic bandwidth). Set sources.incidents.density.bandwidth_m.`);
  const reach = kernel === 'quartic' ? h : 4 * h;
  let [minX, minY, maxX, maxY] = options.extent;
  for (const p of incidents) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  const x0 = Math.floor((minX - reach) / cell) * cell;
  const y0 = Math.ceil((maxY + reach) / cell) * cell;
  const width = Math.max(1, Math.ceil((maxX + reach - x0) / cell));
  const height = Math.max(1, Math.ceil((y0 - (minY - reach)) / cell));

  const byKey = new Map<string, number>();
  const bins: IncidentBins = { col: [], row: [], weekday: [], hour: [], month: [], block: [], n: [] };
  for (const p of incidents) {
    const col = Math.floor((p.x - x0) / bin);
    const row = Math.floor((y0 - p.y) / bin);
    const clock = wallClock(p.time);
    const weekday = clock?.weekday ?? 0;
    const hour = clock?.hour ?? -1;
    const month = clock ? clock.date.slice(0, 7) : '';
    const key = `${col}|${row}|${weekday}|${hour}|${month}|${p.block}`;
    const at = byKey.get(key);
    if (at !== undefined) {
      bins.n[at]++;
      continue;
    }
    byKey.set(key, bins.n.length);
    bins.col.push(col);
    bins.row.push(row);
    bins.weekday.push(weekday);
    bins.hour.push(hour);
    bins.month.push(month);
    bins.block.push(p.block);
    bins.n.push(1);
  }
  // a stable order (by place, then time, then block) so the same incidents give the same file
  const order = bins.n.map((_, i) => i).sort((a, b) => bins.row[a] - bins.row[b] || bins.col[a] - bins.col[b] || bins.month[a].localeCompare(bins.month[b]) || bins.weekday[a] - bins.weekday[b] || bins.hour[a] - bins.hour[b] || (bins.block[a] < bins.block[b] ? -1 : bins.block[a] > bins.block[b] ? 1 : 0));
  const sorted = Object.fromEntries(Object.entries(bins).map(([k, col]) => [k, order.map((i) => (col as unknown[])[i])])) as unknown as IncidentBins;
  const layer: IncidentDensityLayer = {
    schema_version: 1,
    kind: 'incident-density',
    crs: options.crs,
    unit: 'per km²',
    kernel,
    bandwidth_m: Math.round(h * 100) / 100,
    bandwidth_rule: options.bandwidth === undefined ? 'arcgis-silverman' : 'user',
    grid: { x0, y0, cell_m: cell, width, height },
    corners_wgs84: null,
    bin_m: bin,
    incidents: incidents.length,
    values: [],
    bins: sorted,
  };
  // the published surface comes from the exact positions; the app redraws from the bins (binned kernel
  // density) for any time filter — the difference is measured in docs/stats.md
  const bbox: [number, number, number, number] = [x0, y0 - height * cell, x0 + width * cell, y0];
  const exact = kernelDensity(incidents.map((p) => p.x), incidents.map((p) => p.y), { crs: options.crs, cellSize: cell, bandwidth: layer.bandwidth_m, kernel, bbox });
  layer.values = Array.from(exact.raster.values, (v) => Math.round(v * 100) / 100);
  return layer;
}
