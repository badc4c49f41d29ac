// Loads the small synthetic atlas of test/fixtures/export/atlas (6 blocks, one without data) as page data.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature } from 'geojson';
import type { MapPageData, PageManifest } from '../../../src/core/page/page-input.ts';

export const FIXTURE_DIR = path.resolve(import.meta.dirname, '../../fixtures/export/atlas');
export const DEMO_DIR = path.resolve(import.meta.dirname, '../../../layers');

/** Manifest and every layer of an atlas directory. */
export function loadAtlasDir(dir: string): MapPageData {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as PageManifest;
  const layers: Record<string, Feature[]> = {};
  for (const l of manifest.layers) layers[l.id] = JSON.parse(readFileSync(path.join(dir, l.file!), 'utf8')).features;
  return { manifest, layers };
}

/** Structure of an SVG written by pageToSvg: nested groups by class with their path count and texts. */
export interface SvgNode {
  role: string;
  paths: number;
  /** ids of the paths (thematic features: their block_id; legend swatches). */
  ids: string[];
  texts: string[];
  children: SvgNode[];
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Parse the group tree of an SVG produced by pageToSvg (one element per line). */
export function svgStructure(svg: string): { width: string; height: string; viewBox: string; root: SvgNode } {
  const head = /<svg [^>]*width="([^"]+)" height="([^"]+)"[^>]*viewBox="([^"]+)"/.exec(svg);
  if (!head) throw new Error('not an SVG from pageToSvg');
  const root: SvgNode = { role: 'svg', paths: 0, ids: [], texts: [], children: [] };
  const stack = [root];
  for (const line of svg.split('\n')) {
    const t = line.trim();
    const g = /^<g(?: class="([^"]*)")?/.exec(t);
    if (g) {
      const node: SvgNode = { role: g[1] ?? '', paths: 0, ids: [], texts: [], children: [] };
      stack[stack.length - 1].children.push(node);
      stack.push(node);
    } else if (t === '</g>') stack.pop();
    else if (t.startsWith('<path')) {
      stack[stack.length - 1].paths++;
      const id = /^<path id="([^"]+)"/.exec(t);
      if (id) stack[stack.length - 1].ids.push(id[1]);
    }
    else if (t.startsWith('<text')) stack[stack.length - 1].texts.push(unescape(/>([^<]*)<\/text>$/.exec(t)![1]));
  }
  return { width: head[1], height: head[2], viewBox: head[3], root };
}
