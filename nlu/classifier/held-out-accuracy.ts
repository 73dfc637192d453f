/** Held-back tally for one class: how many utterances, how many decided right. */
export interface IntentTally {
  examples: number;
  correct: number;
}

export interface HeldOutAccuracy {
  /** Share decided right (declining an out-of-scope utterance counts as right); null without held-back utterances. */
  accuracy: number | null;
  /** Per intent name; out-of-scope utterances under the out-of-scope label. */
  perIntent: Record<string, IntentTally>;
}

/**
 * Tallies (truth, decision) pairs of held-back utterances, overall and per
 * intent, so the console can point at the intents that need more examples.
 * `truth` and `decided` are class indices, -1 = out of scope.
 */
export function tallyHeldOut(pairs: Iterable<{ truth: number; decided: number }>, labels: readonly string[], oosLabel: string): HeldOutAccuracy {
  const perIntent: Record<string, IntentTally> = {};
  let n = 0;
  let ok = 0;
  for (const { truth, decided } of pairs) {
    const name = truth === -1 ? oosLabel : (labels[truth] ?? '(unknown intent)');
    const t = (perIntent[name] ??= { examples: 0, correct: 0 });
    t.examples++;
    n++;
    if (truth === decided) {
      t.correct++;
      ok++;
    }
  }
  return { accuracy: n ? ok / n : null, perIntent };
}
