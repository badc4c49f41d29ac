import type { Feature } from 'geojson';
import type { Classification } from '../classify/index.ts';
import { drawInset } from './draw-inset.ts';
import { drawLegend, legendRows, type LegendRow } from './draw-legend.ts';
import { drawMap, type ContextLayer } from './draw-map.ts';
import { drawNorthArrow, northArrowBox } from './draw-north-arrow.ts';
import { drawScaleBar, type ScaleBarLength } from './draw-scale-bar.ts';
import { drawStreetNames } from './draw-street-names.ts';
import { drawFigures, drawFooter, drawHeader, drawNote, drawWatermark, footerLines, type FigureRow } from './draw-text-blocks.ts';
import { fitMapProjection, type FittedProjection, type Rect } from './fit-map-projection.ts';
import type { MapPageData, MapPageOptions } from './page-input.ts';
import { pageLayout } from './page-layout.ts';
import type { Page, PageItem } from './page-model.ts';
import { formatPageDate, pageLabel, pageText, type PageLang } from './page-strings.ts';
import { prepareThematic, type Thematic } from './prepare-thematic.ts';
import { UserError } from '../user-error.ts';

/** What a composed page shows, for tests, logs and the export dialog. */
export interface MapPageInfo {
  projection: FittedProjection;
  scaleBar: ScaleBarLength;
  classification: Classification;
  legend: LegendRow[];
  title: string;
}

/** Per-page extras of atlas pages. */
export interface PageExtras {
  /** Longitude/latitude box the map must show. */
  view: [number, number, number, number];
  focus?: Feature;
  /** Shown instead of the note: the figures of the focus feature. */
  figures?: { heading: string; rows: FigureRow[] };
  pageLabel?: string;
  subtitle?: string;
  /** Inset shows the whole area (true on atlas pages) instead of the wider context. */
  insetArea?: boolean;
}

/** Context layers to draw: the ones asked for, else every line layer of kind 'context', then 'area'. */
export function contextLayers(data: MapPageData, options: MapPageOptions): ContextLayer[] {
  const m = data.manifest;
  const ids =
    options.context ??
    [...m.layers.filter((l) => l.kind === 'context' && /Line/.test(l.geometry ?? '') && data.layers[l.id]).map((l) => l.id), ...(data.layers.area ? ['area'] : [])];
  return ids.map((id) => {
    if (!m.layers.some((l) => l.id === id) || !data.layers[id]) throw new UserError(`expected a context layer of the manifest, found "${id}"; choose from ${m.layers.map((l) => l.id).join(', ')}.`);
    return { id, features: data.layers[id] };
  });
}

