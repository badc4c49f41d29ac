/**
 * The land-cover step of `wijkatlas build` for a raster source (sources.landcover.raster): reads the
 * GeoTIFF window under the blocks, reprojects the blocks into the raster's CRS (the pipeline's
 * reprojection) and joins by zonal statistics there. The result has the same fields as the polygon
 * join, so paved_m2 / green_m2 come from either through the same config.
 */
import path from 'node:path';
import type { ManifestInput } from '../../src/core/atlas/build-manifest.ts';
import type { LandCoverSourceSpec } from '../../src/core/config/atlas-config.ts';
import type { JoinResult } from '../../src/core/join/join-report.ts';
import { zonalStatistics } from '../../src/core/raster/zonal-statistics.ts';
import type { BlockFeature } from '../../src/core/types.ts';
import { UserError } from '../../src/core/user-error.ts';
import { parseCrs } from '../../src/io/parse-crs.ts';
import { readGeotiff } from '../../src/io/read-geotiff.ts';
import { reprojectFeatures } from '../../src/io/reproject.ts';
import type { LoadedSource } from './load-source.ts';

/**
 * Reads and joins a raster land-cover source.
 *
 * @param blocks - street blocks in the working CRS
 * @param spec - sources.landcover with `raster` set
 * @param o - baseDir (the config's folder) and the working CRS
 * @returns the join result and a LoadedSource (no vector records; the raster counts as one record)
 */
export async function loadRasterLandCover(
  blocks: readonly BlockFeature[],
  spec: LandCoverSourceSpec,
  o: { baseDir: string; workingCrs: string },
): Promise<{ result: JoinResult; source: LoadedSource }> {
  const raster = spec.raster;
  if (!raster) throw new Error('loadRasterLandCover: spec.raster is missing (bug)');
  const file = path.resolve(o.baseDir, spec.path);
  const shown = path.relative(process.cwd(), file) || file;
  if (blocks.length === 0) throw new UserError(`${shown}: there are no blocks to join the land-cover raster to; check the study area and the network`);
  // The statistics are computed in the raster's CRS: the blocks are reprojected into it, and only the
  // window of the raster under them is read.
  let inRasterCrs: BlockFeature[] = [];
  let rasterCrs = '';
  const read = await readGeotiff(file, {
    file: shown,
    crs: spec.crs,
    bbox: (crs) => {
      rasterCrs = crs;
      if (parseCrs(crs).geographic) {
        throw new UserError(`${shown}: the raster is in ${crs} (degrees); zonal statistics need a projected raster in metres — warp it first (gdalwarp -t_srs EPSG:31370 in.tif out.tif)`);
      }
      inRasterCrs = crs === parseCrs(o.workingCrs).id ? [...blocks] : reprojectFeatures(blocks, o.workingCrs, crs, { file: 'blocks' });
      return extent(inRasterCrs);
    },
  });
  const result = zonalStatistics(inRasterCrs, read.raster, {
    kind: raster.kind,
    counting: raster.counting ?? 'fractional',
    classValues: spec.class_values,
    band: (raster.band ?? 1) - 1,
    source: 'landcover',
  });
  const input: ManifestInput = {
    id: 'landcover',
    path: path.relative(process.cwd(), file).split(path.sep).join('/'),
    sha256: read.sha256,
    records: 1,
    format: 'geotiff',
    crs: rasterCrs,
  };
  const source: LoadedSource = {
    id: 'landcover',
    features: [],
    indices: [],
    problems: [],
    repairs: [],
    recordLabel: () => `raster ${read.fullSize[0]}×${read.fullSize[1]}`,
    propertiesOf: () => null,
    input,
    file: shown,
  };
  return { result, source };
}

function extent(features: readonly BlockFeature[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) {
      for (const [x, y] of poly[0] ?? []) {
        b[0] = Math.min(b[0], x);
        b[1] = Math.min(b[1], y);
        b[2] = Math.max(b[2], x);
        b[3] = Math.max(b[3], y);
      }
    }
  }
  return b;
}
