import { readFileSync } from 'node:fs';
import { z } from 'zod';

const exampleSchema = z.object({ text: z.string(), intent: z.string().nullable() });
export const nluDatasetSchema = z.object({
  name: z.string(),
  train: z.array(exampleSchema),
  validation: z.array(exampleSchema).optional(),
  test: z.array(exampleSchema),
});
export type NluDataset = z.infer<typeof nluDatasetSchema>;

export const sentimentDatasetSchema = z.object({
  name: z.string(),
  examples: z.array(z.object({ text: z.string(), label: z.enum(['negative', 'neutral', 'positive']) })),
});
export type SentimentDataset = z.infer<typeof sentimentDatasetSchema>;

export function readJson<T>(file: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** `--name value` and `--flag` arguments (npm run passes them after `--`). */
export function parseArgs(argv: string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out.set(a.slice(2), next);
      i++;
    } else out.set(a.slice(2), true);
  }
  return out;
}

export function log(msg: string): void {
  process.stderr.write(`${msg}\n`);
}
