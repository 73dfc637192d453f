import { decide, repliesFor, type PolicyConfig } from '../../bot/index.js';
import { detectLanguage, type FaqSearchResult, type IntentStore, type NluAnalysis, type TurnDecision } from '../../core/index.js';

export interface DecisionPreview {
  decision: TurnDecision;
  /** The reply text the bot would send, when it would send one. */
  reply: string | null;
  /** Escalation reason, clarify suggestions... whatever the policy reported. */
  reason?: string;
  suggestions?: { label: string; text: string }[];
}

/**
 * What the bot would decide for this message as the first turn of a fresh
 * conversation: the bot's own pure policy (bot `decide`) with the policy config the
 * dialogue runs with (app/compose passes the same object), so the test console never
 * disagrees with production.
 */
export function createDecisionPreview(intents: IntentStore, config: PolicyConfig) {
  return async (analysis: NluAnalysis, faq: FaqSearchResult, text?: string): Promise<DecisionPreview> => {
    const intent = analysis.intent ? await intents.getIntent(analysis.intent.name) : null;
    const replies = repliesFor(text === undefined ? 'en' : detectLanguage(text));
    const { action } = decide({ analysis, faq, intent, counters: { consecutiveFallbacks: 0, negativeStreak: 0 }, replies }, config);
    switch (action.decision) {
      case 'escalate':
        return { decision: 'escalate', reply: null, reason: action.reason };
      case 'clarify':
        return { decision: 'clarify', reply: action.text, suggestions: action.suggestions };
      default:
        return { decision: action.decision, reply: action.text };
    }
  };
}
