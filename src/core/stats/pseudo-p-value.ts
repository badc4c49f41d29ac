/**
 * Folded permutation pseudo p-value exactly as PySAL esda computes p_sim (Moran, Moran_Local,
 * G_Local) and as GeoDa reports it: with R permutations and M = #{simulated ≥ observed},
 * if R − M < M then M = R − M; p = (M + 1) / (R + 1).
 *
 * This is a ONE-SIDED p-value in the direction of the observed value (the tail the observation
 * lies in), so it never exceeds 0.5; it is not doubled. Ties count on the "≥" side, so an
 * observation equal to every simulated value gets M = R → folded to 0 → p = 1 / (R + 1) (a PySAL
 * quirk; islands, the only units where it happens by construction, get no p-value here at all).
 *
 * @param larger number of simulated values ≥ the observed one
 * @param permutations R
 * @returns the pseudo p-value
 * @example
 * pseudoPValue(0, 999); // 0.001
 * pseudoPValue(990, 999); // 0.01 (folded: 999 − 990 = 9 below)
 */
export function pseudoPValue(larger: number, permutations: number): number {
  const m = permutations - larger < larger ? permutations - larger : larger;
  return (m + 1) / (permutations + 1);
}
