/**
 * `wijkatlas export`: a print-ready map page (PDF, SVG or PNG) of one indicator from a built atlas
 * (layers/manifest.json + layer GeoJSON), or with --atlas one page per feature in one PDF. Headless: no
 * browser, no network. Composition: src/core/page; writers: src/io/page.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Feature } from 'geojson';
import { CLASS_METHODS, type ClassMethod } from '../src/core/page/classify-indicator.ts';
import { composeAtlasPages } from '../src/core/page/compose-atlas-pages.ts';
import { composeMapPage } from '../src/core/page/compose-map-page.ts';
import type { MapPageData, MapPageOptions, PageManifest } from '../src/core/page/page-input.ts';
import type { Page } from '../src/core/page/page-model.ts';
import { UserError } from '../src/core/user-error.ts';
import { writePagePdf } from '../src/io/page/write-page-pdf.ts';
import { writePagePng } from '../src/io/page/write-page-png.ts';
import { writePageSvg } from '../src/io/page/write-page-svg.ts';

export const EXPORT_HELP = `Usage: wijkatlas export --layer ID --indicator FIELD [options] --out F

Exports a print-ready map page for an annex or report: title, the map of the indicator (Lambert 72),
legend with classes, counts and a "geen gegevens / onderdrukt" entry, scale bar, north arrow, inset
locator map, sources and licences, data date and creation date. Runs headless; reads only --layers.

  --layers DIR          built atlas to read (manifest.json + GeoJSON layers; default: layers)
  --layer ID            layer coloured by the indicator (default: the manifest's blocks layer)
  --indicator FIELD     numeric field of that layer (default: the manifest's default_indicator)
  --classes N           number of classes, 1-9 (default: 5)
  --method M            quantile | jenks | equal | manual (default: quantile; manual when --breaks is given)
  --breaks a,b,c        class thresholds for --method manual (n thresholds give n+1 classes)
  --paper P             A4 | A3 (default: A4)
  --orientation O       landscape | portrait (default: landscape)
  --format F            pdf | svg | png (default: from the extension of --out)
  --dpi N               PNG resolution: 150, 300 or 600 are usual (default: 300)
  --lang L              nl | en (default: nl)
  --title T             page title (default: the indicator's label)
  --subtitle T          subtitle (default: atlas title and layer name)
  --note T              note printed in its own block
  --atlas LAYER         atlas mode: one page per feature of LAYER, zoomed to it with its figures;
                        one multi-page PDF (SVG/PNG: one file per page, F-001.svg, F-002.svg, ...)
  --projection P        lambert72 | web-mercator (default: lambert72, Belgian Lambert 72)
  --context IDS         context layers drawn over the map, comma-separated (default: line layers + area)
  --no-street-names     leave out the street names (drawn by default from the streets layer)
  --date YYYY-MM-DD     creation date printed on the page and stored in the PDF
                        (default: SOURCE_DATE_EPOCH if set, else today); same inputs + date = same file
  --out F               output file (.pdf, .svg or .png)
  --quiet               no progress output
  -h, --help            show this help

Example:
  wijkatlas export --layer blocks --indicator pct_built_before_1945 --classes 5 --out kaart.pdf`;

const FORMATS = ['pdf', 'svg', 'png'] as const;
type Format = (typeof FORMATS)[number];

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  const v = value.toLowerCase() === 'a4' || value.toLowerCase() === 'a3' ? value.toUpperCase() : value.toLowerCase();
  if (!allowed.includes(v as T)) throw new UserError(`--${flag}: expected one of ${allowed.join(', ')}, found "${value}"; pick one of those.`);
  return v as T;
}

function integer(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UserError(`--${flag}: expected a whole number, found "${value}".`);
  return n;
}

function readJson(file: string, what: string): unknown {
  if (!existsSync(file)) throw new UserError(`${file}: ${what} not found; build the atlas first with 'wijkatlas build' or pass --layers DIR.`);
  try {
    return JSON.parse(readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
  } catch (err) {
    throw new UserError(`${file}: expected valid JSON, found a syntax error (${(err as Error).message.split('\n')[0]}); rebuild the atlas with 'wijkatlas build'.`);
  }
}

/** Manifest and the layers the page needs, from a layers directory. */
export function loadAtlas(dir: string, needed: (manifest: PageManifest) => string[]): MapPageData {
  const manifest = readJson(path.join(dir, 'manifest.json'), 'manifest') as PageManifest;
  if (!manifest || typeof manifest !== 'object' || !Array.isArray(manifest.layers) || !manifest.atlas) {
    throw new UserError(`${path.join(dir, 'manifest.json')}: expected an atlas manifest with "atlas" and "layers", found something else; rebuild with 'wijkatlas build'.`);
  }
  const layers: Record<string, Feature[]> = {};
  for (const id of new Set(needed(manifest))) {
    const entry = manifest.layers.find((l) => l.id === id);
    if (!entry?.file) continue;
    const fc = readJson(path.join(dir, entry.file), `layer "${id}"`) as { features?: Feature[] };
    if (!Array.isArray(fc?.features)) throw new UserError(`${path.join(dir, entry.file)}: expected a GeoJSON FeatureCollection, found none; rebuild with 'wijkatlas build'.`);
    layers[id] = fc.features;
  }
  return { manifest, layers };
}

