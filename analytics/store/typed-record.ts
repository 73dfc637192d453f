import type { z } from 'zod';
import type { KeyValueStore, Logger } from '../../core/index.js';

export type CorruptReporter = Pick<Logger, 'warn'>;

/** Without a logger (CLIs, tests) a corrupt record still shows up: as a process warning on stderr. */
const processWarning: CorruptReporter = {
  warn: (obj, msg) => process.emitWarning(`${msg ?? 'corrupt record'} ${JSON.stringify(obj)}`, 'ParleyAnalyticsRecord'),
};

export interface TypedRecord<T> {
  /** The stored value, or null when missing or corrupt (a corrupt one is reported, never thrown). */
  get(): Promise<T | null>;
  put(value: T): Promise<void>;
  delete(): Promise<void>;
}

/**
 * One KV document read through its zod schema. Analytics documents are all recomputable from the stores, so a
 * record that does not parse (hand-edited, written by an older version, damaged) is treated as missing and
 * rebuilt by the job instead of crashing a dashboard or a run.
 */
export function typedRecord<T>(kv: KeyValueStore, ns: string, key: string, schema: z.ZodType<T>, log: CorruptReporter = processWarning): TypedRecord<T> {
  return {
    async get() {
      const raw = await kv.get<unknown>(ns, key);
      if (raw === null || raw === undefined) return null;
      const parsed = schema.safeParse(raw);
      if (parsed.success) return parsed.data;
      const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      log.warn({ namespace: ns, key, issues }, 'analytics record is corrupt: treated as missing');
      return null;
    },
    put: (value) => kv.put(ns, key, value),
    delete: () => kv.delete(ns, key),
  };
}
