import type { FaqSearchResult, Intent, NluAnalysis, Suggestion } from '../../core/index.js';
import { fillTemplate } from './slots.js';
import { replies as english, type Replies } from './replies.js';
import { formOf } from '../forms/form-spec.js';
import { formReplies } from '../forms/form-text.js';
import type { ProfileValues } from './template.js';

export interface PolicyConfig {
  /** Consecutive fallbacks that hand the conversation to a human (issue: 2). */
  escalateAfterFallbacks: number;
  /** Consecutive negative-sentiment messages that hand it to a human; 0 disables. */
  escalateNegativeStreak: number;
  /** Minimum intent confidence to act on an intent (default 0.7). */
  intentThreshold?: number;
  /** Intent names meaning "talk to a human" even when not flagged `escalate` in the store. */
  handoffIntents?: string[];
  /** How many FAQ suggestions a clarify offers (default 3). */
  maxSuggestions?: number;
  /** Suggestions must score at least this share of the best hit (default 0.25): no near-zero noise as "did you mean". */
  suggestionFloor?: number;
}

export const DEFAULT_HANDOFF_INTENTS = ['human', 'agent', 'handoff', 'human_handoff', 'talk_to_human', 'agent.human', 'smalltalk.human'];

export interface PolicyInput {
  analysis: NluAnalysis;
  faq: FaqSearchResult;
  /** Definition of `analysis.intent` (answer, escalate flag), null when unknown. */
  intent: Intent | null;
  counters: { consecutiveFallbacks: number; negativeStreak: number };
  /** The bot's own sentences in the customer's language (replies.ts); English when absent. */
  replies?: Replies;
  /** Profile fields for `{{customer.name}}`-style placeholders in the intent's answer. */
  profile?: ProfileValues;
}

export type EscalationReason = 'asked' | 'intent' | 'fallbacks' | 'negative';

export type PolicyAction =
  /** `form`: the intent collects values first (bot/forms runs it; `text` is then only its first question). */
  | { decision: 'intent'; text: string; intent: string; form?: true }
  | { decision: 'faq'; text: string; faqId: string }
  | { decision: 'clarify'; text: string; suggestions: Suggestion[] }
  | { decision: 'fallback'; text: string }
  | { decision: 'escalate'; reason: EscalationReason };

export interface PolicyOutcome {
  action: PolicyAction;
  counters: { consecutiveFallbacks: number; negativeStreak: number };
}

/**
 * One turn's decision. Precedence, and why:
 * 1. An explicit "talk to a human" (or an intent flagged `escalate`) wins: never argue with a customer who asks for a person.
 * 2. A negative-sentiment streak escalates even when we have an answer: an upset customer needs a human more than a FAQ.
 * 3. (Answers to an open form's question are read by bot/forms before this policy is consulted.)
 * 4. Intent answer vs FAQ answer: both scores are probabilities (intent confidence, FAQ calibrated score),
 *    so the higher one wins; a tie goes to the intent because intents are curated replies with slots.
 *    An intent counts only when confident (>= intentThreshold), not out of scope, and has an answer or an action.
 * 5. FAQ `clarify` -> "did you mean" suggestions (neither resets nor counts towards the fallback streak).
 * 6. Otherwise fallback; the Nth consecutive fallback escalates instead.
 */
export function decide(input: PolicyInput, config: PolicyConfig): PolicyOutcome {
  const { analysis, faq, intent } = input;
  const replies = input.replies ?? english;
  const threshold = config.intentThreshold ?? 0.7;
  const handoffNames = config.handoffIntents ?? DEFAULT_HANDOFF_INTENTS;
  const negative = analysis.sentiment.label === 'negative';
  const negativeStreak = negative ? input.counters.negativeStreak + 1 : 0;
  const kept = { consecutiveFallbacks: input.counters.consecutiveFallbacks, negativeStreak };
  const answered = { consecutiveFallbacks: 0, negativeStreak };
  const escalate = (reason: EscalationReason): PolicyOutcome => ({ action: { decision: 'escalate', reason }, counters: { consecutiveFallbacks: 0, negativeStreak: 0 } });

  const best = analysis.outOfScope ? null : analysis.intent;
  const confident = best !== null && best.confidence >= threshold;
  if (confident && (handoffNames.includes(best.name) || intent?.escalate === true)) {
    return escalate(handoffNames.includes(best.name) ? 'asked' : 'intent');
  }
  if (config.escalateNegativeStreak > 0 && negativeStreak >= config.escalateNegativeStreak) return escalate('negative');

  const form = formOf(intent);
  const intentScore = confident && (intent?.answer || form || intent?.action) ? best.confidence : -1;
  const top = faq.hits[0];
  const faqScore = faq.decision === 'answer' && top ? top.calibrated : -1;
  if (intentScore >= 0 && intentScore >= faqScore && intent) {
    if (form) {
      const first = form.slots.find((s) => s.required);
      const text = first ? formReplies.ask(first) : (form.confirm ?? formReplies.done);
      return { action: { decision: 'intent', text, intent: intent.name, form: true }, counters: answered };
    }
    const filled = fillTemplate(intent.answer ?? '', analysis.entities, input.profile);
    return { action: { decision: 'intent', text: filled.ok ? filled.text : (intent.answer ?? ''), intent: intent.name }, counters: answered };
  }
  if (faqScore >= 0 && top) return { action: { decision: 'faq', text: top.answer, faqId: top.faqId }, counters: answered };

  if (faq.decision === 'clarify' && faq.hits.length > 0) {
    const suggestions = uniqueSuggestions(faq, config.maxSuggestions ?? 3, config.suggestionFloor ?? 0.25);
    return { action: { decision: 'clarify', text: replies.clarify, suggestions }, counters: kept };
  }

  const fallbacks = input.counters.consecutiveFallbacks + 1;
  if (config.escalateAfterFallbacks > 0 && fallbacks >= config.escalateAfterFallbacks) return escalate('fallbacks');
  return { action: { decision: 'fallback', text: replies.fallback }, counters: { consecutiveFallbacks: fallbacks, negativeStreak } };
}

function uniqueSuggestions(faq: FaqSearchResult, max: number, floor: number): Suggestion[] {
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  const min = (faq.hits[0]?.calibrated ?? 0) * floor;
  for (const hit of faq.hits) {
    if (seen.has(hit.faqId) || (out.length > 0 && hit.calibrated < min)) continue;
    seen.add(hit.faqId);
    out.push({ label: hit.question, text: hit.question });
    if (out.length >= max) break;
  }
  return out;
}
