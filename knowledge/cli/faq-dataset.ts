import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** The FAQ evaluation format of ../shared/datasets/README.md. */
const datasetSchema = z.object({
  name: z.string(),
  faqs: z.array(z.object({ id: z.string(), question: z.string(), answer: z.string(), alternates: z.array(z.string()).optional() })),
  queries: z.array(z.object({ text: z.string(), faqId: z.string() })),
});
export type FaqDataset = z.infer<typeof datasetSchema>;

export async function readFaqDataset(path: string): Promise<FaqDataset> {
  return datasetSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}

/**
 * Identical query texts with different labels (CovidFAQ has 227 such texts,
 * e.g. "should i wear a mask?" -> 3 entries) are one query with several right
 * answers; counted row by row, one text would be "wrong" whatever we answer.
 */
export function groupQueries(queries: FaqDataset['queries']): { text: string; relevant: Set<string>; rows: number }[] {
  const byText = new Map<string, { text: string; relevant: Set<string>; rows: number }>();
  for (const q of queries) {
    const key = q.text.trim().toLowerCase().replace(/\s+/g, ' ');
    const g = byText.get(key) ?? { text: q.text, relevant: new Set<string>(), rows: 0 };
    g.relevant.add(q.faqId);
    g.rows += 1;
    byText.set(key, g);
  }
  return [...byText.values()];
}
