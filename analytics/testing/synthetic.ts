import type { Conversation, Interaction, TurnDecision } from '../../core/index.js';

/** Test-only builders for synthetic populations (never used by product code). */
let seq = 0;

export function interaction(p: {
  customerId: string;
  conversationId: string;
  at: number;
  decision?: TurnDecision;
  sentiment?: number;
  intent?: string | null;
  text?: string;
}): Interaction {
  seq++;
  const score = p.sentiment ?? 0;
  return {
    id: `i${String(seq).padStart(8, '0')}`,
    conversationId: p.conversationId,
    customerId: p.customerId,
    messageId: `m${seq}`,
    channel: 'widget',
    text: p.text ?? 'hello',
    intent: p.intent === null ? null : { name: p.intent ?? 'greeting', confidence: 0.9 },
    alternatives: [],
    entities: [],
    sentiment: { score, label: score <= -0.3 ? 'negative' : score >= 0.3 ? 'positive' : 'neutral' },
    outOfScope: false,
    faqHits: [],
    decision: p.decision ?? 'intent',
    latencyMs: 12,
    createdAt: new Date(p.at).toISOString(),
  };
}

export function conversation(p: {
  id: string;
  customerId: string;
  at: number;
  claimedAt?: number;
  closedAt?: number;
  csat?: { score: number; at: number };
  escalated?: boolean;
}): Conversation {
  return {
    id: p.id,
    customerId: p.customerId,
    channel: 'widget',
    state: p.closedAt ? 'closed' : 'bot',
    assignee: p.claimedAt ? { id: 'agent-1', name: 'Ann' } : null,
    createdAt: new Date(p.at).toISOString(),
    updatedAt: new Date(p.at).toISOString(),
    closedAt: p.closedAt ? new Date(p.closedAt).toISOString() : null,
    waitingSince: null,
    firstClaimedAt: p.claimedAt ? new Date(p.claimedAt).toISOString() : null,
    csat: p.csat ? { score: p.csat.score, at: new Date(p.csat.at).toISOString() } : null,
    lastMessage: null,
    lastIntent: null,
    lastSentiment: null,
    consecutiveFallbacks: 0,
    negativeStreak: 0,
    escalated: p.escalated ?? false,
    version: 1,
  };
}

/** Seeded PRNG for reproducible populations. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
