// Small statistics shared by the analyses: the Wilson score interval for a proportion, and medians.

export interface Interval {
  low: number;
  high: number;
}

/**
 * 95 % Wilson score interval for `successes` out of `trials` (z = 1.96). Better than the normal
 * approximation for small counts and rates near 0 or 1; null when there are no trials.
 */
export function wilsonInterval(successes: number, trials: number, z = 1.959963984540054): Interval | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
