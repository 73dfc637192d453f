import type { KeyValueStore } from '../../core/index.js';

/**
 * Day rollups stored one KV document per month (`YYYY-MM` -> { 'YYYY-MM-DD': doc }):
 * a 90-day dashboard is 3-4 reads instead of 90, which matters because each KV read
 * costs a b-tree lookup that large neighbouring values make slow.
 */
export class MonthDocs<T> {
  private readonly months = new Map<string, Record<string, T>>();
  private readonly dirty = new Set<string>();

  constructor(private readonly kv: KeyValueStore, private readonly namespace: string) {}

  private async month(m: string): Promise<Record<string, T>> {
    let doc = this.months.get(m);
    if (!doc) {
      doc = (await this.kv.get<Record<string, T>>(this.namespace, m)) ?? {};
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
