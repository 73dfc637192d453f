import { z } from 'zod';
import type { KnowledgeStore } from '../core/index.js';
import type { FaqRetriever } from './retriever.js';

/** Bus topic: FAQ entries changed on one node; the others bring their in-memory indexes up to date. */
export const FAQ_CHANGED = 'faq.changed';
/** More ids than this and the message says "reload everything" instead (big imports). */
export const MAX_IDS_PER_MESSAGE = 500;

/** What a `faq.changed` message says (core's `busTopic` adds and checks the sender). */
export const faqChangedShape = {
  ids: z.array(z.string().min(1).max(200)).max(MAX_IDS_PER_MESSAGE).optional(),
  all: z.literal(true).optional(),
};
export type FaqChanged = z.infer<z.ZodObject<typeof faqChangedShape>>;

export function faqChangedMessage(ids: string[]): FaqChanged {
  return ids.length > MAX_IDS_PER_MESSAGE ? { all: true } : { ids };
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
