import { UserError } from '../user-error.ts';

/** Which units pass a multiple-testing correction, and the p-value cut-off that was used. */
export interface MultipleTestingResult {
  /** true for units declared significant; false for the others and for missing (NaN) p-values. */
  significant: boolean[];
  /** Largest p-value declared significant under the rule (0 when none). */
  cutoff: number;
  /** Number of p-values tested (NaN excluded). */
  tested: number;
  method: 'fdr-bh' | 'bonferroni';
  q: number;
}

/**
 * Benjamini–Hochberg false discovery rate control at level q: with the m finite p-values sorted,
 * p(1) ≤ … ≤ p(m), find the largest k with p(k) ≤ k q / m and declare the k smallest significant.
 * NaN p-values (islands) are not tested and never significant. This is what "significant at FDR q"
 * means in Wijkatlas (and what GeoDa's and PySAL's `fdr` compute).
 *
 * @param pValues one p-value per unit (NaN: not tested)
 * @param q false discovery rate, 0 < q < 1 (e.g. 0.05)
 * @returns significant flags in input order, the cut-off, the number tested
 * @example
 * benjaminiHochberg([0.001, 0.02, 0.04, 0.5], 0.05).significant; // [true, true, false, false]
 */
export function benjaminiHochberg(pValues: ArrayLike<number>, q: number): MultipleTestingResult {
  checkQ(q);
  const idx: number[] = [];
  for (let i = 0; i < pValues.length; i++) if (Number.isFinite(pValues[i])) idx.push(i);
  idx.sort((a, b) => pValues[a] - pValues[b] || a - b);
  const m = idx.length;
  let k = 0;
  for (let r = m; r >= 1; r--) {
    if (pValues[idx[r - 1]] <= (r * q) / m) {
      k = r;
      break;
    }
  }
  const significant = new Array<boolean>(pValues.length).fill(false);
  for (let r = 0; r < k; r++) significant[idx[r]] = true;
  // (values tied with p(k) are all within the k: a tie after it would satisfy the rule with a larger k)
  const cutoff = k > 0 ? pValues[idx[k - 1]] : 0;
  return { significant, cutoff, tested: m, method: 'fdr-bh', q };
}

/**
 * Bonferroni correction: significant when p ≤ q / m (m finite p-values). Controls the chance of any
 * false positive; stricter than FDR.
 *
 * @param pValues one p-value per unit (NaN: not tested)
 * @param q family-wise error rate, 0 < q < 1
 * @returns significant flags, cut-off q/m, number tested
 * @example
 * bonferroni([0.001, 0.02], 0.05).significant; // [true, true] (cut-off 0.025)
 */
export function bonferroni(pValues: ArrayLike<number>, q: number): MultipleTestingResult {
  checkQ(q);
  let m = 0;
  for (let i = 0; i < pValues.length; i++) if (Number.isFinite(pValues[i])) m++;
  const cutoff = m > 0 ? q / m : 0;
  const significant = Array.from({ length: pValues.length }, (_, i) => Number.isFinite(pValues[i]) && pValues[i] <= cutoff);
  return { significant, cutoff, tested: m, method: 'bonferroni', q };
}

function checkQ(q: number): void {
  if (!(q > 0 && q < 1)) throw new UserError(`significance level: expected q between 0 and 1 (e.g. 0.05), found ${q}. Fix --fdr.`);
}
