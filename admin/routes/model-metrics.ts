/**
 * Reads the per-intent accuracy out of a model record's metrics. The metrics object
 * belongs to nlu/ and is opaque to the store, so read it defensively: a missing
 * figure shows as "not measured" rather than breaking the intents page.
 */
export function intentAccuracy(metrics: Record<string, unknown> | undefined, intent: string): number | null {
  const per = metrics?.perIntent;
  if (!per || typeof per !== 'object') return null;
  const v = (per as Record<string, unknown>)[intent];
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object') {
    // nlu's held-back tally: { examples, correct }.
    const { examples, correct } = v as { examples?: unknown; correct?: unknown };
    if (typeof examples === 'number' && typeof correct === 'number') return examples > 0 ? correct / examples : null;
    for (const key of ['accuracy', 'recall', 'f1']) {
      const x = (v as Record<string, unknown>)[key];
      if (typeof x === 'number') return x;
    }
  }
  return null;
}
