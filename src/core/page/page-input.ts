// What the page composers read: the parts of layers/manifest.json they need (both the build's Manifest
// and the app's parsed manifest fit) and the features of each layer in longitude/latitude.
import type { Feature } from 'geojson';
import type { ClassMethod } from './classify-indicator.ts';
import type { PageProjectionKind } from './fit-map-projection.ts';
import type { Orientation, Paper } from './page-layout.ts';
import type { PageLabel, PageLang } from './page-strings.ts';
import type { SequentialScheme } from '../classify/index.ts';

export interface PageManifestField {
  name: string;
  type: string;
  theme?: string;
  /** Symbol ('%', 'm²') or a Dutch/English pair for units in words. */
  unit?: string | PageLabel;
  label: PageLabel;
}

export interface PageManifestLayer {
  id: string;
  /** GeoJSON file in the layers directory. */
  file?: string;
  kind: string;
  geometry?: string;
  label: PageLabel;
  fields?: PageManifestField[];
}

export interface PageManifest {
  default_indicator?: string;
  atlas: { title: PageLabel; demo: boolean; bbox: [number, number, number, number]; data_date?: string | null };
  attribution: PageLabel[];
  layers: PageManifestLayer[];
}

/** The data a page is drawn from. */
export interface MapPageData {
  manifest: PageManifest;
  /** Features of each layer by layer id, longitude/latitude (RFC 7946). Layers not needed may be absent. */
  layers: Record<string, readonly Feature[]>;
}

/** Options of composeMapPage and composeAtlasPages. */
export interface MapPageOptions {
  /** Id of the layer coloured by the indicator, e.g. 'blocks'. */
  layer: string;
  /** Numeric field of that layer, e.g. 'pct_built_before_1945'. */
  indicator: string;
  /** Date printed as "created on" (ISO, e.g. '2026-11-27'): passed in, never read from the clock. */
  createdOn: string;
  /** @default 'A4' */
  paper?: Paper;
  /** @default 'landscape' */
  orientation?: Orientation;
  /** @default 'nl' */
  lang?: PageLang;
  /** Page title. @default the indicator's label */
  title?: string;
  /** Subtitle. @default the atlas title and the layer label */
  subtitle?: string;
  /** Optional note printed in its own block. */
  note?: string;
  /** @default 'quantile' */
  method?: ClassMethod;
  /** @default 5 */
  classes?: number;
  /** Thresholds for method 'manual'. */
  breaks?: number[];
  /** @default 'lambert72' */
  projection?: PageProjectionKind;
  /** Context layers drawn over the thematic layer, bottom first. @default every line layer of kind 'context', then 'area' */
  context?: string[];
  /** Street names on the map, from the `streets` context layer when it is drawn. @default true */
  streetNames?: boolean;
  /** Colour scheme. @default by the indicator's theme (housing YlOrRd, tenure YlGnBu, green YlGn, safety YlOrBr, survey GnBu) */
  scheme?: SequentialScheme;
}
