import { z } from 'zod';

/** What nlu/ returns for one message. */
export const entityMatchSchema = z.object({
  entity: z.string(),
  /** The text as it appeared in the message. */
  text: z.string(),
  /** Normalised value (enum canonical option, number, ISO date, lowercased email...). */
  value: z.union([z.string(), z.number()]),
  start: z.number().int(),
  end: z.number().int(),
});
export type EntityMatch = z.infer<typeof entityMatchSchema>;

export const sentimentLabelSchema = z.enum(['negative', 'neutral', 'positive']);
export type SentimentLabel = z.infer<typeof sentimentLabelSchema>;
export const sentimentSchema = z.object({ score: z.number().min(-1).max(1), label: sentimentLabelSchema });
export type Sentiment = z.infer<typeof sentimentSchema>;

export const intentScoreSchema = z.object({ name: z.string(), confidence: z.number().min(0).max(1) });
export type IntentScore = z.infer<typeof intentScoreSchema>;

export const nluAnalysisSchema = z.object({
  /** Best intent, or null when out of scope / untrained. */
  intent: intentScoreSchema.nullable(),
  alternatives: z.array(intentScoreSchema),
  entities: z.array(entityMatchSchema),
  sentiment: sentimentSchema,
  outOfScope: z.boolean(),
  modelVersion: z.string().nullable(),
});
export type NluAnalysis = z.infer<typeof nluAnalysisSchema>;

/** What knowledge/ returns for one question. */
export const faqHitSchema = z.object({
  faqId: z.string(),
  score: z.number(),
  /** Calibrated probability that this entry answers the question, 0-1. */
  calibrated: z.number().min(0).max(1),
  matched: z.enum(['question', 'alternate', 'answer']),
  question: z.string(),
  answer: z.string(),
});
export type FaqHit = z.infer<typeof faqHitSchema>;

export const faqDecisionSchema = z.enum(['answer', 'clarify', 'none']);
export type FaqDecision = z.infer<typeof faqDecisionSchema>;

export const faqSearchResultSchema = z.object({
  hits: z.array(faqHitSchema),
  decision: faqDecisionSchema,
  mode: z.enum(['hybrid', 'lexical']),
});
export type FaqSearchResult = z.infer<typeof faqSearchResultSchema>;

/** The dialogue manager's decision for one customer message. */
export const turnDecisionSchema = z.enum([
  'intent', // answered from an intent's response
  'faq', // answered from the FAQ
  'clarify', // "did you mean" suggestions
  'fallback', // did not understand
  'escalate', // handed to the agent queue
  'handoff', // conversation owned by a human: forwarded, bot silent
]);
export type TurnDecision = z.infer<typeof turnDecisionSchema>;
