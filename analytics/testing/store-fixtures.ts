import type { Assignee, Stores, TurnDecision } from '../../core/index.js';

/** Test-only: writes conversations the way the dialogue manager does, through the ports. */
export interface Turn {
  decision: TurnDecision;
  intent?: string | null;
  sentiment?: number;
  text?: string;
  at: number;
}

export async function addTurns(stores: Stores, customerId: string, conversationId: string, turns: Turn[]): Promise<void> {
  for (const t of turns) {
    const msg = await stores.conversations.appendMessage({ conversationId, author: 'customer', text: t.text ?? 'hi' });
    const score = t.sentiment ?? 0;
    await stores.interactions.record({
      conversationId,
      customerId,
      messageId: msg.message.id,
      channel: 'widget',
      text: t.text ?? 'hi',
      intent: t.intent ? { name: t.intent, confidence: 0.8 } : null,
      alternatives: [],
      entities: [],
      sentiment: { score, label: score <= -0.3 ? 'negative' : score >= 0.3 ? 'positive' : 'neutral' },
      outOfScope: false,
      faqHits: [],
      decision: t.decision,
      latencyMs: 5,
      createdAt: new Date(t.at).toISOString(),
    });
  }
}

export const customerActor = { kind: 'customer' as const };
export const agentActor = (a: Assignee) => ({ kind: 'agent' as const, id: a.id, name: a.name });

export async function escalate(stores: Stores, id: string, at: number): Promise<void> {
  await stores.conversations.transition(id, { event: 'escalate', actor: customerActor, at: new Date(at).toISOString() });
}

export async function claim(stores: Stores, id: string, agent: Assignee, at: number): Promise<void> {
  await stores.conversations.transition(id, { event: 'claim', actor: agentActor(agent), assignee: agent, at: new Date(at).toISOString() });
}

export async function close(stores: Stores, id: string, at: number, agent?: Assignee): Promise<void> {
  await stores.conversations.transition(id, {
    event: 'close',
    actor: agent ? agentActor(agent) : { kind: 'bot' },
    at: new Date(at).toISOString(),
  });
}

export async function rate(stores: Stores, id: string, score: number, at: number): Promise<void> {
  await stores.conversations.setCsat(id, { score, at: new Date(at).toISOString() });
}
