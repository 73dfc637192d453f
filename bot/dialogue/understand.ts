import type { Conversation, DialogueState, FaqSearchResult, Intent, IntentStore, Language, NluAnalysis, Suggestion, TurnDecision } from '../../core/index.js';
import { decide, type EscalationReason, type PolicyOutcome } from '../policy/decide.js';
import { repliesFor } from '../policy/replies.js';
import { usesProfile, type ProfileValues } from '../policy/template.js';
import type { ActionRunner } from '../actions/action-runner.js';
import type { CustomerPriority } from '../customer/priority.js';
import { conversationLanguage, type DialogueContext } from './context.js';

/** The types of a turn plan, and the one reading of a message every plan starts from. */
export interface Reply {
  text: string;
  suggestions?: Suggestion[];
}

/** Everything one bot turn decided, before anything is stored. */
export interface TurnPlan {
  decision: TurnDecision;
  replies: Reply[];
  escalate?: EscalationReason;
  counters: { consecutiveFallbacks: number; negativeStreak: number };
  dialogue: DialogueState | null;
  /** The reply is the admin's retention offer (the turn records that it was made). */
  retentionOffer?: true;
  /** What the decision was made on (logged with the interaction). */
  analysis: NluAnalysis;
  faq: FaqSearchResult;
}

/** What planning reads (never writes): the dialogue context, or the console's Test page preview. */
export type PlanDeps = Pick<DialogueContext, 'nlu' | 'knowledge' | 'policy' | 'clock' | 'logger' | 'slots' | 'intentByName'> & {
  stores: { intents: Pick<IntentStore, 'listEntities'> };
  /** Intent actions; absent (the console preview) = the intent's answer is the reply. */
  actions?: ActionRunner;
  /** High-value / at-risk customers: handed over after fewer fallbacks; absent = everyone alike. */
  priority?: CustomerPriority;
  /** The customer's profile fields for `{{customer.name}}` templates; absent = every field missing. */
  profile?: (customerId: string, language: Language) => Promise<ProfileValues>;
};

/** The parts of the conversation a plan depends on. */
export type PlanConversation = Pick<Conversation, 'id' | 'dialogue' | 'consecutiveFallbacks' | 'negativeStreak' | 'language' | 'locale'> & {
  /** Absent on the console's Test page: nobody's profile or orders are read there. */
  customerId?: string;
};

/** The turn's profile fields, read at most once and only when a template asks for one. */
export function profileOnce(ctx: PlanDeps, conv: PlanConversation): () => Promise<ProfileValues> {
  let loaded: Promise<ProfileValues> | null = null;
  return () => (loaded ??= conv.customerId && ctx.profile ? ctx.profile(conv.customerId, conversationLanguage(conv)).catch(() => ({})) : Promise.resolve({}));
}

export interface Understood {
  analysis: NluAnalysis;
  faq: FaqSearchResult;
  intent: Intent | null;
  outcome: PolicyOutcome;
}

export async function understand(ctx: PlanDeps, conv: PlanConversation, text: string, profile?: () => Promise<ProfileValues>): Promise<Understood> {
  const [analysis, faq] = await Promise.all([ctx.nlu.analyze(text), ctx.knowledge.search(text)]);
  const intent = analysis.intent ? await ctx.intentByName(analysis.intent.name) : null;
  const counters = { consecutiveFallbacks: conv.consecutiveFallbacks, negativeStreak: conv.negativeStreak };
  const values = profile && intent && usesProfile(intent.answer) ? await profile() : {};
  const input = { analysis, faq, intent, counters, replies: repliesFor(conversationLanguage(conv)), profile: values };
  const outcome = decide(input, ctx.policy);
  // A priority customer (high value, at risk) is handed over after fewer misses: asked only when this turn missed.
  if (outcome.action.decision === 'fallback' && ctx.priority && conv.customerId && (await ctx.priority.reasons(conv.customerId)).length > 0) {
    const tolerance = (await ctx.priority.settings()).escalateAfterFallbacks;
    const usual = ctx.policy.escalateAfterFallbacks > 0 ? ctx.policy.escalateAfterFallbacks : Infinity;
    if (tolerance < usual) return { analysis, faq, intent, outcome: decide(input, { ...ctx.policy, escalateAfterFallbacks: tolerance }) };
  }
  return { analysis, faq, intent, outcome };
}

