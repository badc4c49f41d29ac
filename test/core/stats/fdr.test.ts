import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, bonferroni } from '../../../src/core/stats/fdr.ts';
import { hotspotClasses } from '../../../src/core/stats/hotspot-classes.ts';

describe('Benjamini–Hochberg and Bonferroni', () => {
  // By hand, q = 0.05, m = 6 tested (NaN is not tested). Sorted: 0.005 (#3), 0.01 (#0), 0.03 (#2),
  // 0.04 (#1), 0.049 (#6), 0.2 (#4); thresholds k q / m = 0.0083, 0.0167, 0.025, 0.0333, 0.0417, 0.05.
  // Largest k with p(k) ≤ k q / m: k = 2 (0.01 ≤ 0.0167; 0.03 > 0.025, 0.04 > 0.0333, 0.049 > 0.0417,
  // 0.2 > 0.05) → units #3 and #0. Bonferroni: p ≤ 0.05 / 6 = 0.0083 → unit #3 only.
  const p = [0.01, 0.04, 0.03, 0.005, 0.2, NaN, 0.049];
  it('FDR selects the units of the hand computation', () => {
    const r = benjaminiHochberg(p, 0.05);
    expect(r.significant).toEqual([true, false, false, true, false, false, false]);
    expect(r).toMatchObject({ cutoff: 0.01, tested: 6, method: 'fdr-bh', q: 0.05 });
  });
  it('is a step-up rule: a p above its own threshold passes when a larger k passes', () => {
    // thresholds for m = 3, q = 0.05: 0.0167, 0.0333, 0.05; 0.02 > 0.0167 but k = 3 passes (0.05 ≤ 0.05)
    expect(benjaminiHochberg([0.02, 0.03, 0.05], 0.05).significant).toEqual([true, true, true]);
  });
  it('Bonferroni selects p ≤ q/m', () => {
    expect(bonferroni(p, 0.05).significant).toEqual([false, false, false, true, false, false, false]);
    expect(bonferroni(p, 0.05).cutoff).toBeCloseTo(0.05 / 6, 15);
  });
  it('refuses a level outside (0, 1)', () => expect(() => benjaminiHochberg(p, 5)).toThrow(/between 0 and 1/));
});

describe('hotspotClasses (ArcGIS Gi_Bin with FDR)', () => {
  it('classes hot/cold at 99/95/90 % by FDR at q = 0.01/0.05/0.10 and the sign of z', () => {
    // m = 5: thresholds q k / 5. q = 0.01: 0.002 ≤ 0.002 (k = 1) → unit 0; q = 0.05: k = 3 (0.02 ≤ 0.03)
    // → units 0, 1, 2; q = 0.10: k = 4 (0.07 ≤ 0.08) → also unit 3.
    const z = [3.1, -2.5, 2.2, 1.9, -0.3];
    const p = [0.002, 0.015, 0.02, 0.07, 0.4];
    expect(Array.from(hotspotClasses(z, p))).toEqual([3, -2, 2, 1, 0]);
  });
});