function creationDate(flag: string | undefined): string {
  if (flag !== undefined) {
    const m = /^\d{4}-\d{2}-\d{2}$/.exec(flag);
    if (!m || Number.isNaN(Date.parse(`${flag}T00:00:00Z`))) throw new UserError(`--date: expected a date as YYYY-MM-DD, found "${flag}".`);
    return flag;
  }
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const d = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return d.toISOString().slice(0, 10);
}

/** File name of page `i` of `n` in atlas mode for SVG/PNG: kaart.svg -> kaart-001.svg. */
function numbered(out: string, i: number, n: number): string {
  if (n === 1) return out;
  const ext = path.extname(out);
  return `${out.slice(0, out.length - ext.length)}-${String(i + 1).padStart(Math.max(3, String(n).length), '0')}${ext}`;
}

export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      layers: { type: 'string' },
      layer: { type: 'string' },
      indicator: { type: 'string' },
      classes: { type: 'string' },
      method: { type: 'string' },
      breaks: { type: 'string' },
      paper: { type: 'string' },
      orientation: { type: 'string' },
      format: { type: 'string' },
      dpi: { type: 'string' },
      lang: { type: 'string' },
      title: { type: 'string' },
      subtitle: { type: 'string' },
      note: { type: 'string' },
      atlas: { type: 'string' },
      projection: { type: 'string' },
      context: { type: 'string' },
      'no-street-names': { type: 'boolean' },
      date: { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return (console.log(EXPORT_HELP), 0);
  const hint = "run 'wijkatlas export --help'";
  if (!values.out) throw new UserError('missing --out: expected the output file, e.g. --out kaart.pdf.', hint);
  const out = path.resolve(values.out);
  const ext = path.extname(out).slice(1).toLowerCase();
  const format: Format = oneOf('format', values.format ?? (FORMATS.includes(ext as Format) ? ext : undefined), FORMATS, 'pdf');
  if (!values.format && !FORMATS.includes(ext as Format)) throw new UserError(`--out ${values.out}: expected a .pdf, .svg or .png file, found extension "${ext || 'none'}"; add --format pdf|svg|png.`);
  const breaks = values.breaks?.split(',').map((s) => {
    const v = Number(s.trim());
    if (s.trim() === '' || !Number.isFinite(v)) throw new UserError(`--breaks: expected numbers separated by commas (e.g. 25,50,75), found "${values.breaks}".`);
    return v;
  });
  const method: ClassMethod = oneOf('method', values.method, CLASS_METHODS, breaks ? 'manual' : 'quantile');
  if (method === 'manual' && !breaks) throw new UserError('--method manual: expected --breaks a,b,c with the class thresholds, found none.', hint);
  if (breaks && method !== 'manual') throw new UserError(`--breaks is only used with --method manual, found --method ${method}; drop one of them.`);
  const classes = integer('classes', values.classes, 5);
  if (classes < 1 || classes > 9) throw new UserError(`--classes: expected 1 to 9 (the colour schemes have at most 9 classes), found ${classes}.`);
  const dpi = integer('dpi', values.dpi, 300);
  if (values.dpi && format !== 'png') throw new UserError(`--dpi applies to PNG only, found --format ${format}; drop --dpi or use --format png.`);
  if (dpi < 72 || dpi > 1200) throw new UserError(`--dpi: expected 72 to 1200 (150, 300 or 600 are usual), found ${dpi}.`);
  const dir = path.resolve(values.layers ?? 'layers');
  const contextIds = values.context?.split(',').map((s) => s.trim()).filter(Boolean);
  const log = values.quiet ? () => {} : (l: string) => console.error(l);
  const t0 = performance.now();

  let layerId = values.layer;
  let indicator = values.indicator;
  const data = loadAtlas(dir, (m) => {
    layerId ??= m.layers.find((l) => l.kind === 'blocks')?.id ?? m.layers[0]?.id;
    indicator ??= m.default_indicator;
    const lines = m.layers.filter((l) => l.kind === 'context' && /Line/.test(l.geometry ?? '')).map((l) => l.id);
    return [layerId ?? '', values.atlas ?? '', 'area', ...(contextIds ?? lines)];
  });
  if (!layerId) throw new UserError(`${dir}: the manifest has no layers; rebuild the atlas.`);
  if (!indicator) throw new UserError('missing --indicator: expected a numeric field of the layer, e.g. --indicator pct_built_before_1945.', hint);
  const createdOn = creationDate(values.date);
  const options: MapPageOptions = {
    layer: layerId,
    indicator,
    createdOn,
    method,
    classes,
    breaks,
    paper: oneOf('paper', values.paper, ['A4', 'A3'] as const, 'A4'),
    orientation: oneOf('orientation', values.orientation, ['landscape', 'portrait'] as const, 'landscape'),
    lang: oneOf('lang', values.lang, ['nl', 'en'] as const, 'nl'),
    projection: oneOf('projection', values.projection, ['lambert72', 'web-mercator'] as const, 'lambert72'),
    title: values.title,
    subtitle: values.subtitle,
    note: values.note,
    context: contextIds,
    streetNames: !values['no-street-names'],
  };
  let pages: Page[];
  if (values.atlas) pages = composeAtlasPages(data, { ...options, atlasLayer: values.atlas }).pages;
  else {
    const { page, info } = composeMapPage(data, options);
    pages = [page];
    log(`export: ${info.legend.length - 1} classes (${method}), scale 1:${Math.round(info.projection.scaleDenominator)}, scale bar ${info.scaleBar.label}`);
  }
  const t1 = performance.now();
  const written: string[] = [];
  if (format === 'pdf') {
    await writePagePdf(pages, out, { creationDate: new Date(`${createdOn}T00:00:00Z`) });
    written.push(out);
  } else {
    pages.forEach((page, i) => {
      const file = numbered(out, i, pages.length);
      if (format === 'svg') writePageSvg(page, file);
      else writePagePng(page, file, dpi);
      written.push(file);
    });
  }
  const rel = (f: string) => path.relative(process.cwd(), f) || f;
  log(
    `export: ${pages.length} page${pages.length === 1 ? '' : 's'} ${options.paper} ${options.orientation} -> ${written.length === 1 ? rel(written[0]) : `${rel(written[0])} … ${rel(written[written.length - 1])}`}` +
      ` (${format}${format === 'png' ? ` ${dpi} dpi` : ''}; compose ${((t1 - t0) / 1000).toFixed(2)} s, write ${((performance.now() - t1) / 1000).toFixed(2)} s)`,
  );
  return 0;
}
