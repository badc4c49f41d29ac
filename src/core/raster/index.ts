// Rasters in core: plain raster objects and zonal statistics over blocks. Explicit named exports only; see docs/io.md "Rasters".
export { pixelArea, pixelToMap, mapToPixel, type Raster, type RasterBand, type RasterTransform } from './raster-types.ts';
export { zonalStatistics, type ZonalStatisticsOptions, type ZonalResult, type ZonalBlockStats, type ZonalKind, type CountingMode } from './zonal-statistics.ts';
