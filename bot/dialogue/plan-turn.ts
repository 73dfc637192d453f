import type { DialogueState, DialogueTopic, FormState, Intent, NluAnalysis, Suggestion } from '../../core/index.js';
import type { EscalationReason } from '../policy/decide.js';
import { isCancel } from '../forms/control-words.js';
import { bindForm } from '../forms/form-env.js';
import { continueForm, pendingQuestion, reaskForm, startForm, type FormEnv, type FormTurn } from '../forms/form-engine.js';
import { formOf, type FormSpec } from '../forms/form-spec.js';
import { formRepliesFor } from '../forms/form-language.js';
import { conversationLanguage } from './context.js';
import { slotLabel } from '../policy/slots.js';
import { inContext } from './follow-up.js';
import { usesProfile } from '../policy/template.js';
import { retentionOffer } from '../customer/retention.js';
import { act as runAction, declaresSlot, type ActOutcome } from './act.js';
import { profileOnce, understand, type PlanConversation, type PlanDeps, type Reply, type TurnPlan, type Understood } from './understand.js';

export type { PlanConversation, PlanDeps, Reply, TurnPlan } from './understand.js';

/** A form nobody answered for this long is closed (issue 22). */
export const FORM_TTL_MS = 30 * 60_000;

/**
 * One turn's plan. Precedence, and why:
 * 1. A stale form (30 min) is closed and said so.
 * 2. An open form reads the message as the answer to its question first ("A12345" is an order id, not a
 *    fallback; "yes please" confirms, even though it resembles "human please"); "cancel" leaves it.
 * 3. Not an answer: a request for a human or a negative streak escalates; another form's intent replaces the open form (announced);
 *    an FAQ or other intent is answered and the form's question asked again (a digression); otherwise the
 *    question is asked again with an example, at most twice, then a human is offered.
 * 4. No form: the policy's precedence (a human request first); a form intent starts its form; a follow-up
 *    the policy could not answer ("how long does it take?") is read against the last topic before "did you mean"
 *    or a fallback is given.
 */
