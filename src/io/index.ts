/**
 * src/io: the only code that touches bytes. Explicit named exports only.
 */
export { readVectorSource, type VectorFormat, type VectorSource, type VectorSourceOptions } from './read-vector-source.ts';
export { readGeojson, type ReadGeojsonOptions, type ReadGeojsonResult } from './read-geojson.ts';
export { readCsv, type CsvTable, type CsvSeparator, type ReadCsvOptions } from './read-csv.ts';
export { csvToPoints, type CsvToPointsOptions, type CsvPointsResult } from './csv-to-points.ts';
export { parseBelgianNumber } from './parse-belgian-number.ts';
export { parseDateTime } from './parse-date-time.ts';
export { validateFeatures, repairFeatures, type ValidateFeaturesOptions, type RepairFeaturesOptions, type RepairFeaturesResult, type RepairedRecord, type ExpectedGeometry } from './validate-features.ts';
export { checkTextFile, MAX_LINE_BYTES, MAX_TEXT_BYTES, type CheckTextFileOptions } from './check-text-file.ts';
export { stringifyRejects, rejectsFormatOf, type RejectRow, type RejectsFormat } from './write-rejects.ts';
export { parseCrs, KNOWN_CRS_IDS, type CrsInfo } from './parse-crs.ts';
export { reprojectFeatures, type ReprojectOptions } from './reproject.ts';
export { stringifyFeatureCollection, type StringifyOptions } from './write-geojson.ts';
export { hashFile, hashBytes } from './hash-file.ts';
export { decodeText, type DecodedText, type TextEncodingName } from './decode-text.ts';
export { locateJsonError, type JsonErrorLocation } from './locate-json-error.ts';
export { readShapefile, shapefilePartsFromZip, type ShapefileParts, type ShapefileResult, type ReadShapefileOptions } from './read-shapefile.ts';
export { readDbf, encodingFromCpg, type DbfTable, type DbfField, type ReadDbfOptions } from './read-dbf.ts';
export { readOsmXml, readOverpassJson, isArea, type ReadOsmOptions, type ReadOsmResult } from './read-osm.ts';
export { readGeopackage, type ReadGeopackageOptions, type ReadGeopackageResult } from './read-geopackage.ts';
export { parseWkb, parseGpkgGeometry, WkbError } from './parse-wkb.ts';
export { parseWkt, WktError, type ParsedWkt } from './parse-wkt.ts';
export { wktToCrs, parseWktTree, type WktCrsMatch, type WktNode } from './parse-wkt-crs.ts';
export { guessCrsFromBbox, describeCrsGuess, type CrsGuess } from './guess-crs.ts';
export { assemblePolygons, assembleWithRoles, signedArea } from './assemble-rings.ts';
export { readGeotiff, readGeotiffBytes, type GeotiffSource, type ReadGeotiffOptions } from './read-geotiff.ts';
export { httpRequest, retryAfterMs, type HttpOptions, type HttpRequest, type HttpResponse } from './fetch/http-client.ts';
export { cachedRequest, type CachedRequestOptions, type FetchedBody } from './fetch/cached-request.ts';
export { cacheKey, readCachedResponse, writeCachedResponse, type CacheEntryMeta } from './fetch/response-cache.ts';
export { fetchOverpass, overpassQuery, checkOverpassJson, OVERPASS_URL, type OverpassResult } from './fetch/fetch-overpass.ts';
export { fetchStatbelSectors, statbelSectorsUrl, STATBEL_SECTORS_YEAR, type StatbelSectorsResult } from './fetch/fetch-statbel-sectors.ts';
export { fetchGrb, grbPageUrl, GRB_LAYERS, GRB_WFS_URL, type GrbLayer, type GrbResult } from './fetch/fetch-grb.ts';
export { parseBBox, bboxOfAreaFile, bboxInCrs, type LonLatBBox } from './fetch/study-bbox.ts';
export { fetchedGeojson, featureBBox } from './fetch/write-fetched-geojson.ts';
