import { describe, expect, it } from '@jest/globals';
import type { FaqHit, FaqSearchResult, Intent, NluAnalysis } from '../../core/index.js';
import { decide, type PolicyConfig, type PolicyInput } from './decide.js';
import { replies } from './replies.js';

const config: PolicyConfig = { escalateAfterFallbacks: 2, escalateNegativeStreak: 3 };
const neutral = { score: 0, label: 'neutral' as const };
const analysis = (p: Partial<NluAnalysis> = {}): NluAnalysis => ({
  intent: null,
  alternatives: [],
  entities: [],
  sentiment: neutral,
  outOfScope: false,
  modelVersion: 'v1',
  ...p,
});
const hit = (faqId: string, calibrated: number): FaqHit => ({ faqId, score: calibrated * 10, calibrated, matched: 'question', question: `Q ${faqId}?`, answer: `A ${faqId}.` });
const noFaq: FaqSearchResult = { hits: [], decision: 'none', mode: 'lexical' };
const input = (p: Partial<PolicyInput>): PolicyInput => ({
  analysis: analysis(),
  faq: noFaq,
  intent: null,
  counters: { consecutiveFallbacks: 0, negativeStreak: 0 },
  ...p,
});
const greeting: Intent = { name: 'greeting', utterances: ['hi'], answer: 'Hello! How can I help?' };
const orderStatus: Intent = { name: 'order_status', utterances: ['where is my order'], answer: 'Order {{order_number}} is on its way.' };

describe('policy', () => {
  it('answers from a confident intent and resets the fallback streak', () => {
    const out = decide(input({ analysis: analysis({ intent: { name: 'greeting', confidence: 0.95 } }), intent: greeting, counters: { consecutiveFallbacks: 1, negativeStreak: 0 } }), config);
    expect(out.action).toEqual({ decision: 'intent', text: 'Hello! How can I help?', intent: 'greeting' });
    expect(out.counters.consecutiveFallbacks).toBe(0);
  });

  it('hands an intent that needs values to the form engine, with its first question', () => {
    const first = decide(input({ analysis: analysis({ intent: { name: 'order_status', confidence: 0.9 } }), intent: orderStatus }), config);
    expect(first.action).toEqual({ decision: 'intent', text: "What's your order number?", intent: 'order_status', form: true });
    const declared: Intent = { ...orderStatus, slots: [{ name: 'order_number', entity: 'order_id', prompt: 'Which order?' }], confirm: 'Look up {{order_number}}?' };
    const second = decide(input({ analysis: analysis({ intent: { name: 'order_status', confidence: 0.9 } }), intent: declared }), config);
    expect(second.action).toEqual({ decision: 'intent', text: 'Which order?', intent: 'order_status', form: true });
  });

  it('lets the FAQ win over a weaker intent, and the intent win ties', () => {
    const faq: FaqSearchResult = { hits: [hit('refunds', 0.9)], decision: 'answer', mode: 'lexical' };
    const weak = decide(input({ analysis: analysis({ intent: { name: 'greeting', confidence: 0.8 } }), intent: greeting, faq }), config);
    expect(weak.action).toEqual({ decision: 'faq', text: 'A refunds.', faqId: 'refunds' });
    const tie = decide(input({ analysis: analysis({ intent: { name: 'greeting', confidence: 0.9 } }), intent: greeting, faq }), config);
    expect(tie.action.decision).toBe('intent');
  });

  it('does not act on an intent below the threshold or out of scope', () => {
    const low = decide(input({ analysis: analysis({ intent: { name: 'greeting', confidence: 0.4 } }), intent: greeting }), config);
    expect(low.action.decision).toBe('fallback');
    const oos = decide(input({ analysis: analysis({ intent: { name: 'greeting', confidence: 0.99 }, outOfScope: true }), intent: greeting }), config);
    expect(oos.action.decision).toBe('fallback');
  });

  it('offers distinct suggestions on clarify without touching the fallback streak', () => {
    const faq: FaqSearchResult = { hits: [hit('a', 0.5), hit('a', 0.45), hit('b', 0.4), hit('c', 0.3), hit('d', 0.2)], decision: 'clarify', mode: 'hybrid' };
    const out = decide(input({ faq, counters: { consecutiveFallbacks: 1, negativeStreak: 0 } }), config);
    expect(out.action).toEqual({
      decision: 'clarify',
      text: replies.clarify,
      suggestions: [
        { label: 'Q a?', text: 'Q a?' },
        { label: 'Q b?', text: 'Q b?' },
        { label: 'Q c?', text: 'Q c?' },
      ],
    });
    expect(out.counters.consecutiveFallbacks).toBe(1);
  });

  it('leaves near-zero hits out of the suggestions', () => {
    const faq: FaqSearchResult = { hits: [hit('a', 0.34), hit('b', 0.16), hit('c', 0.03), hit('d', 0.0)], decision: 'clarify', mode: 'lexical' };
    const out = decide(input({ faq }), config);
    expect(out.action.decision === 'clarify' && out.action.suggestions.map((s) => s.text)).toEqual(['Q a?', 'Q b?']);
  });

  it('falls back once, escalates on the second consecutive fallback', () => {
    const first = decide(input({}), config);
    expect(first.action).toEqual({ decision: 'fallback', text: replies.fallback });
    expect(first.counters.consecutiveFallbacks).toBe(1);
    const second = decide(input({ counters: first.counters }), config);
    expect(second.action).toEqual({ decision: 'escalate', reason: 'fallbacks' });
  });

  it('escalates when the customer asks for a human or the intent is flagged', () => {
    const asked = decide(input({ analysis: analysis({ intent: { name: 'human', confidence: 0.9 } }) }), config);
    expect(asked.action).toEqual({ decision: 'escalate', reason: 'asked' });
    const flagged: Intent = { name: 'cancel_account', utterances: ['close my account'], answer: 'ok', escalate: true };
    const rule = decide(input({ analysis: analysis({ intent: { name: 'cancel_account', confidence: 0.9 } }), intent: flagged }), config);
    expect(rule.action).toEqual({ decision: 'escalate', reason: 'intent' });
  });

  it('escalates on a negative streak even when an answer exists, and resets the streak on a calm message', () => {
    const angry = { score: -0.8, label: 'negative' as const };
    const faq: FaqSearchResult = { hits: [hit('refunds', 0.95)], decision: 'answer', mode: 'lexical' };
    const two = decide(input({ analysis: analysis({ sentiment: angry }), faq, counters: { consecutiveFallbacks: 0, negativeStreak: 1 } }), config);
    expect(two.action.decision).toBe('faq');
    expect(two.counters.negativeStreak).toBe(2);
    const three = decide(input({ analysis: analysis({ sentiment: angry }), faq, counters: two.counters }), config);
    expect(three.action).toEqual({ decision: 'escalate', reason: 'negative' });
    const calm = decide(input({ faq, counters: two.counters }), config);
    expect(calm.counters.negativeStreak).toBe(0);
  });

  it('never escalates on negativity when the streak rule is disabled', () => {
    const out = decide(input({ analysis: analysis({ sentiment: { score: -1, label: 'negative' } }), faq: { hits: [hit('x', 0.9)], decision: 'answer', mode: 'lexical' }, counters: { consecutiveFallbacks: 0, negativeStreak: 50 } }), { ...config, escalateNegativeStreak: 0 });
    expect(out.action.decision).toBe('faq');
  });
});
