/**
 * Default kernel-density search radius, the rule ArcGIS Pro's Kernel Density documents (Silverman's
 * rule of thumb adapted to two dimensions, robust to outliers):
 * h = 0.9 × min(SD, sqrt(1 / ln 2) × Dm) × n^(−0.2), where SD is the standard distance of the points
 * from their mean centre and Dm the median of those distances. Units: those of the coordinates
 * (metres in a projected CRS).
 *
 * @param xs x coordinates
 * @param ys y coordinates
 * @returns the bandwidth (0 when all points coincide)
 * @example
 * kernelBandwidth(xs, ys); // e.g. 142.7 (metres)
 */
export function kernelBandwidth(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 2) return 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  const d = new Float64Array(n);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d2 = (xs[i] - mx) ** 2 + (ys[i] - my) ** 2;
    ss += d2;
    d[i] = Math.sqrt(d2);
  }
  d.sort();
  const median = n % 2 ? d[(n - 1) / 2] : (d[n / 2 - 1] + d[n / 2]) / 2;
  const sd = Math.sqrt(ss / n);
  return 0.9 * Math.min(sd, Math.sqrt(1 / Math.LN2) * median) * Math.pow(n, -0.2);
}
