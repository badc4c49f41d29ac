import { describe, expect, it } from 'vitest';
import { classColors, classPalette, divergingPalette, NO_DATA_RGB, rankValues, sequentialPalette } from '../../../src/core/classify/index.ts';

describe('classPalette', () => {
  it('takes sequential and diverging ColorBrewer schemes, optionally reversed', () => {
    expect(classPalette('YlOrRd', 5)).toEqual(sequentialPalette('YlOrRd', 5));
    expect(classPalette('RdBu', 3)).toEqual([
      [239, 138, 98],
      [247, 247, 247],
      [103, 169, 207],
    ]);
    expect(classPalette('PuOr', 6, { reverse: true })).toEqual(divergingPalette('PuOr', 6).reverse());
    for (let k = 3; k <= 9; k++) expect(classPalette('BrBG', k)).toHaveLength(k);
    expect(() => classPalette('Spectral' as never, 5)).toThrow(/unknown scheme "Spectral"/);
  });
});

describe('classColors', () => {
  it('writes RGBA per feature: class colour, grey for no data, faded outside the mask', () => {
    const palette = classPalette('YlGn', 3);
    const out = classColors(Int16Array.of(2, -1, 0), palette, { mask: Uint8Array.of(1, 1, 0) });
    expect(Array.from(out)).toEqual([...palette[2], 255, ...NO_DATA_RGB, 255, ...palette[0], 40]);
    expect(() => classColors(Int16Array.of(3), palette)).toThrow(/class 3 has no colour/);
    expect(() => classColors(Int16Array.of(0), palette, { mask: new Uint8Array(2) })).toThrow(/mask of 1 entries/);
  });
});

describe('rankValues', () => {
  it('ranks 1 for the highest, ties share, no data unranked', () => {
    expect(Array.from(rankValues([10, 30, null, 30, NaN, 5]))).toEqual([3, 1, 0, 1, 0, 4]);
  });
});
