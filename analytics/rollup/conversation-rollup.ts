import type { Conversation } from '../../core/index.js';
import { NO_INTENT } from './interaction-rollup.js';

export interface AgentCell {
  name: string;
  handled: number;
  csatSum: number;
  csatCount: number;
  handlingSum: number;
  handlingCount: number;
}

/** Per-day facts of conversations, attributed to the day the conversation was created. */
export interface ConversationRollup {
  conversations: number;
  escalated: number;
  claimed: number;
  /** Neither escalated nor taken by an agent: the bot handled it alone (containment). */
  automated: number;
  closed: number;
  /** CSAT counts for scores 1..5 at index 0..4. */
  csat: [number, number, number, number, number];
  firstResponseSum: number;
  firstResponseCount: number;
  handlingSum: number;
  handlingCount: number;
  intents: Record<string, { conversations: number; csatSum: number; csatCount: number }>;
  agents: Record<string, AgentCell>;
}

/**
 * When a conversation happened: its creation, or an earlier recorded event when the
 * store stamped creation later than the dialogue's own clock (imports, demo data).
 */
export function conversationStartMs(c: Conversation): number {
  let ms = Date.parse(c.createdAt);
  for (const at of [c.firstClaimedAt, c.closedAt, c.csat?.at]) {
    const t = at ? Date.parse(at) : NaN;
    if (t < ms) ms = t;
  }
  return ms;
}

export function emptyConversationRollup(): ConversationRollup {
  return {
    conversations: 0,
    escalated: 0,
    claimed: 0,
    automated: 0,
    closed: 0,
    csat: [0, 0, 0, 0, 0],
    firstResponseSum: 0,
    firstResponseCount: 0,
    handlingSum: 0,
    handlingCount: 0,
    intents: {},
    agents: {},
  };
}

/**
 * `firstResponseMs`: time from entering the queue to an agent claiming it
 * (null when no agent picked it up from the queue).
 */
export function addConversation(r: ConversationRollup, c: Conversation, firstResponseMs: number | null): void {
  r.conversations += 1;
  const claimed = c.firstClaimedAt !== null;
  if (c.escalated) r.escalated += 1;
  if (claimed) r.claimed += 1;
  if (!c.escalated && !claimed) r.automated += 1;
  if (c.state === 'closed') r.closed += 1;
  const score = c.csat?.score;
  if (score !== undefined) r.csat[score - 1] = (r.csat[score - 1] ?? 0) + 1;
  if (firstResponseMs !== null && firstResponseMs >= 0) {
    r.firstResponseSum += firstResponseMs;
    r.firstResponseCount += 1;
  }
  const handling = claimed && c.closedAt ? Date.parse(c.closedAt) - Date.parse(c.firstClaimedAt ?? '') : NaN;
  if (Number.isFinite(handling) && handling >= 0) {
    r.handlingSum += handling;
    r.handlingCount += 1;
  }
  const intent = (r.intents[c.lastIntent ?? NO_INTENT] ??= { conversations: 0, csatSum: 0, csatCount: 0 });
  intent.conversations += 1;
  if (score !== undefined) (intent.csatSum += score, (intent.csatCount += 1));
  if (c.assignee) {
    const a = (r.agents[c.assignee.id] ??= {
      name: c.assignee.name, handled: 0, csatSum: 0, csatCount: 0, handlingSum: 0, handlingCount: 0,
    });
    a.handled += 1;
    if (score !== undefined) (a.csatSum += score, (a.csatCount += 1));
    if (Number.isFinite(handling) && handling >= 0) (a.handlingSum += handling, (a.handlingCount += 1));
  }
}

export function mergeConversations(into: ConversationRollup, r: ConversationRollup): ConversationRollup {
  into.conversations += r.conversations;
  into.escalated += r.escalated;
  into.claimed += r.claimed;
  into.automated += r.automated;
  into.closed += r.closed;
  for (let i = 0; i < 5; i++) into.csat[i] = (into.csat[i] ?? 0) + (r.csat[i] ?? 0);
  into.firstResponseSum += r.firstResponseSum;
  into.firstResponseCount += r.firstResponseCount;
  into.handlingSum += r.handlingSum;
  into.handlingCount += r.handlingCount;
  for (const [name, c] of Object.entries(r.intents)) {
    const cell = (into.intents[name] ??= { conversations: 0, csatSum: 0, csatCount: 0 });
    cell.conversations += c.conversations;
    cell.csatSum += c.csatSum;
    cell.csatCount += c.csatCount;
  }
  for (const [id, a] of Object.entries(r.agents)) {
    const cell = (into.agents[id] ??= { ...a, handled: 0, csatSum: 0, csatCount: 0, handlingSum: 0, handlingCount: 0 });
    cell.name = a.name;
    cell.handled += a.handled;
    cell.csatSum += a.csatSum;
    cell.csatCount += a.csatCount;
    cell.handlingSum += a.handlingSum;
    cell.handlingCount += a.handlingCount;
  }
  return into;
}