/** Compose one page from a prepared thematic layer (shared by single maps and atlas pages). */
export function composeOnePage(data: MapPageData, options: MapPageOptions, thematic: Thematic, extras: PageExtras): { page: Page; info: MapPageInfo } {
  const lang: PageLang = options.lang ?? 'nl';
  const paper = options.paper ?? 'A4';
  const orientation = options.orientation ?? 'landscape';
  const kind = options.projection ?? 'lambert72';
  const m = data.manifest;
  const probe = pageLayout(paper, orientation, 2);
  const sources = m.attribution.map((a) => pageLabel(a, lang)).filter(Boolean);
  const metaParts = [
    m.atlas.data_date ? pageText(lang, 'dataDate', { date: formatPageDate(m.atlas.data_date) }) : '',
    pageText(lang, 'created', { date: formatPageDate(options.createdOn) }),
    pageText(lang, 'projection', { name: pageText(lang, `projection_${kind}`) }),
    pageText(lang, 'madeWith'),
  ].filter(Boolean);
  const lines = footerLines(sources, metaParts.join(' · '), probe.footer.width - (extras.pageLabel ? 30 : 0), lang, probe.typeScale);
  const layout = pageLayout(paper, orientation, lines.length);
  const ts = layout.typeScale;
  const proj = fitMapProjection(kind, extras.view, layout.map, { padding: 4 });
  const title = options.title ?? thematic.label;
  const subtitle = extras.subtitle ?? options.subtitle ?? `${pageLabel(m.atlas.title, lang)} — ${pageLabel(thematic.layer.label, lang)}`;
  const context = contextLayers(data, options);
  const items: PageItem[] = [drawHeader(title, subtitle, layout.header, ts)];
  const idField = thematic.layer.fields?.find((f) => f.theme === 'id')?.name;
  items.push(...drawMap(proj, thematic, context, { focus: extras.focus, idField }));
  const scale = drawScaleBar(proj, lang, ts);
  // street names over the map, clear of the scale bar and the north arrow (boxes with 1 mm to spare)
  const streets = context.find((c) => c.id === 'streets');
  if (streets && options.streetNames !== false) {
    const grow = (r: Rect): Rect => ({ x: r.x - 1, y: r.y - 1, width: r.width + 2, height: r.height + 2 });
    items.push(drawStreetNames(streets.features, proj, [grow(scale.box), grow(northArrowBox(proj, ts))], { size: 6 * ts }));
  }
  if (m.atlas.demo) items.push(drawWatermark(layout.map, lang));
  items.push(scale.item, drawNorthArrow(proj, lang, ts));

  // Panel: landscape = one column (inset, legend, figures or note); portrait = legend + figures/note | inset.
  const [first, second] = layout.panels;
  const insetBox: Rect = second ? { ...second } : { x: first.x, y: first.y, width: first.width, height: first.height * 0.4 };
  const lineFeatures = context.filter((c) => c.id !== 'area').flatMap((c) => [...c.features]);
  const inset = drawInset(
    { area: data.layers.area ?? [], ground: thematic.features, lines: lineFeatures, bbox: m.atlas.bbox, focus: extras.focus, wide: !extras.insetArea },
    proj,
    insetBox,
    kind,
    lang,
    ts,
  );
  items.push(inset.item);
  let y = second ? first.y : first.y + inset.height + 6;
  const bottom = first.y + first.height;
  const legend = drawLegend(thematic, { x: first.x, y, width: first.width, height: bottom - y }, lang, ts);
  items.push(legend.item);
  y += legend.height + 5;
  if (extras.figures && bottom - y > 15) {
    items.push(drawFigures(extras.figures.heading, extras.figures.rows, { x: first.x, y, width: first.width, height: bottom - y }, lang, ts).item);
  } else if (options.note && bottom - y > 12) {
    const noteBox = second ? { x: second.x, y: second.y + inset.height + 6, width: second.width, height: bottom - second.y - inset.height - 6 } : { x: first.x, y, width: first.width, height: bottom - y };
    if (noteBox.height > 12) items.push(drawNote(pageText(lang, 'note'), options.note, noteBox, ts).item);
  }
  items.push(drawFooter(lines, layout.footer, extras.pageLabel, ts));
  const page: Page = { width: layout.width, height: layout.height, items, title, lang };
  return { page, info: { projection: proj, scaleBar: scale.length, classification: thematic.classification, legend: legendRows(thematic, lang), title } };
}

/**
 * A finished map page for an annex: title and subtitle, the map of `options.layer` coloured by
 * `options.indicator` over the context layers (Lambert 72 by default), legend with classes, colours,
 * counts, unit and a "geen gegevens / onderdrukt" row, scale bar, north arrow, inset locator map,
 * sources and licences, data date and creation date, optional note and the demo watermark.
 *
 * @param data - manifest and features (longitude/latitude)
 * @param options - see {@link MapPageOptions}; `createdOn` is required (core never reads the clock)
 * @returns the page model (mm) and what it shows
 * @example
 * const { page } = composeMapPage({ manifest, layers }, { layer: 'blocks', indicator: 'pct_built_before_1945', createdOn: '2026-11-27' });
 * const svg = pageToSvg(page);
 */
export function composeMapPage(data: MapPageData, options: MapPageOptions): { page: Page; info: MapPageInfo } {
  if (!options.createdOn) throw new TypeError('composeMapPage: options.createdOn (ISO date) is required; core never reads the clock.');
  const lang = options.lang ?? 'nl';
  const thematic = prepareThematic(data, options, lang);
  return composeOnePage(data, options, thematic, { view: thematicView(data, thematic.features) });
}

/** The map extent of a single page: the study area, else the thematic features, else the atlas bbox. */
function thematicView(data: MapPageData, features: readonly Feature[]): [number, number, number, number] {
  const area = data.layers.area;
  const [w, s, e, n] = data.manifest.atlas.bbox;
  let b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') b = [Math.min(b[0], c[0]), Math.min(b[1], c[1]), Math.max(b[2], c[0]), Math.max(b[3], c[1])];
    else if (Array.isArray(c)) c.forEach(add);
  };
  for (const f of area && area.length ? area : features) if (f.geometry && 'coordinates' in f.geometry) add(f.geometry.coordinates);
  return Number.isFinite(b[0]) ? b : [w, s, e, n];
}
