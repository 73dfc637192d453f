import type { FaqSearchResult, IntentStore, NluAnalysis, TurnDecision } from '../../core/index.js';

export interface DecisionPreview {
  decision: TurnDecision;
  /** The reply text the bot would send, when it would send one. */
  reply: string | null;
  reason?: string;
}

/** What the bot would decide for this message as the first turn of a fresh conversation. */
export function createDecisionPreview(intents: IntentStore, threshold = 0.7) {
  return async (analysis: NluAnalysis, faq: FaqSearchResult): Promise<DecisionPreview> => {
    const best = analysis.outOfScope ? null : analysis.intent;
    const def = best ? await intents.getIntent(best.name) : null;
    const confident = best !== null && best.confidence >= threshold;
    if (confident && def?.escalate) return { decision: 'escalate', reply: null, reason: 'intent' };
    const top = faq.hits[0];
    const faqScore = faq.decision === 'answer' && top ? top.calibrated : -1;
    const intentScore = confident && def?.answer ? best.confidence : -1;
    if (intentScore >= 0 && intentScore >= faqScore) return { decision: 'intent', reply: def?.answer ?? null };
    if (faqScore >= 0 && top) return { decision: 'faq', reply: top.answer };
    if (faq.decision === 'clarify' && faq.hits.length > 0) return { decision: 'clarify', reply: null };
    return { decision: 'fallback', reply: null };
  };
}
