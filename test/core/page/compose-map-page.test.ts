import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeAtlasPages } from '../../../src/core/page/compose-atlas-pages.ts';
import { composeMapPage } from '../../../src/core/page/compose-map-page.ts';
import type { MapPageOptions } from '../../../src/core/page/page-input.ts';
import type { Page, PageGroup, PageItem } from '../../../src/core/page/page-model.ts';
import { pageToSvg } from '../../../src/core/page/page-to-svg.ts';
import { textWidth } from '../../../src/core/page/text-width.ts';
import { FIXTURE_DIR, loadAtlasDir, svgStructure } from './fixture-atlas.ts';

const GOLDEN_DIR = path.resolve(__dirname, '../../fixtures/export/golden');
const data = loadAtlasDir(FIXTURE_DIR);
const base: MapPageOptions = { layer: 'blocks', indicator: 'pct_old', createdOn: '2026-11-27' };

/** One golden per case: the SVG's group tree, path counts and texts. REGEN=1 rewrites them (review the diff). */
const CASES: Record<string, () => Page> = {
  'a4-landscape-quantile-nl': () => composeMapPage(data, base).page,
  'a4-portrait-en-note': () => composeMapPage(data, { ...base, orientation: 'portrait', lang: 'en', note: 'Block B1002 has no data: fewer than 5 dwellings.' }).page,
  'a3-landscape-manual-breaks': () => composeMapPage(data, { ...base, paper: 'A3', method: 'manual', breaks: [25, 50, 75], title: 'Oude woningen' }).page,
  'a4-landscape-web-mercator-equal': () => composeMapPage(data, { ...base, projection: 'web-mercator', method: 'equal', classes: 3 }).page,
  'atlas-page-2': () => composeAtlasPages(data, { ...base, atlasLayer: 'blocks' }).pages[1],
};

