import { describe, expect, it } from 'vitest';
import { routeStreetLabels, type LabelStreet } from '../../../src/core/routes/route-street-labels.ts';
import { MM_PER_PT } from '../../../src/core/page/page-model.ts';
import { textWidth } from '../../../src/core/page/text-width.ts';
import type { XY } from '../../../src/core/types.ts';

const frame = { x: 0, y: 0, w: 200, h: 120 };
const half = (7 * MM_PER_PT * 1.15) / 2;

/** The label's centre line, as the module samples it. */
function ends(l: { x: number; y: number; text: string; rotate?: number }): [XY, XY] {
  const w = textWidth(l.text, 7);
  const a = ((l.rotate ?? 0) * Math.PI) / 180;
  return [
    [l.x - (Math.cos(a) * w) / 2, l.y - (Math.sin(a) * w) / 2],
    [l.x + (Math.cos(a) * w) / 2, l.y + (Math.sin(a) * w) / 2],
  ];
}

/** Distance from point p to segment ab. */
function toSegment(p: XY, a: XY, b: XY): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

describe('routeStreetLabels', () => {
  it('names a straight street once, beside it, near the middle, upright whatever the walking direction', () => {
    for (const run of [[[20, 60], [120, 60]], [[120, 60], [20, 60]]] as XY[][]) {
      const labels = routeStreetLabels([{ name: 'Stoomstraat', runs: [run] }], { frame });
      expect(labels).toHaveLength(1);
      const [l] = labels;
      expect(l).toMatchObject({ kind: 'text', text: 'Stoomstraat', anchor: 'middle', baseline: 'middle', rotate: 0 });
      expect(Math.abs(l.x - 70)).toBeLessThan(1.6);
      // half a line height and 0.7 mm off the line
      expect(Math.abs(Math.abs(l.y - 60) - (half + 0.7))).toBeLessThan(0.01);
    }
    // a vertical street reads bottom to top (−90°), walked up or down
    for (const run of [[[50, 10], [50, 110]], [[50, 110], [50, 10]]] as XY[][]) {
      expect(routeStreetLabels([{ name: 'Remstraat', runs: [run] }], { frame })[0].rotate).toBe(-90);
    }
    // a nearly vertical one too (not top to bottom at +89°)
    expect(routeStreetLabels([{ name: 'Wagonstraat', runs: [[[50, 10], [52, 110]]] }], { frame })[0].rotate).toBeCloseTo(-180 + (Math.atan2(100, 2) * 180) / Math.PI, 1);
    // a diagonal one along its direction, never upside down
    const diag = routeStreetLabels([{ name: 'Seinstraat', runs: [[[150, 100], [50, 20]]] }], { frame })[0];
    expect(diag.rotate).toBeCloseTo((Math.atan2(-80, -100) * 180) / Math.PI + 180, 0);
    expect(diag.rotate!).toBeGreaterThan(-100);
    expect(diag.rotate!).toBeLessThanOrEqual(80);
  });

  it('leaves out a street too short or too bent for its name, and a street with no free place', () => {
    expect(routeStreetLabels([{ name: 'Aambeeldstraat', runs: [[[20, 60], [30, 60]]] }], { frame })).toEqual([]);
    // an L of two 8-mm legs: no straight stretch as long as the name
    expect(routeStreetLabels([{ name: 'Bielzenstraat', runs: [[[20, 60], [28, 60], [28, 52]]] }], { frame })).toEqual([]);
    // out and back along one street: the name sits along a straight stretch, within the street
    const back = routeStreetLabels([{ name: 'Hamerstraat', runs: [[[50, 20], [50, 100], [50, 20]]] }], { frame });
    expect(back).toHaveLength(1);
    expect(back[0].rotate).toBe(-90);
    expect(Math.abs(Math.abs(back[0].x - 50) - (half + 0.7))).toBeLessThan(0.01);
    expect(back[0].y - textWidth('Hamerstraat', 7) / 2).toBeGreaterThanOrEqual(20);
    expect(back[0].y + textWidth('Hamerstraat', 7) / 2).toBeLessThanOrEqual(100);
    // markers all along both sides of a 40-mm street
    const obstacles = Array.from({ length: 9 }, (_, i) => ({ at: [20 + 5 * i, 60] as XY, r: 6 }));
    expect(routeStreetLabels([{ name: 'Ketelstraat', runs: [[[20, 60], [60, 60]]] }], { frame, obstacles })).toEqual([]);
  });

  it('keeps clear of markers, the route lines, the frame and each other', () => {
    const marker = { at: [70, 60] as XY, r: 3 };
    const cross: XY[] = [[100, 5], [100, 115]];
    const streets: LabelStreet[] = [
      { name: 'Stoomstraat', runs: [[[20, 60], [120, 60]]] },
      { name: 'Tenderstraat', runs: [cross] },
      // along the top edge of the frame: its label goes inside
      { name: 'Zuigerstraat', runs: [[[20, 1], [180, 1]]] },
      // parallel just below the Stoomstraat: the labels must not overlap
      { name: 'Ketelstraat', runs: [[[20, 66], [120, 66]]] },
    ];
    const lines = streets.flatMap((s) => s.runs);
    const labels = routeStreetLabels(streets, { frame, obstacles: [marker], lines });
    expect(labels.map((l) => l.text).sort()).toEqual(['Ketelstraat', 'Stoomstraat', 'Tenderstraat', 'Zuigerstraat']);
    const segs = labels.map(ends);
    for (const [i, [a, b]] of segs.entries()) {
      for (const p of [a, b, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as XY]) {
        expect(p[0]).toBeGreaterThan(frame.x + 1);
        expect(p[0]).toBeLessThan(frame.x + frame.w - 1);
        expect(p[1]).toBeGreaterThan(frame.y + 1);
        expect(p[1]).toBeLessThan(frame.y + frame.h - 1);
      }
      expect(toSegment(marker.at, a, b)).toBeGreaterThan(marker.r + half);
      for (const line of lines) expect(Math.min(toSegment(line[0], a, b), toSegment(line[1], a, b), ...[a, b].map((p) => toSegment(p, line[0], line[1])))).toBeGreaterThan(half);
      for (const [j, [c, d]] of segs.entries()) {
        if (j === i) continue;
        expect(Math.min(toSegment(c, a, b), toSegment(d, a, b), toSegment(a, c, d), toSegment(b, c, d))).toBeGreaterThan(2 * half);
      }
    }
  });
});
