/**
 * Upper tail of the standard normal distribution, P(Z > z), to double precision (Hart's 1968
 * algorithm 5666 as given by West, "Better approximations to cumulative normal functions", 2005).
 *
 * @param z any number
 * @returns P(Z > z) in [0, 1]
 * @example
 * normalTail(1.959963984540054); // 0.025
 */
export function normalTail(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const x = Math.abs(z);
  let lower: number; // P(Z < -|z|)
  if (x > 37) lower = 0;
  else {
    const e = Math.exp((-x * x) / 2);
    if (x < 7.07106781186547) {
      let num = 3.52624965998911e-2 * x + 0.700383064443688;
      num = num * x + 6.37396220353165;
      num = num * x + 33.912866078383;
      num = num * x + 112.079291497871;
      num = num * x + 221.213596169931;
      num = num * x + 220.206867912376;
      let den = 8.83883476483184e-2 * x + 1.75566716318264;
      den = den * x + 16.064177579207;
      den = den * x + 86.7807322029461;
      den = den * x + 296.564248779674;
      den = den * x + 637.333633378831;
      den = den * x + 793.826512519948;
      den = den * x + 440.413735824752;
      lower = (e * num) / den;
    } else {
      let b = x + 0.65;
      b = x + 4 / b;
      b = x + 3 / b;
      b = x + 2 / b;
      b = x + 1 / b;
      lower = e / b / 2.506628274631;
    }
  }
  return z > 0 ? lower : 1 - lower;
}

/** Two-sided p-value of a z-score: 2 P(Z > |z|) (PySAL esda's p_norm / p_rand). */
export function twoSidedP(z: number): number {
  return Number.isFinite(z) ? 2 * normalTail(Math.abs(z)) : NaN;
}