export async function planTurn(ctx: PlanDeps, conv: PlanConversation, text: string): Promise<TurnPlan> {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const profile = profileOnce(ctx, conv);
  const u = await understand(ctx, conv, text, profile);
  const language = conversationLanguage(conv);
  const say = formRepliesFor(language);
  const { outcome } = u;
  const state: DialogueState = conv.dialogue ?? { form: null, topic: null };
  const lead: Reply[] = [];
  const answered = { consecutiveFallbacks: 0, negativeStreak: outcome.counters.negativeStreak };
  const kept = { consecutiveFallbacks: conv.consecutiveFallbacks, negativeStreak: outcome.counters.negativeStreak };
  let topic = state.topic;
  const plan = (p: Pick<TurnPlan, 'decision' | 'replies' | 'counters' | 'retentionOffer'> & { form?: FormState | null; escalate?: EscalationReason }, from: Understood = u): TurnPlan => {
    const form = p.form ?? null;
    return {
      decision: p.decision,
      replies: [...lead, ...p.replies],
      counters: p.counters,
      ...(p.escalate ? { escalate: p.escalate } : {}),
      ...(p.retentionOffer ? { retentionOffer: true as const } : {}),
      dialogue: form || topic ? { form, topic } : null,
      analysis: from.analysis,
      faq: from.faq,
    };
  };
  // An intent's action (after its form, if any) replaces the intent's answer; see act.ts for failures.
  const fromAction = (done: ActOutcome, intent: Intent, prefix: Reply[]): TurnPlan => {
    if (done.kind === 'handoff') return plan({ decision: 'escalate', replies: [...prefix, ...done.replies], counters: answered, escalate: 'intent' });
    if (done.kind === 'ask') {
      const form: FormState = { intent: intent.name, values: done.values, pending: { kind: 'slot', slot: done.slot, attempts: 0 }, startedAt: nowIso, updatedAt: nowIso };
      return plan({ decision: 'intent', replies: [...prefix, done.reply], counters: answered, ...(declaresSlot(intent, done.slot) ? { form } : {}) });
    }
    return plan({ decision: 'intent', replies: [...prefix, ...done.replies], counters: answered });
  };
  const fromForm = async (env: FormEnv, turn: Exclude<FormTurn, { kind: 'unanswered' }>, prefix: Reply[] = []): Promise<TurnPlan> => {
    if (turn.kind === 'ask') return plan({ decision: 'intent', replies: [...prefix, reply(turn.text, turn.suggestions)], counters: answered, form: turn.form });
    if (turn.kind === 'human') return plan({ decision: 'fallback', replies: [...prefix, reply(turn.text, turn.suggestions)], counters: kept });
    topic = topicOf('intent', env.spec.intent, env.spec.label, nowIso);
    const intent = await ctx.intentByName(env.spec.intent);
    const done = intent ? await runAction(ctx.actions, conv, { intent, text, entities: u.analysis.entities, slots: turn.values, profile: env.profile ?? {} }) : null;
    if (done && intent) return fromAction(done, intent, prefix);
    return plan({ decision: 'intent', replies: [...prefix, reply(turn.text)], counters: answered });
  };
  const bind = async (spec: FormSpec, analysis: NluAnalysis) =>
    bindForm(spec, {
      reader: ctx.slots,
      definitions: await ctx.stores.intents.listEntities(),
      entities: analysis.entities,
      now: nowIso,
      language,
      ...(usesProfile(spec.answer, spec.confirm) ? { profile: await profile() } : {}),
    });
  const unavailable = (spec: FormSpec): TurnPlan => {
    ctx.logger.warn({ intent: spec.intent, conversationId: conv.id }, 'form names an entity that does not exist: offering a human');
    return plan({ decision: 'fallback', replies: [reply(say.unavailable(spec), [say.human])], counters: kept });
  };
  const start = async (spec: FormSpec, from: Understood, prefix: Reply[] = []): Promise<TurnPlan> => {
    const env = await bind(spec, from.analysis);
    return env ? fromForm(env, startForm(env, text) as Exclude<FormTurn, { kind: 'unanswered' }>, prefix) : unavailable(spec);
  };

  const action = outcome.action;
  // 2-3. An open form.
  let open: { form: FormState; spec: FormSpec } | null = null;
  if (state.form) {
    const spec = formOf(await ctx.intentByName(state.form.intent));
    if (spec && now.getTime() - Date.parse(state.form.updatedAt) > FORM_TTL_MS) lead.push(reply(say.expired(spec)));
    else if (spec) open = { form: state.form, spec };
  }
  if (open) {
    const { form, spec } = open;
    if (isCancel(text)) return plan({ decision: 'intent', replies: [reply(say.cancelled(spec))], counters: answered });
    const env = await bind(spec, u.analysis);
    if (!env) return unavailable(spec);
    const turn = continueForm(env, form, text);
    if (turn.kind !== 'unanswered') return fromForm(env, turn);
    // Not an answer: a request for a human (or a negative streak) hands over, and the form is dropped.
    if (action.decision === 'escalate' && action.reason !== 'fallbacks') return plan({ decision: 'escalate', replies: [], counters: outcome.counters, escalate: action.reason });
    const resumed = { ...form, updatedAt: nowIso };
    const resume = reply(say.resume(spec, pendingQuestion(env, form)));
    if (action.decision === 'intent' && action.intent !== spec.intent) {
      const other = formOf(u.intent);
      if (other) return start(other, u, [reply(say.superseded(spec))]);
      topic = topicOf('intent', action.intent, slotLabel(action.intent), nowIso);
      return plan({ decision: 'intent', replies: [reply(action.text), resume], counters: answered, form: resumed });
    }
    if (action.decision === 'intent') {
      // The customer restated the request: ask the same question again, no miss counted.
      return plan({ decision: 'intent', replies: [reply(pendingQuestion(env, form))], counters: answered, form: resumed });
    }
    if (action.decision === 'faq') {
      topic = topicOf('faq', action.faqId, u.faq.hits[0]?.question ?? '', nowIso);
      return plan({ decision: 'faq', replies: [reply(action.text), resume], counters: answered, form: resumed });
    }
    const again = reaskForm(env, form) as Exclude<FormTurn, { kind: 'unanswered' }>;
    if (again.kind === 'ask') return plan({ decision: 'clarify', replies: [reply(again.text)], counters: kept, form: again.form });
    return fromForm(env, again);
  }

  // 4. No open form.
  // A follow-up the policy could not answer on its own ("did you mean", fallback) is read against the last
  // topic; that reading is kept only when it yields an answer. Clear questions never pay for a second reading.
  const unsure = action.decision === 'clarify' || action.decision === 'fallback' || (action.decision === 'escalate' && action.reason === 'fallbacks');
  const contextual = unsure ? inContext(text, state.topic, now) : null;
  const followed = contextual ? await understand(ctx, conv, contextual, profile) : null;
  const useful = followed && (followed.outcome.action.decision === 'intent' || followed.outcome.action.decision === 'faq');
  const chosen = useful ? followed : u;
  const act = chosen.outcome.action;
  if (act.decision === 'intent' && act.form) {
    const spec = formOf(chosen.intent);
    if (spec) return start(spec, chosen);
  }
  if (act.decision === 'intent') topic = topicOf('intent', act.intent, slotLabel(act.intent), nowIso);
  if (act.decision === 'intent') {
    // A valuable customer at risk who asks to cancel hears the admin's offer instead (bot/customer/retention.ts).
    const offer = await retentionOffer(ctx.priority, conv.customerId, act.intent, profile);
    if (offer) return plan({ decision: 'intent', replies: [reply(offer)], counters: chosen.outcome.counters, retentionOffer: true }, chosen);
  }
  if (act.decision === 'intent' && chosen.intent?.action) {
    const values = usesProfile(chosen.intent.answer) ? await profile() : {};
    const done = await runAction(ctx.actions, conv, { intent: chosen.intent, text, entities: chosen.analysis.entities, slots: {}, profile: values });
    if (done) return fromAction(done, chosen.intent, []);
  }
  if (act.decision === 'faq') topic = topicOf('faq', act.faqId, chosen.faq.hits.find((h) => h.faqId === act.faqId)?.question ?? '', nowIso);
  if (act.decision === 'escalate') return plan({ decision: 'escalate', replies: [], counters: chosen.outcome.counters, escalate: act.reason }, chosen);
  const suggestions = act.decision === 'clarify' ? act.suggestions : undefined;
  return plan({ decision: act.decision, replies: [reply(act.text, suggestions)], counters: chosen.outcome.counters }, chosen);
}

function reply(text: string, suggestions?: Suggestion[]): Reply {
  return suggestions ? { text, suggestions } : { text };
}

function topicOf(kind: DialogueTopic['kind'], id: string, label: string, at: string): DialogueTopic {
  return { kind, id, label: label.slice(0, 1000), at };
}
