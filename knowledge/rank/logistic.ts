/** A small L2-regularised logistic regression: enough for a handful of ranking features. */
export interface LogisticModel {
  weights: number[];
  bias: number;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function predict(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) z += (model.weights[i] ?? 0) * (x[i] ?? 0);
  return sigmoid(z);
}

/**
 * Full-batch gradient descent. Features are already on 0-1 / -1..1 scales,
 * so no standardisation; the L2 term keeps tiny synthetic sets from overfitting.
 */
export function fitLogistic(
  xs: readonly (readonly number[])[],
  ys: readonly number[],
  opts: { iterations?: number; rate?: number; l2?: number; init?: LogisticModel; shrinkToInit?: boolean } = {},
): LogisticModel {
  const n = xs.length;
  const d = xs[0]?.length ?? 0;
  const iterations = opts.iterations ?? 800;
  const rate = opts.rate ?? 0.5;
  const l2 = opts.l2 ?? 0.01;
  const w = opts.init ? [...opts.init.weights] : new Array<number>(d).fill(0);
  // With shrinkToInit the L2 penalty pulls towards the initial (prior) weights instead of zero.
  const w0 = opts.shrinkToInit && opts.init ? [...opts.init.weights] : new Array<number>(d).fill(0);
  let b = opts.init?.bias ?? 0;
  if (n === 0) return { weights: w, bias: b };
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const err = predict({ weights: w, bias: b }, x) - (ys[i] ?? 0);
      for (let j = 0; j < d; j++) gw[j]! += err * (x[j] ?? 0);
      gb += err;
    }
    for (let j = 0; j < d; j++) w[j] = w[j]! - rate * (gw[j]! / n + l2 * (w[j]! - w0[j]!));
    b -= rate * (gb / n);
  }
  return { weights: w, bias: b };
}
