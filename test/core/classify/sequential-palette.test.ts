import { lab as d3lab, rgb, schemeYlOrRd } from 'd3';
import { describe, expect, it } from 'vitest';
import { NO_DATA_RGB, sequentialPalette, type SequentialScheme } from '../../../src/core/classify/index.ts';

const lab = ([r, g, b]: number[]) => {
  const c = d3lab(rgb(r, g, b));
  return [c.l, c.a, c.b];
};

describe('sequentialPalette', () => {
  it('gives the ColorBrewer YlOrRd colours for 5 classes, lightest first', () => {
    expect(sequentialPalette('YlOrRd', 5)).toEqual([
      [255, 255, 178],
      [254, 204, 92],
      [253, 141, 60],
      [240, 59, 32],
      [189, 0, 38],
    ]);
    expect(schemeYlOrRd[5][0]).toBe('#ffffb2');
  });

  it('gives as many colours as classes for 1 to 9, for every scheme', () => {
    const schemes: SequentialScheme[] = ['YlOrRd', 'YlOrBr', 'YlGn', 'YlGnBu', 'GnBu', 'OrRd', 'Greens', 'Blues', 'Purples'];
    for (const s of schemes) for (let k = 1; k <= 9; k++) expect(sequentialPalette(s, k)).toHaveLength(k);
  });

  it('keeps two classes far apart (the ends of the 3-class scheme)', () => {
    expect(sequentialPalette('YlOrRd', 2)).toEqual([
      [255, 237, 160],
      [240, 59, 32],
    ]);
  });

  it('has a no-data grey that is clearly apart from every class of the schemes the atlas maps with', () => {
    const schemes: SequentialScheme[] = ['YlOrRd', 'YlOrBr', 'YlGn', 'YlGnBu', 'GnBu', 'OrRd'];
    const [gl, ga, gb] = lab(NO_DATA_RGB);
    for (const s of schemes) {
      for (let k = 1; k <= 9; k++) {
        for (const c of sequentialPalette(s, k)) {
          const [l, a, b] = lab(c);
          expect(Math.hypot(l - gl, a - ga, b - gb), `${s}${k} ${c}`).toBeGreaterThan(20);
        }
      }
    }
  });

  it('rejects unknown schemes and class counts outside 1..9', () => {
    expect(() => sequentialPalette('Rainbow' as SequentialScheme, 5)).toThrow(/unknown scheme "Rainbow"/);
    expect(() => sequentialPalette('YlOrRd', 0)).toThrow(/1 to 9 classes, found 0/);
    expect(() => sequentialPalette('YlOrRd', 10)).toThrow(RangeError);
  });
});
