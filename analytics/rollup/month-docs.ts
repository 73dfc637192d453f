import type { z } from 'zod';
import type { KeyValueStore, Logger } from '../../core/index.js';
import { typedRecord } from '../store/typed-record.js';

/**
 * Day rollups stored one KV document per month (`YYYY-MM` -> { 'YYYY-MM-DD': doc }):
 * a 90-day dashboard is 3-4 reads instead of 90, which matters because each KV read
 * costs a b-tree lookup that large neighbouring values make slow.
 */
export class MonthDocs<T> {
  private readonly months = new Map<string, Record<string, T>>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly kv: KeyValueStore,
    private readonly namespace: string,
    private readonly schema: z.ZodType<Record<string, T>>,
    private readonly log?: Pick<Logger, 'warn'>,
  ) {}

  private async month(m: string): Promise<Record<string, T>> {
    let doc = this.months.get(m);
    if (!doc) {
      doc = (await typedRecord(this.kv, this.namespace, m, this.schema, this.log).get()) ?? {};
      this.months.set(m, doc);
    }
    return doc;
  }

  async get(day: string): Promise<T | null> {
    return (await this.month(day.slice(0, 7)))[day] ?? null;
  }

  async set(day: string, value: T): Promise<void> {
    const m = day.slice(0, 7);
    (await this.month(m))[day] = value;
    this.dirty.add(m);
  }

  async flush(): Promise<void> {
    for (const m of this.dirty) await this.kv.put(this.namespace, m, this.months.get(m) ?? {});
    this.dirty.clear();
  }
}
