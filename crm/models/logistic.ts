/**
 * L2-regularised logistic regression fitted by IRLS (Newton steps): with a handful of
 * standardised features each step is a tiny d x d solve, so 100k rows converge in ~10 passes.
 */
export interface LogisticModel {
  mean: number[];
  std: number[];
  weights: number[];
  intercept: number;
}

export interface FitOptions {
  /** L2 penalty on the (standardised) weights, not on the intercept. */
  lambda?: number;
  maxIter?: number;
  tol?: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, z))));

export function standardiser(rows: number[][]): { mean: number[]; std: number[] } {
  const d = rows[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j]! += r[j]! / rows.length;
  for (const r of rows) for (let j = 0; j < d; j++) std[j]! += (r[j]! - mean[j]!) ** 2 / rows.length;
  // A constant feature gets std 1 so it standardises to 0 instead of NaN.
  return { mean, std: std.map((v) => (v > 1e-12 ? Math.sqrt(v) : 1)) };
}

/** Solves A x = b (A symmetric positive definite, small) by Gaussian elimination with pivoting. */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / piv;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / (m[r]![r]! || 1e-12);
  }
  return x;
}

export function fitLogistic(rows: number[][], labels: number[], opts: FitOptions = {}): LogisticModel {
  const lambda = opts.lambda ?? 1;
  const { mean, std } = standardiser(rows);
  const d = mean.length;
  const z = rows.map((r) => r.map((v, j) => (v - mean[j]!) / std[j]!));
  // theta[0] is the intercept, theta[1..d] the weights.
  let theta = new Array<number>(d + 1).fill(0);
  for (let iter = 0; iter < (opts.maxIter ?? 25); iter++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < z.length; i++) {
      const x = z[i]!;
      let s = theta[0]!;
      for (let j = 0; j < d; j++) s += theta[j + 1]! * x[j]!;
      const p = sigmoid(s);
      const w = Math.max(p * (1 - p), 1e-9);
      const e = labels[i]! - p;
      grad[0]! += e;
      hess[0]![0]! += w;
      for (let j = 0; j < d; j++) {
        grad[j + 1]! += e * x[j]!;
        hess[0]![j + 1]! += w * x[j]!;
        for (let k = j; k < d; k++) hess[j + 1]![k + 1]! += w * x[j]! * x[k]!;
      }
    }
    for (let j = 0; j <= d; j++) for (let k = 0; k < j; k++) hess[j]![k] = hess[k]![j]!;
    for (let j = 1; j <= d; j++) {
      grad[j]! -= lambda * theta[j]!;
      hess[j]![j]! += lambda;
    }
    const step = solve(hess, grad);
    theta = theta.map((t, j) => t + step[j]!);
    if (Math.max(...step.map(Math.abs)) < (opts.tol ?? 1e-6)) break;
  }
  return { mean, std, intercept: theta[0]!, weights: theta.slice(1) };
}

/** Per-feature contribution to the log-odds (weight x standardised value): the explanation. */
export function contributions(model: LogisticModel, x: number[]): number[] {
  return model.weights.map((w, j) => w * ((x[j]! - model.mean[j]!) / model.std[j]!));
}

export function predict(model: LogisticModel, x: number[]): number {
  return sigmoid(model.intercept + contributions(model, x).reduce((a, b) => a + b, 0));
}

/** Area under the ROC curve (Mann-Whitney U with average ranks for ties). */
export function auc(scores: number[], labels: number[]): number | null {
  const idx = scores.map((s, i) => ({ s, y: labels[i]! })).sort((a, b) => a.s - b.s);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1]!.s === idx[i]!.s) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (idx[k]!.y === 1) (pos++, (rankSum += avgRank));
    i = j + 1;
  }
  const neg = idx.length - pos;
  if (pos === 0 || neg === 0) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}
