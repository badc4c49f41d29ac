import type { FittedProjection, Rect } from './fit-map-projection.ts';
import { round } from './geometry-path.ts';
import type { PageGroup } from './page-model.ts';
import { rectItem, textItem } from './page-shapes.ts';
import { pageText, type PageLang } from './page-strings.ts';

/** The white box of the north arrow (page mm), for labels that must keep clear of it. */
export function northArrowBox(proj: FittedProjection, typeScale = 1): Rect {
  const f = proj.frame;
  const len = 11 * typeScale;
  const cx = f.x + f.width - 4 - 5 * typeScale;
  const cy = f.y + 4 + 4.5 * typeScale + len / 2;
  const w = 3.2 * typeScale;
  const tip = -len / 2;
  return { x: cx - w - 1.6, y: cy + tip - 1.4 * typeScale - 9 * typeScale * 0.3528 - 1.4, width: 2 * w + 3.2, height: len + 1.4 * typeScale + 9 * typeScale * 0.3528 + 3 };
}

/**
 * A north arrow in the upper-right corner of the map frame, turned to true north at the map centre
 * (in Lambert 72 that differs from "up" by the meridian convergence, a fraction of a degree in Flanders).
 *
 * @returns a group with role `north-arrow`
 */
export function drawNorthArrow(proj: FittedProjection, lang: PageLang, typeScale = 1): PageGroup {
  const f = proj.frame;
  const len = 11 * typeScale;
  const cx = f.x + f.width - 4 - 5 * typeScale;
  const cy = f.y + 4 + 4.5 * typeScale + len / 2;
  const a = (proj.northAngle * Math.PI) / 180;
  // Arrow outline in local coordinates (up = north), rotated by the north angle around (cx, cy).
  const at = (x: number, y: number) => {
    const rx = x * Math.cos(a) - y * Math.sin(a);
    const ry = x * Math.sin(a) + y * Math.cos(a);
    return `${round(cx + rx)} ${round(cy + ry)}`;
  };
  const w = 3.2 * typeScale;
  const tip = -len / 2;
  const tail = len / 2;
  const notch = len / 2 - 2.5 * typeScale;
  const left = `M${at(0, tip)}L${at(-w, tail)}L${at(0, notch)}Z`;
  const right = `M${at(0, tip)}L${at(w, tail)}L${at(0, notch)}Z`;
  const label = at(0, tip - 1.4 * typeScale).split(' ').map(Number);
  return {
    kind: 'group',
    role: 'north-arrow',
    items: [
      rectItem(northArrowBox(proj, typeScale), { fill: '#ffffff', fillOpacity: 0.88, stroke: '#999999', strokeWidth: 0.15 }),
      { kind: 'path', d: left, fill: '#ffffff', stroke: '#1a1a1a', strokeWidth: 0.25, lineJoin: 'miter' },
      { kind: 'path', d: right, fill: '#1a1a1a', stroke: '#1a1a1a', strokeWidth: 0.25, lineJoin: 'miter' },
      textItem(label[0], label[1], pageText(lang, 'north'), 9 * typeScale, { anchor: 'middle', weight: 'bold', rotate: Number(proj.northAngle.toFixed(2)) }),
    ],
  };
}
