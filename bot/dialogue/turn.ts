import { performance } from 'node:perf_hooks';
import type { Conversation, FaqSearchResult, Message, NluAnalysis, TurnDecision } from '../../core/index.js';
import { planTurn } from './plan-turn.js';
import { type DialogueContext, nowIso, postMessage, transitionAndAnnounce } from './context.js';
import { isParleyError } from '../../core/index.js';
import { recordOffer } from '../customer/retention.js';

/** A durable customer message waiting for its turn. */
export interface TurnInput {
  conversationId: string;
  customerId: string;
  channel: Conversation['channel'];
  message: Message;
  /** performance.now() when the message arrived: latency is what the customer waits, queue included. */
  receivedAt: number;
}

const noFaq: FaqSearchResult = { hits: [], decision: 'none', mode: 'lexical' };

/** Runs inside the conversation's serial queue; returns the replies stored for the message. */
export async function runTurn(ctx: DialogueContext, t: TurnInput): Promise<Message[]> {
  const conv = await ctx.stores.conversations.get(t.conversationId);
  if (!conv) return [];
  if (conv.state !== 'bot') {
    await silentTurn(ctx, conv, t);
    return [];
  }
  ctx.events.emit('typing', { conversation: conv, author: 'bot', typing: true });
  try {
    return await botTurn(ctx, conv, t);
  } finally {
    ctx.events.emit('typing', { conversation: conv, author: 'bot', typing: false });
  }
}

async function botTurn(ctx: DialogueContext, conv: Conversation, t: TurnInput): Promise<Message[]> {
  const plan = await planTurn(ctx, conv, t.message.text);
  const { analysis, faq } = plan;

  // An agent may have claimed (or closed) the conversation while we were thinking: the bot must stay silent then.
  // Checked right before the reply is stored, nothing awaited in between but the store itself.
  const fresh = await ctx.stores.conversations.get(conv.id);
  if (!fresh || fresh.state !== 'bot') {
    await log(ctx, t, analysis, faq, 'handoff');
    return [];
  }

  const summary = { lastIntent: analysis.intent?.name ?? null, lastSentiment: analysis.sentiment.score, dialogue: plan.dialogue };
  let decision: TurnDecision = plan.decision;
  const replies: Message[] = [];
  // Notices that come before an escalation (a form that timed out) are still said.
  for (const r of plan.replies) {
    const { message } = await postMessage(ctx, conv, { author: 'bot', text: r.text, inReplyTo: t.message.id, ...(r.suggestions ? { suggestions: r.suggestions } : {}) }, false);
    replies.push(message);
  }
  const last = replies[replies.length - 1];
  if (plan.escalate) {
    await ctx.stores.conversations.update(conv.id, summary);
    try {
      const moved = await transitionAndAnnounce(ctx, conv.id, { event: 'escalate', actor: { kind: 'bot' }, reason: plan.escalate }, (r) => r.connecting, t.message.id);
      replies.push(moved.message);
    } catch (err) {
      if (!isParleyError(err) || err.code !== 'ERR_CONVERSATION_ILLEGAL_TRANSITION') throw err;
      decision = 'handoff'; // someone else moved it first (agent claim): stay silent
    }
  } else {
    await ctx.stores.conversations.update(conv.id, {
      ...summary,
      ...plan.counters,
      ...(last ? { lastMessage: { author: last.author, text: last.text, createdAt: last.createdAt } } : {}),
    });
  }
  if (plan.retentionOffer) await recordOffer(ctx.stores.kv, conv.customerId, conv.id, nowIso(ctx));
  await log(ctx, t, analysis, faq, decision);
  return replies;
}

/** Queued or agent-owned (or just closed): the message is already stored and forwarded; record it, say nothing. */
async function silentTurn(ctx: DialogueContext, conv: Conversation, t: TurnInput): Promise<void> {
  const analysis = await ctx.nlu.analyze(t.message.text);
  const m = t.message;
  if (conv.state !== 'closed') {
    await ctx.stores.conversations.update(conv.id, {
      lastMessage: { author: m.author, text: m.text, createdAt: m.createdAt },
      lastIntent: analysis.intent?.name ?? null,
      lastSentiment: analysis.sentiment.score,
    });
  }
  await log(ctx, t, analysis, noFaq, 'handoff');
}

async function log(ctx: DialogueContext, t: TurnInput, a: NluAnalysis, faq: FaqSearchResult, decision: TurnDecision): Promise<void> {
  const at = nowIso(ctx);
  const latencyMs = Math.max(0, performance.now() - t.receivedAt);
  await ctx.stores.interactions.record({
    conversationId: t.conversationId,
    customerId: t.customerId,
    messageId: t.message.id,
    channel: t.channel,
    text: t.message.text,
    intent: a.intent,
    alternatives: a.alternatives,
    entities: a.entities,
    sentiment: a.sentiment,
    outOfScope: a.outOfScope,
    faqHits: faq.hits.map((h) => ({ faqId: h.faqId, score: h.score, calibrated: h.calibrated })),
    decision,
    latencyMs,
    createdAt: at,
  });
  await ctx.stores.customers.recordActivity(t.customerId, {
    messages: 1,
    sentiment: a.sentiment.score,
    ...(decision === 'fallback' ? { fallbacks: 1 } : {}),
    ...(decision === 'escalate' ? { escalations: 1 } : {}),
    seenAt: at,
  });
}

