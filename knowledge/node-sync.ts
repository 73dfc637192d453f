import { z } from 'zod';
import { newId, type Bus, type KnowledgeStore } from '../core/index.js';
import type { FaqRetriever } from './retriever.js';
import type { KnowledgeLogger } from './service-types.js';

/** Bus topic: FAQ entries changed on one node; the others bring their in-memory indexes up to date. */
export const FAQ_CHANGED = 'faq.changed';
/** More ids than this and the message says "reload everything" instead (big imports). */
export const MAX_IDS_PER_MESSAGE = 500;

/** Other nodes are a boundary too: a malformed message is logged and dropped, never applied. */
export const faqChangedSchema = z.strictObject({
  origin: z.string().min(1).max(64),
  ids: z.array(z.string().min(1).max(200)).max(MAX_IDS_PER_MESSAGE).optional(),
  all: z.literal(true).optional(),
});
export type FaqChanged = z.infer<typeof faqChangedSchema>;

export function faqChangedMessage(origin: string, ids: string[]): FaqChanged {
  return ids.length > MAX_IDS_PER_MESSAGE ? { origin, all: true } : { origin, ids };
}

/**
 * Re-reads the changed entries from the shared store (the message is only a
 * hint: the store says what is true now, whatever order messages arrive in).
 * Returns how many entries were refreshed.
 */
export async function applyRemoteChange(store: KnowledgeStore, retriever: FaqRetriever, msg: FaqChanged): Promise<number> {
  if (msg.all) {
    const entries = await store.all();
    const keep = new Set(entries.map((e) => e.id));
    for (const id of [...retriever.entries.keys()]) if (!keep.has(id)) await retriever.remove(id);
    await retriever.upsertMany(entries.filter((e) => changed(retriever, e)));
    return entries.length;
  }
  for (const id of msg.ids ?? []) {
    const entry = await store.get(id);
    if (entry) await retriever.upsert(entry);
    else if (retriever.entries.has(id)) await retriever.remove(id);
  }
  return msg.ids?.length ?? 0;
}

function changed(retriever: FaqRetriever, e: { id: string; question: string; answer: string; alternates: string[] }): boolean {
  const cur = retriever.entries.get(e.id);
  return !cur || cur.question !== e.question || cur.answer !== e.answer || cur.alternates.join('\n') !== e.alternates.join('\n');
}

/** One node's side of the bus: announces its own edits, hands other nodes' (validated) to `onRemote`. */
export class FaqNodeSync {
  /** Tells this node's own messages from other nodes'. */
  private readonly origin = newId();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly bus: Bus | undefined,
    private readonly log: KnowledgeLogger,
    onRemote: (msg: FaqChanged) => void,
  ) {
    this.unsubscribe = bus
      ? bus.subscribe(FAQ_CHANGED, (raw) => {
          const parsed = faqChangedSchema.safeParse(raw);
          if (!parsed.success) return this.log.warn({ issues: parsed.error.issues.length }, 'ignoring a malformed faq.changed message');
          if (parsed.data.origin !== this.origin) onRemote(parsed.data);
        })
      : () => undefined;
  }

  announce(ids: string[]): void {
    if (!this.bus || ids.length === 0) return;
    this.bus.publish(FAQ_CHANGED, faqChangedMessage(this.origin, ids)).catch((err: unknown) =>
      this.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not tell other nodes about an FAQ edit; they catch up at their next start'),
    );
  }

  close(): void {
    this.unsubscribe();
  }
}
