/**
 * The declarative atlas config: which files feed the atlas, how their fields map onto Wijkatlas's
 * record fields, and the options of each join. Pure types plus the defaults; validation lives in
 * validate-atlas-config.ts. Paths are relative to the config file.
 */

/** A Dutch/English text pair. */
export interface Label {
  nl: string;
  en: string;
}

/** Where one input file is and how to read it. */
export interface SourceSpec {
  /** Path relative to the config file. */
  path: string;
  /** Force a format instead of guessing from the extension: geojson | ndjson | csv. */
  format?: string;
  /** CRS of the coordinates when the file does not say (default EPSG:4326; CSV with x/y usually EPSG:31370). */
  crs?: string;
  /** CSV coordinate columns. */
  x?: string;
  y?: string;
  /** Text encoding for CSV (default: UTF-8, Latin-1 fallback). */
  encoding?: string;
  /** Keep only features whose property equals a value: "FIELD=VALUE". */
  where?: string;
  /** Input property name for each record field Wijkatlas needs (record field -> source column). */
  fields?: Record<string, string>;
  /** Snap points that fall in street space to the nearest block within this many metres (default 0: off). */
  snap_m?: number;
  /**
   * Largest share (0..1) of this source's records that may be rejected, for any reason, before the
   * build stops with an error. Default: the top-level `max_reject_share`, else DEFAULT_MAX_REJECT_SHARE.
   */
  max_reject_share?: number;
}

export interface HousingSourceSpec extends SourceSpec {
  /** Values of the mapped `typology` field that mean closed row housing (e.g. ["gesloten bebouwing"]). */
  closed_row_values?: string[];
}

export interface TenureSourceSpec extends SourceSpec {
  /** Source values mapped to 'rent' | 'own' (anything else: unknown tenure). */
  tenure_values?: Record<string, 'rent' | 'own'>;
}

export interface IncidentCategory {
  /** Category value as it appears in the source. */
  value: string;
  /** Field slug: the block field is `incidents_<id>`. */
  id: string;
  label: Label;
}

export interface IncidentSourceSpec extends SourceSpec {
  categories: IncidentCategory[];
  /** Only incidents in [from, to] (ISO dates, inclusive) are counted; the rate is annualised over this period. */
  period?: { from: string; to: string };
  /**
   * The published incident-density layer (layers/incident-density.json, docs/stats.md): grid cell and
   * location bin in metres (default 10 and 10), kernel (quartic) and bandwidth (default the
   * ArcGIS/Silverman rule on all counted incidents).
   */
  density?: { cell_m?: number; bin_m?: number; kernel?: 'quartic' | 'gaussian'; bandwidth_m?: number };
}

export interface LandCoverSourceSpec extends SourceSpec {
  /** Source class values mapped to paved | green | building | water. */
  class_values?: Record<string, 'paved' | 'green' | 'building' | 'water'>;
  /**
   * Read `path` as a GeoTIFF and join it by zonal statistics in the raster's CRS (docs/io.md, "Rasters").
   * kind 'classes': class_values maps pixel values ("1", "2", …); 'sealed-percent': 0–100 % sealed per pixel.
   */
  raster?: LandCoverRasterSpec;
}

export interface LandCoverRasterSpec {
  kind: 'classes' | 'sealed-percent';
  /** 'fractional' (default): exact pixel/block overlap; 'centre': whole pixels by their centre. */
  counting?: 'fractional' | 'centre';
  /** Band to read, from 1 (default 1). */
  band?: number;
}

export interface SurveyQuestion {
  /** Question id: block fields are `survey_<id>_mean` or `survey_<id>_pct_yes`. */
  id: string;
  /** Column in the survey file. */
  field: string;
  type: 'numeric' | 'likert' | 'yesno';
  label: Label;
  unit?: string;
  /** For yes/no questions: the source values meaning yes and no (default ja/nee, yes/no, 1/0, true/false). */
  yes?: string[];
  no?: string[];
}

export interface SurveySourceSpec extends SourceSpec {
  /** Minimum respondents per block and question for a value to be published (default 5, never below 3). */
  k?: number;
  questions: SurveyQuestion[];
}

export interface BlocksSpec {
  streets: SourceSpec;
  rail: SourceSpec;
  water?: SourceSpec;
  /** Overrides of the block-derivation options (see docs/blocks.md). */
  options?: Record<string, unknown>;
}

export interface AtlasConfig {
  schema_version: 1;
  id: string;
  title: Label;
  /** Synthetic data: every map says so. */
  demo?: boolean;
  /** Reference date of the data (ISO), printed on maps. */
  data_date?: string;
  /** Projected CRS in metres used for all geometry work (default EPSG:31370). */
  working_crs?: string;
  attribution: Label[];
  area: SourceSpec;
  blocks: BlocksSpec;
  sources: {
    housing?: HousingSourceSpec;
    tenure?: TenureSourceSpec;
    incidents?: IncidentSourceSpec;
    landcover?: LandCoverSourceSpec;
    survey?: SurveySourceSpec;
  };
  /** What to do with malformed records (null/NaN geometry, broken polygons): stop with an error (default) or reject them into the report. */
  on_invalid?: 'error' | 'reject';
  /** Default for every source's `max_reject_share` (0..1; default DEFAULT_MAX_REJECT_SHARE). */
  max_reject_share?: number;
  /** Default indicator shown by the app. */
  default_indicator?: string;
  /**
   * Raster basemaps the app offers (switched off by default; the first one is offered), replacing the
   * app's OpenStreetMap default. `url`: XYZ template with {z}/{x}/{y}, or a WMTS GetTile request with
   * TILEMATRIX={z}&TILEROW={y}&TILECOL={x} in a Web Mercator tile matrix set.
   */
  basemaps?: BasemapSpec[];
  /** Where the patrol teams start and end (the app's patrol panel): e.g. the neighbourhood house. */
  patrol?: PatrolConfig;
}

export interface PatrolConfig {
  /** [longitude, latitude] in WGS84 degrees; must lie in or near the atlas area. */
  start: [number, number];
  /** Name on the route sheets, e.g. "het wijkhuis (Hamerstraat)", or one per language:
   * { "nl": "het wijkhuis (Hamerstraat)", "en": "the community centre (Hamerstraat)" }. Default "het startpunt". */
  start_label?: string | { nl: string; en: string };
}

export interface BasemapSpec {
  id: string;
  name: string;
  url: string;
  /** Credit shown in the source line while the basemap is on. */
  attribution: string;
  /** Highest zoom level the service has (default 19). */
  max_zoom?: number;
}

/** Minimum allowed small-cell threshold. */
export const MIN_K = 3;
/** Default small-cell threshold. */
export const DEFAULT_K = 5;
/** Default largest share of a source's records that may be rejected before a build fails: 20 %. */
export const DEFAULT_MAX_REJECT_SHARE = 0.2;
