import { z } from 'zod';
import { isoDateSchema } from './common.js';

const line = z.string().trim().min(1).max(1000);

/** Admin input for an FAQ entry (answers are plain text; links are rendered, HTML never is). */
export const faqInputSchema = z.strictObject({
  id: z.string().trim().min(1).max(128).regex(/^[\w.:-]+$/, 'Use letters, digits, . : _ -').optional(),
  question: line,
  answer: z.string().trim().min(1).max(10_000),
  alternates: z.array(line).max(200).default([]),
  tags: z.array(z.string().trim().min(1).max(64)).max(50).default([]),
});
export type FaqInput = z.input<typeof faqInputSchema>;

export const faqEntrySchema = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  alternates: z.array(z.string()),
  tags: z.array(z.string()),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type FaqEntry = z.infer<typeof faqEntrySchema>;
export type NewFaqEntry = Pick<FaqEntry, 'question' | 'answer' | 'alternates' | 'tags'> & { id?: string };
export type FaqPatch = Partial<Pick<FaqEntry, 'question' | 'answer' | 'alternates' | 'tags'>>;
