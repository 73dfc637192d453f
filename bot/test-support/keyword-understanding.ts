/**
 * TEST-ONLY deterministic implementations of the Understander and FaqRetriever
 * ports (keyword rules), so dialogue tests do not depend on model quality.
 * Product code never imports this file; transcripts also run with the real nlu/knowledge.
 */
import type { EntityMatch, FaqHit, FaqRetriever, FaqSearchResult, Intent, NluAnalysis, Understander } from '../../core/index.js';

export interface KeywordIntent {
  name: string;
  /** Any of these phrases (lowercase substrings) selects the intent. */
  phrases: string[];
}

const NEGATIVE = ['angry', 'terrible', 'awful', 'useless', 'hate', 'worst', 'ridiculous', 'furious', 'stupid'];
const POSITIVE = ['thanks', 'thank you', 'great', 'love', 'perfect', 'awesome'];

export function keywordUnderstander(intents: KeywordIntent[], entityPatterns: Record<string, RegExp> = {}): Understander {
  return {
    async analyze(raw: string): Promise<NluAnalysis> {
      const text = raw.toLowerCase();
      const scored = intents
        .map((i) => ({ name: i.name, hits: i.phrases.filter((p) => text.includes(p)).length }))
        .filter((s) => s.hits > 0)
        .sort((a, b) => b.hits - a.hits)
        .map((s, rank) => ({ name: s.name, confidence: rank === 0 ? 0.9 : 0.4 }));
      const entities: EntityMatch[] = [];
      for (const [entity, pattern] of Object.entries(entityPatterns)) {
        const m = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(raw);
        if (m) entities.push({ entity, text: m[0], value: m[0], start: m.index, end: m.index + m[0].length });
      }
      const neg = NEGATIVE.filter((w) => text.includes(w)).length;
      const pos = POSITIVE.filter((w) => text.includes(w)).length;
      const score = Math.max(-1, Math.min(1, (pos - neg) * 0.6));
      return {
        intent: scored[0] ?? null,
        alternatives: scored.slice(1),
        entities,
        sentiment: { score, label: score < -0.2 ? 'negative' : score > 0.2 ? 'positive' : 'neutral' },
        outOfScope: scored.length === 0,
        modelVersion: 'keyword-test',
      };
    },
  };
}

export interface KeywordFaq {
  id: string;
  question: string;
  answer: string;
  keywords: string[];
}

/** Score = share of an entry's keywords present; answer >= 0.6 with a clear lead, clarify >= 0.3. */
export function keywordFaqRetriever(entries: KeywordFaq[]): FaqRetriever {
  return {
    async search(raw: string): Promise<FaqSearchResult> {
      const text = raw.toLowerCase();
      const hits: FaqHit[] = entries
        .map((e) => {
          const share = e.keywords.filter((k) => text.includes(k)).length / e.keywords.length;
          return { faqId: e.id, score: share * 10, calibrated: share, matched: 'question' as const, question: e.question, answer: e.answer };
        })
        .filter((h) => h.calibrated > 0)
        .sort((a, b) => b.calibrated - a.calibrated);
      const top = hits[0]?.calibrated ?? 0;
      const second = hits[1]?.calibrated ?? 0;
      const decision = top >= 0.6 && top - second >= 0.2 ? 'answer' : top >= 0.3 ? 'clarify' : 'none';
      return { hits, decision, mode: 'lexical' };
    },
  };
}

/** The small demo world the dialogue tests talk to. */
export const testIntents: Intent[] = [
  { name: 'greeting', utterances: ['hello', 'hi'], answer: 'Hello! How can I help you today?' },
  { name: 'thanks', utterances: ['thanks'], answer: "You're welcome!" },
  { name: 'goodbye', utterances: ['bye'], answer: 'Goodbye! Have a nice day.' },
  { name: 'human', utterances: ['talk to a human'], escalate: true },
  { name: 'order_status', utterances: ['where is my order'], answer: 'Order {{order_number}} is on its way and arrives in 2 days.' },
];

export const testUnderstander = keywordUnderstander(
  [
    { name: 'greeting', phrases: ['hello', 'hi there', 'good morning'] },
    { name: 'thanks', phrases: ['thanks', 'thank you'] },
    { name: 'goodbye', phrases: ['bye', 'goodbye'] },
    { name: 'human', phrases: ['human', 'real person', 'talk to an agent'] },
    { name: 'order_status', phrases: ['where is my order', 'order status', 'track my order'] },
  ],
  { order_number: /\b\d{5,}\b/ },
);

export const testFaqs = keywordFaqRetriever([
  { id: 'refunds', question: 'How do I get a refund?', answer: 'Refunds are issued within 14 days from the Orders page.', keywords: ['refund', 'money back'] },
  { id: 'shipping', question: 'How long does shipping take?', answer: 'Shipping takes 3-5 business days.', keywords: ['shipping', 'delivery'] },
  { id: 'password', question: 'How do I reset my password?', answer: 'Use "Forgot password" on the sign-in page.', keywords: ['password', 'reset'] },
  { id: 'password-change', question: 'How do I change my password?', answer: 'Go to Settings > Security.', keywords: ['password', 'change'] },
]);
