import type { Example } from '../classifier/train-classifier.js';

/** Anything that can decide an utterance: returns the intent name or null (declined / out of scope). */
export type Decider = (text: string) => Promise<string | null>;

export interface EvaluationResult {
  /** All examples: a declined out-of-scope example counts as correct. */
  accuracy: number;
  macroF1: number;
  inScopeAccuracy: number | null;
  oosRecall: number | null;
  examples: number;
  p50Ms: number;
  p99Ms: number;
  /**
   * CPU time of the process per analysis (all its threads): on a shared machine the wall clock's
   * tail mostly measures the neighbours, this one our own work.
   */
  p99CpuMs: number;
  /** Most frequent confusions (truth -> predicted), for humans. */
  topConfusions: { truth: string; predicted: string; count: number }[];
}

const OOS = '(out of scope)';
const WARM_UP = 20;

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export async function evaluateDecider(decide: Decider, examples: Example[]): Promise<EvaluationResult> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const confusions = new Map<string, number>();
  let correct = 0;
  let inScope = 0;
  let inScopeOk = 0;
  let oos = 0;
  let oosOk = 0;
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  // A serving model is warm: the first calls (JIT, lazy caches) are not what a user waits for.
  for (const e of examples.slice(0, WARM_UP)) await decide(e.text);
  for (const e of examples) {
    const cpu = process.cpuUsage();
    const t = process.hrtime.bigint();
    const predicted = (await decide(e.text)) ?? OOS;
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    const truth = e.intent ?? OOS;
    if (e.intent === null) {
      oos++;
      if (predicted === OOS) oosOk++;
    } else {
      inScope++;
      if (predicted === truth) inScopeOk++;
    }
    if (predicted === truth) {
      correct++;
      inc(tp, truth);
    } else {
      inc(fp, predicted);
      inc(fn, truth);
      inc(confusions, `${truth}\u0000${predicted}`);
    }
  }
  const classes = new Set([...tp.keys(), ...fn.keys()]);
  let f1Sum = 0;
  for (const c of classes) {
    const t = tp.get(c) ?? 0;
    const denom = 2 * t + (fp.get(c) ?? 0) + (fn.get(c) ?? 0);
    f1Sum += denom === 0 ? 0 : (2 * t) / denom;
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return {
    accuracy: examples.length ? correct / examples.length : 0,
    macroF1: classes.size ? f1Sum / classes.size : 0,
    inScopeAccuracy: inScope ? inScopeOk / inScope : null,
    oosRecall: oos ? oosOk / oos : null,
    examples: examples.length,
    p50Ms: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    p99CpuMs: percentile(cpuTimes, 0.99),
    topConfusions: [...confusions.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([k, count]) => {
        const [truth = '', predicted = ''] = k.split('\u0000');
        return { truth, predicted, count };
      }),
  };
}
