import type { KeyValueStore, Logger } from '../../core/index.js';
import { shardSchema } from '../store/record-schemas.js';
import { typedRecord } from '../store/typed-record.js';
import type { CustomerState } from './customer-state.js';
import { emptyState } from './customer-state.js';

export const CUSTOMER_NS = 'analytics.customers';
export const SHARDS = 256;

type Shard = Record<string, CustomerState>;

/** FNV-1a: a stable spread of customer ids over shards (one KV document per shard, not per customer). */
export function shardOf(id: string, shards = SHARDS): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

const shardKey = (n: number): string => `s${String(n).padStart(3, '0')}`;

/** Lazily loaded, write-back cache of customer-state shards for one job run. */
export class ShardCache {
  private readonly loaded = new Map<number, Shard>();
  private readonly dirty = new Set<number>();

  constructor(
    private readonly kv: KeyValueStore,
    private readonly namespace = CUSTOMER_NS,
    private readonly log?: Pick<Logger, 'warn'>,
  ) {}

  private async shard(n: number): Promise<Shard> {
    let s = this.loaded.get(n);
    if (!s) {
      s = (await typedRecord(this.kv, this.namespace, shardKey(n), shardSchema, this.log).get()) ?? {};
      this.loaded.set(n, s);
    }
    return s;
  }

  async get(id: string): Promise<CustomerState | null> {
    return (await this.shard(shardOf(id)))[id] ?? null;
  }

  /** The state to mutate; the shard is written back on flush. */
  async edit(id: string): Promise<CustomerState> {
    const n = shardOf(id);
    const s = await this.shard(n);
    this.dirty.add(n);
    return (s[id] ??= emptyState());
  }

  /** Drops one customer's state (erase); written back on flush. */
  async remove(id: string): Promise<boolean> {
    const n = shardOf(id);
    const s = await this.shard(n);
    if (!(id in s)) return false;
    delete s[id];
    this.dirty.add(n);
    return true;
  }

  async flush(): Promise<number> {
    const written = this.dirty.size;
    for (const n of this.dirty) await this.kv.put(this.namespace, shardKey(n), this.loaded.get(n) ?? {});
    this.dirty.clear();
    return written;
  }

  /** Every stored customer, shard by shard (yields so a long pass never starves the event loop). */
  async *all(): AsyncGenerator<[string, CustomerState]> {
    for (let n = 0; n < SHARDS; n++) {
      const s = await this.shard(n);
      for (const entry of Object.entries(s)) yield entry;
      if (n % 16 === 15) await new Promise<void>((r) => setImmediate(r));
    }
  }

  async clear(): Promise<void> {
    for (const key of await this.kv.keys(this.namespace)) await this.kv.delete(this.namespace, key);
    this.loaded.clear();
    this.dirty.clear();
  }
}
