import type { Feature } from 'geojson';
import { arealBBox } from '../geometry/areal-bbox.ts';
import { interiorPoint } from '../geometry/interior-point.ts';
import { pointInAreal } from '../geometry/point-in-areal.ts';
import type { Areal } from '../types.ts';
import type { DensityRaster } from './kernel-density.ts';

/**
 * Mean raster value per block: the mean of the cells whose centre lies inside the block (same CRS as
 * the raster). A block smaller than a cell, holding no cell centre, gets the value of the cell under
 * its interior point; a block outside the raster gets 0.
 *
 * @param raster a DensityRaster
 * @param blocks polygons in the raster's CRS
 * @returns one mean per block, input order
 * @example
 * rasterMeanPerBlock(kde.raster, blocks); // [12.5, 0, 3.2, …] per km²
 */
export function rasterMeanPerBlock(raster: DensityRaster, blocks: readonly Feature<Areal>[]): number[] {
  const { x0, y0, cellSize: cell, width, height, values } = raster;
  const at = (x: number, y: number) => {
    const c = Math.floor((x - x0) / cell);
    const r = Math.floor((y0 - y) / cell);
    return c >= 0 && c < width && r >= 0 && r < height ? values[r * width + c] : 0;
  };
  return blocks.map((b) => {
    const [minX, minY, maxX, maxY] = arealBBox(b.geometry);
    const c0 = Math.max(0, Math.ceil((minX - x0) / cell - 0.5));
    const c1 = Math.min(width - 1, Math.floor((maxX - x0) / cell - 0.5));
    const r0 = Math.max(0, Math.ceil((y0 - maxY) / cell - 0.5));
    const r1 = Math.min(height - 1, Math.floor((y0 - minY) / cell - 0.5));
    let sum = 0;
    let count = 0;
    for (let r = r0; r <= r1; r++) {
      const y = y0 - (r + 0.5) * cell;
      for (let c = c0; c <= c1; c++) {
        if (pointInAreal([x0 + (c + 0.5) * cell, y], b.geometry) === 'inside') {
          sum += values[r * width + c];
          count++;
        }
      }
    }
    if (count > 0) return sum / count;
    const rings = b.geometry.type === 'Polygon' ? b.geometry.coordinates : b.geometry.coordinates[0];
    const p = interiorPoint(rings);
    return p ? at(p[0], p[1]) : 0;
  });
}
