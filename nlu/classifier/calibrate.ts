/** One held-back prediction: calibrated probabilities per class and the true class (-1 = out of scope). */
export interface HeldOutPrediction {
  probs: Float64Array;
  truth: number;
  /** Weight in the cost sum (default 1). */
  weight?: number;
}

/**
 * Cost of a decision, fixed for every data set (never tuned per set): a wrong
 * answer costs 1, declining (fallback / clarify) costs half of that. So the
 * bot answers when it is more likely right than wrong, weighing a fallback as
 * the cheaper mistake.
 */
const COST_WRONG = 1;
const COST_DECLINE = 0.5;

export function argmax(p: Float64Array, skip = -1): number {
  let best = -1;
  for (let k = 0; k < p.length; k++) if (k !== skip && (best < 0 || (p[k] ?? 0) > (p[best] ?? 0))) best = k;
  return best;
}

/**
 * Temperature minimising held-back log loss (grid search: cheap and robust).
 * Out-of-scope examples (truth -1) aim at the out-of-scope class when the
 * model has one, else at the uniform distribution: an off-topic message should
 * leave the model undecided, which keeps a small, perfectly separated
 * held-back set from pushing the temperature towards zero.
 */
export function fitTemperature(logits: Float64Array[], truths: number[], weights: number[] = [], oosClass = -1): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let i = -10; i <= 14; i++) {
    const t = Math.pow(1.25, i);
    let loss = 0;
    logits.forEach((l, n) => {
      let max = -Infinity;
      for (const v of l) max = Math.max(max, v / t);
      let sum = 0;
      for (const v of l) sum += Math.exp(v / t - max);
      const logZ = max + Math.log(sum);
      const y = truths[n] ?? -1;
      const w = weights[n] ?? 1;
      if (y >= 0) loss -= w * ((l[y] ?? 0) / t - logZ);
      else if (oosClass >= 0) loss -= w * ((l[oosClass] ?? 0) / t - logZ);
      else if (y === -1) {
        let ce = 0;
        for (const v of l) ce -= v / t - logZ;
        loss += (w * ce) / l.length;
      }
    });
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  return best;
}

/** 'raw' = p(top), the rule of models persisted before the in-scope share (their thresholds were swept on it). */
export type ConfidenceRule = 'in-scope-share' | 'raw';

/**
 * Confidence the threshold reads: the top intent's share of the in-scope mass,
 * p(top) / (1 - p(out of scope)). The out-of-scope class already answers "is
 * this unlike every intent?" (it declines when it wins); the threshold answers
 * "is the pick clear among the intents?". Reading raw p(top) would count the
 * out-of-scope share twice: on a small bot whose background class holds 15% of
 * every message, a clear 0.45 pick among eight intents fell under 0.5.
 */
export function inScopeConfidence(p: Float64Array, oosClass: number, top: number, rule: ConfidenceRule = 'in-scope-share'): number {
  const rest = oosClass >= 0 && rule === 'in-scope-share' ? 1 - (p[oosClass] ?? 0) : 1;
  return rest > 1e-12 ? (p[top] ?? 0) / rest : 0;
}

/**
 * Decision of a calibrated prediction: the best real class, or out of scope
 * when the out-of-scope class wins or the in-scope confidence is under the threshold.
 */
export function decide(p: Float64Array, oosClass: number, threshold: number, rule: ConfidenceRule = 'in-scope-share'): number {
  const top = argmax(p);
  if (top === oosClass) return -1;
  return inScopeConfidence(p, oosClass, top, rule) >= threshold ? top : -1;
}

export function decisionCost(predicted: number, truth: number): number {
  if (predicted === truth) return 0;
  return predicted === -1 ? COST_DECLINE : COST_WRONG;
}

/** Threshold with the lowest total cost on held-back predictions (a sweep over sorted confidences). */
export function chooseThreshold(preds: HeldOutPrediction[], oosClass: number): number {
  const rows = preds
    .map((p) => {
      const top = argmax(p.probs);
      const accepted = top === oosClass ? -1 : top;
      return {
        conf: top === oosClass ? Infinity : inScopeConfidence(p.probs, oosClass, top),
        accept: decisionCost(accepted, p.truth) * (p.weight ?? 1),
        decline: decisionCost(-1, p.truth) * (p.weight ?? 1),
      };
    })
    .sort((a, b) => a.conf - b.conf);
  // Threshold at rows[i].conf declines rows[0..i-1] and accepts the rest.
  let cost = rows.reduce((s, r) => s + r.accept, 0);
  let best = 0;
  let bestCost = cost;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    cost += r.decline - r.accept;
    const next = rows[i + 1]?.conf ?? Infinity;
    if (next === Infinity || next === r.conf) continue;
    if (cost < bestCost - 1e-9) {
      bestCost = cost;
      // Midway between the last declined and the first accepted confidence: the widest margin either side.
      best = next === Infinity ? r.conf + 1e-6 : (r.conf + next) / 2;
    }
  }
  return best;
}
