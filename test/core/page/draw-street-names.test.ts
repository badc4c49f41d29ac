import { describe, expect, it } from 'vitest';
import { composeAtlasPages } from '../../../src/core/page/compose-atlas-pages.ts';
import { composeMapPage, type MapPageInfo } from '../../../src/core/page/compose-map-page.ts';
import { northArrowBox } from '../../../src/core/page/draw-north-arrow.ts';
import { drawScaleBar } from '../../../src/core/page/draw-scale-bar.ts';
import { MM_PER_PT, type Page, type PageItem, type PageText } from '../../../src/core/page/page-model.ts';
import { textWidth } from '../../../src/core/page/text-width.ts';
import type { XY } from '../../../src/core/types.ts';
import { DEMO_DIR, loadAtlasDir } from './fixture-atlas.ts';

const demo = loadAtlasDir(DEMO_DIR);
const base = { layer: 'blocks', indicator: 'pct_built_before_1945', createdOn: '2026-11-28' };

function group(items: PageItem[], role: string): PageItem[] | null {
  for (const i of items) {
    if (i.kind !== 'group') continue;
    if (i.role === role) return i.items;
    const inner = group(i.items, role);
    if (inner) return inner;
  }
  return null;
}

/** Corners of a label's text box (page mm, y down, rotate clockwise). */
function corners(t: PageText): XY[] {
  const w = textWidth(t.text, t.size) / 2;
  const h = (t.size * MM_PER_PT * 1.15) / 2;
  const a = ((t.rotate ?? 0) * Math.PI) / 180;
  return [[-w, -h], [w, -h], [w, h], [-w, h]].map(([s, u]) => [t.x + s * Math.cos(a) - u * Math.sin(a), t.y + s * Math.sin(a) + u * Math.cos(a)]);
}

const inside = (p: XY, r: { x: number; y: number; width: number; height: number }) => p[0] > r.x && p[0] < r.x + r.width && p[1] > r.y && p[1] < r.y + r.height;

/** The street names of a page and the boxes they must respect. */
function names(page: Page, info: MapPageInfo) {
  const texts = (group(page.items, 'street-names') ?? []) as PageText[];
  return { texts, frame: info.projection.frame, scale: drawScaleBar(info.projection, 'nl').box, north: northArrowBox(info.projection) };
}

describe('street names on exported maps', () => {
  it('names the demo streets inside the frame, clear of the scale bar, the north arrow and each other, upright', () => {
    const { page, info } = composeMapPage(demo, base);
    const { texts, frame, scale, north } = names(page, info);
    const streetNames = new Set(demo.layers.streets.map((f) => f.properties?.name));
    expect(texts.length).toBeGreaterThanOrEqual(10);
    expect(new Set(texts.map((t) => t.text)).size).toBe(texts.length);
    for (const t of texts) {
      expect(streetNames.has(t.text)).toBe(true);
      expect(t.rotate ?? 0).toBeGreaterThan(-100);
      expect(t.rotate ?? 0).toBeLessThanOrEqual(80);
      for (const c of corners(t)) {
        expect(inside(c, frame), `${t.text} inside the frame`).toBe(true);
        expect(inside(c, scale) || inside(c, north), `${t.text} clear of scale bar and north arrow`).toBe(false);
      }
    }
    // no corner of one name inside another's box (boxes as rotated rectangles: test in each one's frame)
    for (const a of texts) {
      for (const b of texts) {
        if (a === b) continue;
        const ang = ((a.rotate ?? 0) * Math.PI) / 180;
        const local = ([x, y]: XY): XY => [(x - a.x) * Math.cos(ang) + (y - a.y) * Math.sin(ang), -(x - a.x) * Math.sin(ang) + (y - a.y) * Math.cos(ang)];
        const w = textWidth(a.text, a.size) / 2;
        const h = (a.size * MM_PER_PT * 1.15) / 2;
        for (const c of corners(b)) {
          const [u, v] = local(c);
          expect(Math.abs(u) < w && Math.abs(v) < h, `${b.text} overlaps ${a.text}`).toBe(false);
        }
      }
    }
  });

  it('each name lies on its street: the label centre within half a millimetre of the street line', () => {
    const { page, info } = composeMapPage(demo, base);
    const { texts } = names(page, info);
    const p = info.projection.project;
    for (const t of texts) {
      const lines = demo.layers.streets.filter((f) => f.properties?.name === t.text).flatMap((f) => (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : []));
      let best = Infinity;
      for (const line of lines) {
        for (let i = 1; i < line.length; i++) {
          const [a, b] = [p([line[i - 1][0], line[i - 1][1]]), p([line[i][0], line[i][1]])];
          const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
          const s = Math.max(0, Math.min(1, ((t.x - a[0]) * dx + (t.y - a[1]) * dy) / (dx * dx + dy * dy || 1)));
          best = Math.min(best, Math.hypot(t.x - a[0] - s * dx, t.y - a[1] - s * dy));
        }
      }
      expect(best, t.text).toBeLessThan(0.5);
    }
  });

  it('leaves the names out with streetNames: false, and on atlas pages names only streets in the frame', () => {
    const { page } = composeMapPage(demo, { ...base, streetNames: false });
    expect(group(page.items, 'street-names')).toBeNull();
    const atlas = composeAtlasPages(demo, { ...base, atlasLayer: 'blocks' });
    const all = atlas.pages.map((pg, i) => names(pg, atlas.infos[i]));
    expect(all.some((n) => n.texts.length > 0)).toBe(true);
    for (const n of all) for (const t of n.texts) for (const c of corners(t)) expect(inside(c, n.frame)).toBe(true);
  });
});
