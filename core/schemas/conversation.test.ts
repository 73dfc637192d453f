import { describe, expect, it } from '@jest/globals';
import { applyTransition, canTransition, type Conversation } from './conversation.js';
import { ParleyError } from '../errors.js';

const at = '2026-01-01T00:00:00.000Z';
const base: Conversation = {
  id: 'c1', customerId: 'u1', channel: 'widget', state: 'bot', assignee: null, createdAt: at, updatedAt: at,
  closedAt: null, waitingSince: null, firstClaimedAt: null, csat: null, lastMessage: null, lastIntent: null,
  lastSentiment: null, consecutiveFallbacks: 2, negativeStreak: 1, escalated: false, version: 0,
};
const ann = { id: 'a1', name: 'Ann' };
const codeOf = (fn: () => unknown) => {
  try { fn(); return null; } catch (e) { return (e as ParleyError).code; }
};

describe('conversation state machine', () => {
  it('escalate: bot -> queued, marks waiting and resets policy counters', () => {
    const next = applyTransition(base, { event: 'escalate', actor: { kind: 'bot' }, at });
    expect(next).toMatchObject({ state: 'queued', waitingSince: at, escalated: true, consecutiveFallbacks: 0, negativeStreak: 0, version: 1 });
  });

  it('claim from queued or bot assigns the agent and records first claim', () => {
    const queued = applyTransition(base, { event: 'escalate', actor: { kind: 'bot' }, at });
    const later = '2026-01-01T00:05:00.000Z';
    const claimed = applyTransition(queued, { event: 'claim', actor: { kind: 'agent', id: 'a1' }, assignee: ann, at: later });
    expect(claimed).toMatchObject({ state: 'agent', assignee: ann, waitingSince: null, firstClaimedAt: later });
    expect(applyTransition(base, { event: 'claim', actor: { kind: 'agent' }, assignee: ann, at }).state).toBe('agent');
  });

  it('claiming an owned conversation is ALREADY_CLAIMED, even by the owner', () => {
    const owned = applyTransition(base, { event: 'claim', actor: { kind: 'agent' }, assignee: ann, at });
    expect(codeOf(() => applyTransition(owned, { event: 'claim', actor: { kind: 'agent' }, assignee: ann, at }))).toBe('ERR_CONVERSATION_ALREADY_CLAIMED');
  });

  it('refuses illegal moves with ILLEGAL_TRANSITION', () => {
    const closed = applyTransition(base, { event: 'close', actor: { kind: 'system' }, at });
    expect(closed.closedAt).toBe(at);
    for (const event of ['escalate', 'claim', 'release', 'close'] as const) {
      expect(codeOf(() => applyTransition(closed, { event, actor: { kind: 'agent' }, assignee: ann, at }))).toBe('ERR_CONVERSATION_ILLEGAL_TRANSITION');
    }
    expect(codeOf(() => applyTransition(base, { event: 'release', actor: { kind: 'agent' }, at }))).toBe('ERR_CONVERSATION_ILLEGAL_TRANSITION');
  });

  it('release returns to the bot without an assignee', () => {
    const owned = applyTransition(base, { event: 'claim', actor: { kind: 'agent' }, assignee: ann, at });
    expect(applyTransition(owned, { event: 'release', actor: { kind: 'agent' }, at })).toMatchObject({ state: 'bot', assignee: null });
  });

  it('canTransition mirrors the table', () => {
    expect(canTransition('queued', 'escalate')).toBe(false);
    expect(canTransition('agent', 'close')).toBe(true);
  });
});
