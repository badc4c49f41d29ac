import type { Feature } from 'geojson';
import { UserError } from '../user-error.ts';
import { composeOnePage, type MapPageInfo } from './compose-map-page.ts';
import { geometryBbox } from './draw-map.ts';
import type { FigureRow } from './draw-text-blocks.ts';
import type { MapPageData, MapPageOptions, PageManifestField, PageManifestLayer } from './page-input.ts';
import type { Page } from './page-model.ts';
import { formatPageNumber, pageLabel, pageText, withPageUnit, type PageLang } from './page-strings.ts';
import { prepareThematic } from './prepare-thematic.ts';

/** Options of {@link composeAtlasPages}. */
export interface AtlasPagesOptions extends MapPageOptions {
  /** Layer with one page per feature (e.g. 'blocks', or a layer of wijken). */
  atlasLayer: string;
  /** Smallest ground width shown around a feature, metres. @default 250 */
  minExtent?: number;
}

/** Fields always listed after the indicator's theme, when the layer has them. */
const SUMMARY_FIELDS = ['area_m2', 'inhabitants', 'households', 'dwellings'];

function formatFigure(value: unknown, field: PageManifestField, lang: PageLang): string {
  if (typeof value === 'number' && Number.isFinite(value)) return withPageUnit(formatPageNumber(value, lang, Number.isInteger(value) ? 0 : 1), pageLabel(field.unit, lang), lang);
  if (typeof value === 'string' && value !== '') return value;
  return '—';
}

/** The figures of one feature: its id, the indicator (bold), fields of the same theme, then size fields. */
export function figureRows(feature: Feature, layer: PageManifestLayer, indicator: string, lang: PageLang): FigureRow[] {
  const fields = layer.fields ?? [];
  const main = fields.find((f) => f.name === indicator);
  const chosen: PageManifestField[] = [];
  const add = (f: PageManifestField | undefined) => {
    if (f && !chosen.includes(f)) chosen.push(f);
  };
  fields.filter((f) => f.theme === 'id').forEach(add);
  add(main);
  if (main?.theme) fields.filter((f) => f.theme === main.theme && f.type !== 'string').forEach(add);
  SUMMARY_FIELDS.forEach((name) => add(fields.find((f) => f.name === name)));
  if (!main) fields.filter((f) => f.type !== 'string').forEach(add);
  return chosen.map((f) => ({ label: pageLabel(f.label, lang), value: formatFigure(feature.properties?.[f.name], f, lang), bold: f === main }));
}

/** Longitude/latitude box around a feature, at least `minMetres` wide and high, with room for its neighbours. */
function viewAround(feature: Feature, minMetres: number): [number, number, number, number] {
  const [w, s, e, n] = geometryBbox(feature.geometry!);
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const mPerDegLat = 111_320;
  const mPerDegLon = 111_320 * Math.cos((cy * Math.PI) / 180);
  const half = Math.max(((e - w) * mPerDegLon) * 0.8, ((n - s) * mPerDegLat) * 0.8, minMetres / 2);
  return [cx - half / mPerDegLon, cy - half / mPerDegLat, cx + half / mPerDegLon, cy + half / mPerDegLat];
}

/**
 * Atlas mode: one page per feature of `options.atlasLayer`, the map zoomed to it (outlined, neighbours
 * around it in their class colours), its figures in a side table, the same legend and classes on every
 * page (classified over the whole layer), and "Blad n van N" in the footer.
 *
 * @param data - manifest and features (longitude/latitude)
 * @param options - map page options plus the atlas layer
 * @returns the pages in feature order and what each shows
 * @example
 * const { pages } = composeAtlasPages(data, { layer: 'blocks', indicator: 'pct_renters', atlasLayer: 'blocks', createdOn: '2026-11-27' });
 */
export function composeAtlasPages(data: MapPageData, options: AtlasPagesOptions): { pages: Page[]; infos: MapPageInfo[] } {
  if (!options.createdOn) throw new TypeError('composeAtlasPages: options.createdOn (ISO date) is required; core never reads the clock.');
  const lang = options.lang ?? 'nl';
  const atlasLayer = data.manifest.layers.find((l) => l.id === options.atlasLayer);
  const features = data.layers[options.atlasLayer];
  if (!atlasLayer || !features) {
    throw new UserError(`expected --atlas to name a layer of the manifest (${data.manifest.layers.map((l) => l.id).join(', ')}), found "${options.atlasLayer}"; pick one of those.`);
  }
  const thematic = prepareThematic(data, options, lang);
  const withGeometry = features.filter((f) => f.geometry);
  if (withGeometry.length === 0) throw new UserError(`layer "${atlasLayer.id}": expected features with a geometry for atlas pages, found none; pick another --atlas layer.`);
  const idField = atlasLayer.fields?.find((f) => f.theme === 'id');
  const pages: Page[] = [];
  const infos: MapPageInfo[] = [];
  withGeometry.forEach((feature, i) => {
    const id = idField ? feature.properties?.[idField.name] : feature.id;
    const name = idField && id !== undefined ? `${pageLabel(idField.label, lang)} ${String(id)}` : `${pageLabel(atlasLayer.label, lang)} ${i + 1}`;
    const { page, info } = composeOnePage(data, options, thematic, {
      view: viewAround(feature, options.minExtent ?? 250),
      focus: feature,
      figures: { heading: pageText(lang, 'figures'), rows: figureRows(feature, atlasLayer, options.indicator, lang) },
      pageLabel: pageText(lang, 'page', { n: i + 1, total: withGeometry.length }),
      subtitle: `${name} — ${pageLabel(data.manifest.atlas.title, lang)}`,
      insetArea: true,
    });
    pages.push(page);
    infos.push(info);
  });
  return { pages, infos };
}