describe('composeMapPage: golden SVG structure', () => {
  for (const [name, make] of Object.entries(CASES)) {
    it(`${name} matches test/fixtures/export/golden/${name}.json`, () => {
      const structure = svgStructure(pageToSvg(make()));
      const file = path.join(GOLDEN_DIR, `${name}.json`);
      const text = JSON.stringify(structure, null, 1) + '\n';
      if (process.env.REGEN || !existsSync(file)) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(file, text);
        if (!process.env.REGEN) throw new Error(`golden ${name}.json was missing and has been written; review it and rerun`);
      }
      expect(structure).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});

/** Every role the acceptance asks for is present. */
function roles(items: PageItem[], out: string[] = []): string[] {
  for (const i of items) {
    if (i.kind !== 'group') continue;
    if (i.role) out.push(i.role);
    roles(i.items, out);
  }
  return out;
}

/** Bounding box (mm) of a part of the page: paths by their coordinates, texts by their measured width. */
function bbox(items: PageItem[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (x: number, y: number) => {
    b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
  };
  const walk = (list: PageItem[], clip?: PageGroup['clip']) => {
    for (const i of list) {
      if (i.kind === 'group') {
        if (i.clip) { add(i.clip.x, i.clip.y); add(i.clip.x + i.clip.width, i.clip.y + i.clip.height); }
        else walk(i.items, clip);
      } else if (i.kind === 'path') {
        // absolute M/L/H/V/Z as the composers write them
        let x = 0;
        let y = 0;
        for (const [, cmd, args] of i.d.matchAll(/([MLHVZ])([^MLHVZ]*)/g)) {
          const n = args.trim() ? args.trim().split(/[ ,]+/).map(Number) : [];
          if (cmd === 'H') x = n[0];
          else if (cmd === 'V') y = n[0];
          else if (cmd !== 'Z') [x, y] = n;
          if (cmd !== 'Z') add(x, y);
        }
      } else {
        const w = textWidth(i.text, i.size, i.weight);
        const em = i.size * 0.3528;
        const x0 = i.anchor === 'middle' ? i.x - w / 2 : i.anchor === 'end' ? i.x - w : i.x;
        add(x0, i.y - em * 0.8); add(x0 + w, i.y + em * 0.25);
      }
    }
  };
  walk(items);
  return b;
}

function part(page: Page, role: string): PageItem[] {
  const found: PageItem[] = [];
  const walk = (items: PageItem[]) => items.forEach((i) => (i.kind === 'group' ? (i.role === role ? found.push(i) : walk(i.items)) : undefined));
  walk(page.items);
  return found;
}

const intersects = (a: number[], b: number[]) => a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
const inside = (a: number[], b: number[]) => a[0] >= b[0] - 1e-6 && a[1] >= b[1] - 1e-6 && a[2] <= b[2] + 1e-6 && a[3] <= b[3] + 1e-6;

describe('composeMapPage: layout', () => {
  const layouts: Array<[string, Page]> = [
    ...Object.entries(CASES).map(([n, f]) => [n, f()] as [string, Page]),
    ['demo A4 landscape', composeMapPage(loadAtlasDir(path.resolve(__dirname, '../../../layers')), { layer: 'blocks', indicator: 'pct_built_before_1945', createdOn: '2026-11-27' }).page],
  ];
  for (const [name, page] of layouts) {
    it(`${name}: has every part, inside the margins, and the panel parts do not overlap`, () => {
      const all = roles(page.items);
      for (const r of ['header', 'map', 'legend', 'scale-bar', 'north-arrow', 'inset', 'sources']) expect(all, r).toContain(r);
      const paper = [0, 0, page.width, page.height];
      const margin = page.width > 400 || page.height > 400 ? 14 : 10;
      const content = [margin - 0.5, margin - 0.5, page.width - margin + 0.5, page.height - margin + 0.5];
      const boxes: Record<string, number[]> = {};
      for (const r of ['header', 'map', 'legend', 'inset', 'sources', 'note', 'figures']) {
        const items = part(page, r);
        if (items.length) boxes[r] = bbox(items);
      }
      for (const [r, b] of Object.entries(boxes)) {
        expect(inside(b, paper), `${r} on the paper`).toBe(true);
        expect(inside(b, content), `${r} inside the margins: ${b.map((v) => v.toFixed(1))}`).toBe(true);
      }
      const names = Object.keys(boxes);
      for (let i = 0; i < names.length; i++) {
        for (let j = i + 1; j < names.length; j++) expect(intersects(boxes[names[i]], boxes[names[j]]), `${names[i]} overlaps ${names[j]}`).toBe(false);
      }
      const map = boxes.map;
      const scale = bbox(part(page, 'scale-bar'));
      const north = bbox(part(page, 'north-arrow'));
      expect(inside(scale, map), 'scale bar inside the map').toBe(true);
      expect(inside(north, map), 'north arrow inside the map').toBe(true);
      expect(intersects(scale, north)).toBe(false);
    });
  }
});

describe('composeMapPage: content', () => {
  it('legend: exact classes, colours, counts and a separate no-data row; map fills use the legend colours', () => {
    const { page, info } = composeMapPage(data, base);
    expect(info.legend.map((r) => r.count)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(info.legend[5].label).toBe('geen gegevens / onderdrukt');
    expect(info.legend[0].label).toBe('10 – 30');
    const fills = new Set<string>();
    const walk = (items: PageItem[]) => items.forEach((i) => (i.kind === 'group' ? (i.role === 'thematic' ? i.items.forEach((p) => p.kind === 'path' && fills.add(p.fill!)) : walk(i.items)) : undefined));
    walk(page.items);
    expect([...fills].sort()).toEqual(info.legend.map((r) => r.colour).sort());
  });

  it('uses English words and dd/mm/yyyy dates with lang en', () => {
    const svg = pageToSvg(composeMapPage(data, { ...base, lang: 'en' }).page);
    expect(svg).toContain('no data / suppressed');
    expect(svg).toContain('Created: 27/11/2026');
    expect(svg).toContain('Data as of: 31/12/2020');
    expect(svg).toContain('© OpenStreetMap contributors, ODbL');
  });

  it('prints the creation date it is given (core never reads the clock)', () => {
    const a = pageToSvg(composeMapPage(data, { ...base, createdOn: '2021-03-01' }).page);
    expect(a).toContain('Gemaakt op: 01/03/2021');
    expect(() => composeMapPage(data, { ...base, createdOn: '' })).toThrow(/createdOn/);
  });

  it('shows the demo watermark only for demo atlases', () => {
    expect(pageToSvg(composeMapPage(data, base).page)).not.toContain('DEMO');
    const demo = { ...data, manifest: { ...data.manifest, atlas: { ...data.manifest.atlas, demo: true } } };
    expect(pageToSvg(composeMapPage(demo, base).page)).toContain('DEMO — synthetische gegevens');
  });

  it('rejects an unknown layer, indicator or context layer with a user error', () => {
    expect(() => composeMapPage(data, { ...base, layer: 'wijken' })).toThrow(/expected --layer .* found "wijken"/);
    expect(() => composeMapPage(data, { ...base, indicator: 'block_id' })).toThrow(/numeric fields, found "block_id"/);
    expect(() => composeMapPage(data, { ...base, context: ['rivers'] })).toThrow(/context layer .* found "rivers"/);
  });

  it('atlas mode: one page per feature, the focus outlined, its figures in the table, page n of N', () => {
    const { pages } = composeAtlasPages(data, { ...base, atlasLayer: 'blocks' });
    expect(pages).toHaveLength(6);
    const svg = pageToSvg(pages[3]);
    expect(svg).toContain('class="focus"');
    expect(svg).toContain('class="figures"');
    expect(svg).toContain('>B1003<');
    expect(svg).toContain('>60\u202f%<');
    expect(svg).toContain('Blad 4 van 6');
  });
});
