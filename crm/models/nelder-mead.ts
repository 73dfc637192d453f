/**
 * Nelder-Mead simplex minimiser. The purchase models optimise over log-parameters, where the
 * surface is smooth and unconstrained, and their likelihoods have no cheap gradient worth the code.
 */
export interface MinimiseResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

export function nelderMead(f: (x: number[]) => number, start: number[], o: { step?: number; maxIter?: number; tol?: number } = {}): MinimiseResult {
  const n = start.length;
  const step = o.step ?? 0.5;
  const maxIter = o.maxIter ?? 1000;
  const tol = o.tol ?? 1e-9;
  const safe = (x: number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let simplex = [start.slice(), ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))];
  let values = simplex.map(safe);
  let it = 0;
  for (; it < maxIter; it++) {
    const order = values.map((v, i) => i).sort((a, b) => values[a]! - values[b]!);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    const spread = Math.abs(values[n]! - values[0]!);
    if (spread <= tol * (Math.abs(values[0]!) + tol)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]![j]! / n;
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n]![j]! - c));
    const reflected = along(-1);
    const fr = safe(reflected);
    if (fr < values[0]!) {
      const expanded = along(-2);
      const fe = safe(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const contracted = fr < values[n]! ? along(-0.5) : along(0.5);
      const fc = safe(contracted);
      if (fc < Math.min(fr, values[n]!)) {
        [simplex[n], values[n]] = [contracted, fc];
      } else {
        // Shrink towards the best vertex.
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i]!.map((v, j) => simplex[0]![j]! + 0.5 * (v - simplex[0]![j]!));
          values[i] = safe(simplex[i]!);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best]!, value: values[best]!, iterations: it, converged: it < maxIter };
}
