import { detectLanguage, systemClock, type Clock, type DialogueState, type FaqRetriever, type IntentStore, type Understander } from '../../core/index.js';
import { createSlotReader } from '../../nlu/index.js';
import type { PolicyConfig } from '../policy/decide.js';
import { planTurn, type TurnPlan } from './plan-turn.js';

export interface TurnPreviewDeps {
  nlu: Understander;
  knowledge: FaqRetriever;
  intents: Pick<IntentStore, 'getIntent' | 'listEntities'>;
  policy: PolicyConfig;
  clock?: Clock;
}

export type TurnPreview = Pick<TurnPlan, 'decision' | 'replies' | 'dialogue' | 'escalate'>;

/**
 * The console's Test page: the bot's own turn planning (forms, digressions, follow-ups) on a dialogue state
 * the page carries from turn to turn. Nothing is stored and no conversation is created.
 */
export function createTurnPreview(deps: TurnPreviewDeps) {
  const clock = deps.clock ?? systemClock;
  const ctx = {
    nlu: deps.nlu,
    knowledge: deps.knowledge,
    policy: deps.policy,
    clock,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    slots: createSlotReader(() => clock.now()),
    intentByName: (name: string) => deps.intents.getIntent(name),
    stores: { intents: deps.intents },
  };
  return async (text: string, dialogue: DialogueState | null): Promise<TurnPreview> => {
    // The message's own language stands in for the conversation's, so a Chinese test reads Chinese replies.
    const plan = await planTurn(ctx, { id: 'console-test', dialogue, consecutiveFallbacks: 0, negativeStreak: 0, language: detectLanguage(text) }, text);
    return { decision: plan.decision, replies: plan.replies, dialogue: plan.dialogue, ...(plan.escalate ? { escalate: plan.escalate } : {}) };
  };
}
