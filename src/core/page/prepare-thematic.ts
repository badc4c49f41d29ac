import type { Feature } from 'geojson';
import { NO_DATA_RGB, sequentialPalette, type Classification, type RGB, type SequentialScheme } from '../classify/index.ts';
import { UserError } from '../user-error.ts';
import { classifyIndicator, type ClassMethod } from './classify-indicator.ts';
import type { MapPageData, MapPageOptions, PageManifestField, PageManifestLayer } from './page-input.ts';
import { hexColour } from './page-shapes.ts';
import { pageLabel, type PageLang } from './page-strings.ts';

/** Palette per indicator theme, as in the app (schemes far from the no-data grey). */
const THEME_SCHEMES: Record<string, SequentialScheme> = { housing: 'YlOrRd', tenure: 'YlGnBu', green: 'YlGn', safety: 'YlOrBr', survey: 'GnBu' };

/** The thematic layer of a page, classified and coloured. */
export interface Thematic {
  layer: PageManifestLayer;
  field: PageManifestField | undefined;
  features: readonly Feature[];
  values: Array<number | null>;
  method: ClassMethod;
  classification: Classification;
  /** Hex colour per class, lightest first. */
  palette: string[];
  /** Hex colour per feature (no-data grey for gaps). */
  colours: string[];
  noDataColour: string;
  /** Indicator label and unit in the page language. */
  label: string;
  unit: string;
}

/** Classify the indicator of the thematic layer and give every feature its colour; user errors name what to fix. */
export function prepareThematic(data: MapPageData, options: MapPageOptions, lang: PageLang): Thematic {
  const layer = data.manifest.layers.find((l) => l.id === options.layer);
  if (!layer) {
    throw new UserError(`expected --layer to be a layer of the manifest (${data.manifest.layers.map((l) => l.id).join(', ')}), found "${options.layer}"; pick one of those.`);
  }
  const features = data.layers[layer.id];
  if (!features) throw new UserError(`layer "${layer.id}": its features were not loaded; check that its file exists in the layers directory.`);
  const field = layer.fields?.find((f) => f.name === options.indicator);
  const numeric = (layer.fields ?? []).filter((f) => f.type === 'number' || f.type === 'integer').map((f) => f.name);
  if (layer.fields && (!field || !numeric.includes(field.name))) {
    throw new UserError(`layer "${layer.id}": expected --indicator to be one of its numeric fields, found "${options.indicator}"; e.g. ${numeric.slice(0, 4).join(', ')}.`);
  }
  const values = features.map((f) => {
    const v = f.properties?.[options.indicator];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  });
  const method = options.method ?? (options.breaks ? 'manual' : 'quantile');
  let classification: Classification;
  try {
    classification = classifyIndicator(values, { method, classes: options.classes ?? 5, breaks: options.breaks });
  } catch (err) {
    if (err instanceof RangeError) throw new UserError(err.message.replace(/^classifyIndicator: /, '') + ' Fix --classes, --method or --breaks.');
    throw err;
  }
  const n = classification.bins.length;
  const scheme = options.scheme ?? THEME_SCHEMES[field?.theme ?? ''] ?? 'YlOrRd';
  const palette = n > 0 ? sequentialPalette(scheme, Math.min(n, 9)).map((c: RGB) => hexColour(c)) : [];
  if (n > 9) throw new UserError(`expected at most 9 classes (the colour schemes have 9), found ${n}; give fewer --breaks.`);
  const noDataColour = hexColour(NO_DATA_RGB);
  const colours = Array.from(classification.indices, (k) => (k < 0 ? noDataColour : palette[k]));
  return { layer, field, features, values, method, classification, palette, colours, noDataColour, label: pageLabel(field?.label ?? options.indicator, lang), unit: pageLabel(field?.unit, lang) };
}
