import { round } from './geometry-path.ts';
import { MM_PER_PT, type Page, type PageItem, type PageStyle, type PageText } from './page-model.ts';

/**
 * Pixel size of a page at `dpi`: mm / 25.4 × dpi, rounded (A4 landscape at 300 dpi = 3508 × 2480).
 *
 * @example
 * pagePixels({ width: 297, height: 210, items: [] }, 300); // { width: 3508, height: 2480 }
 */
export function pagePixels(page: Pick<Page, 'width' | 'height'>, dpi: number): { width: number; height: number } {
  return { width: Math.round((page.width / 25.4) * dpi), height: Math.round((page.height / 25.4) * dpi) };
}

/** A font for the SVG's own @font-face rules (needed where the SVG is drawn as an image, e.g. a browser canvas). */
export interface SvgFontFace {
  family: string;
  weight: 'normal' | 'bold';
  style?: 'normal' | 'italic';
  /** URL of the font, typically a data: URL of the WOFF file. */
  src: string;
}

/** Options of {@link pageToSvg}. */
export interface PageToSvgOptions {
  /** Width and height attributes in px instead of mm (for rasterising at an exact pixel size). */
  pixels?: { width: number; height: number };
  /** CSS font-family of all text. @default "'DejaVu Sans', sans-serif" */
  fontFamily?: string;
  /** @font-face rules to embed. @default none */
  fontFaces?: SvgFontFace[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function styleAttrs(s: PageStyle, fillRule?: string): string {
  let a = ` fill="${s.fill ?? 'none'}"`;
  if (s.fill && s.fillOpacity !== undefined && s.fillOpacity !== 1) a += ` fill-opacity="${s.fillOpacity}"`;
  if (fillRule && s.fill) a += ` fill-rule="${fillRule}"`;
  if (s.stroke) {
    a += ` stroke="${s.stroke}" stroke-width="${s.strokeWidth ?? 0.25}"`;
    if (s.strokeOpacity !== undefined && s.strokeOpacity !== 1) a += ` stroke-opacity="${s.strokeOpacity}"`;
    if (s.dash?.length) a += ` stroke-dasharray="${s.dash.join(' ')}"`;
    if (s.lineJoin) a += ` stroke-linejoin="${s.lineJoin}"`;
    if (s.lineCap) a += ` stroke-linecap="${s.lineCap}"`;
  }
  return a;
}

const BASELINE: Record<NonNullable<PageText['baseline']>, string> = { alphabetic: '', middle: ' dominant-baseline="middle"', hanging: ' dominant-baseline="hanging"' };

function textSvg(t: PageText): string {
  let a = ` x="${round(t.x)}" y="${round(t.y)}" font-size="${Number((t.size * MM_PER_PT).toFixed(3))}"`;
  if (t.weight === 'bold') a += ' font-weight="bold"';
  if (t.italic) a += ' font-style="italic"';
  if (t.anchor && t.anchor !== 'start') a += ` text-anchor="${t.anchor}"`;
  if (t.baseline) a += BASELINE[t.baseline];
  a += ` fill="${t.fill ?? '#000000'}"`;
  if (t.halo) a += ` stroke="#ffffff" stroke-width="${t.halo * 2}" stroke-linejoin="round" paint-order="stroke"`;
  if (t.rotate) a += ` transform="rotate(${t.rotate} ${round(t.x)} ${round(t.y)})"`;
  if (t.id) a += ` id="${esc(t.id)}"`;
  return `<text${a}>${esc(t.text)}</text>`;
}

/**
 * Serialise a page model as a standalone SVG document (mm user units, viewBox = the paper). Groups keep
 * their role as `class`, clips become <clipPath>s, text uses DejaVu Sans (embed it with `fontFaces`, or
 * make it available to the renderer). Pure: the same page gives the same string.
 *
 * @param page - the page
 * @param options - see {@link PageToSvgOptions}
 * @returns the SVG text
 * @example
 * writeFileSync('map.svg', pageToSvg(composeMapPage(data, options).page));
 */
export function pageToSvg(page: Page, options: PageToSvgOptions = {}): string {
  const family = options.fontFamily ?? "'DejaVu Sans', sans-serif";
  const clips: string[] = [];
  const body: string[] = [];
  const walk = (items: PageItem[], indent: string) => {
    for (const item of items) {
      if (item.kind === 'path') {
        if (!item.d) continue;
        body.push(`${indent}<path${item.id ? ` id="${esc(item.id)}"` : ''} d="${item.d}"${styleAttrs(item, item.fillRule)}/>`);
      } else if (item.kind === 'text') {
        body.push(indent + textSvg(item));
      } else {
        let a = item.role ? ` class="${esc(item.role)}"` : '';
        if (item.opacity !== undefined && item.opacity !== 1) a += ` opacity="${item.opacity}"`;
        if (item.clip) {
          const id = `clip-${clips.length + 1}`;
          const c = item.clip;
          clips.push(`<clipPath id="${id}"><rect x="${round(c.x)}" y="${round(c.y)}" width="${round(c.width)}" height="${round(c.height)}"/></clipPath>`);
          a += ` clip-path="url(#${id})"`;
        }
        body.push(`${indent}<g${a}>`);
        walk(item.items, indent + ' ');
        body.push(`${indent}</g>`);
      }
    }
  };
  walk(page.items, ' ');
  const size = options.pixels ? `width="${options.pixels.width}" height="${options.pixels.height}" preserveAspectRatio="none"` : `width="${page.width}mm" height="${page.height}mm"`;
  const faces = (options.fontFaces ?? [])
    .map((f) => `@font-face{font-family:'${f.family}';font-weight:${f.weight === 'bold' ? 700 : 400};font-style:${f.style ?? 'normal'};src:url("${f.src}");}`)
    .join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" ${size} viewBox="0 0 ${page.width} ${page.height}"${page.lang ? ` xml:lang="${page.lang}"` : ''} font-family="${esc(family)}">`,
    page.title ? `<title>${esc(page.title)}</title>` : '',
    `<defs>${faces ? `<style>${faces}</style>` : ''}${clips.join('')}</defs>`,
    `<rect class="paper" x="0" y="0" width="${page.width}" height="${page.height}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
  ]
    .filter((l) => l !== '')
    .join('\n') + '\n';
}
