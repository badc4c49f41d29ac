/**
 * src/io: the only code that touches bytes. Explicit named exports only.
 */
export { readVectorSource, type VectorFormat, type VectorSource, type VectorSourceOptions } from './read-vector-source.ts';
export { readGeojson, type ReadGeojsonOptions, type ReadGeojsonResult } from './read-geojson.ts';
export { readCsv, type CsvTable, type CsvSeparator, type ReadCsvOptions } from './read-csv.ts';
export { csvToPoints, type CsvToPointsOptions, type CsvPointsResult } from './csv-to-points.ts';
export { parseBelgianNumber } from './parse-belgian-number.ts';
export { parseDateTime } from './parse-date-time.ts';
export { validateFeatures, type ValidateFeaturesOptions } from './validate-features.ts';
export { parseCrs, KNOWN_CRS_IDS, type CrsInfo } from './parse-crs.ts';
export { reprojectFeatures, type ReprojectOptions } from './reproject.ts';
export { stringifyFeatureCollection, type StringifyOptions } from './write-geojson.ts';
export { hashFile, hashBytes } from './hash-file.ts';
export { decodeText, type DecodedText, type TextEncodingName } from './decode-text.ts';
export { locateJsonError, type JsonErrorLocation } from './locate-json-error.ts';
