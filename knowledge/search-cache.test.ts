import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createInProcessBus } from '../app/bus/in-process-bus.js';
import { createKnowledgeService, type KnowledgeService } from './index.js';
import { MemoryKnowledgeStore } from './test-support/memory-knowledge-store.js';

// Search results are cached per text; every change of the FAQ (here or on another node) makes them stale.
const services: KnowledgeService[] = [];
afterAll(async () => Promise.all(services.map((s) => s.close())));

async function open(store: MemoryKnowledgeStore, bus = createInProcessBus()) {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-search-cache-'));
  const svc = await createKnowledgeService({ store, dataDir, modelsDir: join(dataDir, 'none'), embeddingModel: 'none/none', bus });
  services.push(svc);
  return svc;
}

describe('FAQ search cache', () => {
  it('a repeated text is answered from the cache until an edit, a delete or a remote edit', async () => {
    const store = new MemoryKnowledgeStore();
    const bus = createInProcessBus();
    const [a, b] = [await open(store, bus), await open(store, bus)];
    const faq = await a.create({ question: 'How long does shipping take?', answer: 'Three days.' });
    const first = await a.search('how long does shipping take');
    expect(await a.search('how long does shipping take')).toBe(first); // the same object: served from the cache
    await a.update(faq.id, { answer: 'Two days.' });
    expect((await a.search('how long does shipping take')).hits[0]?.answer).toBe('Two days.');
    // Node b has the answer cached, then node a edits: b's searches see the edit once the bus message is applied.
    const onB = async (answer: string) => {
      for (let i = 0; i < 200 && (await b.search('how long does shipping take')).hits[0]?.answer !== answer; i++) await new Promise((r) => setTimeout(r, 10));
      return (await b.search('how long does shipping take')).hits[0]?.answer;
    };
    expect(await onB('Two days.')).toBe('Two days.');
    expect(await b.search('how long does shipping take')).toBe(await b.search('how long does shipping take'));
    await a.update(faq.id, { answer: 'One day.' });
    expect(await onB('One day.')).toBe('One day.');
    await a.remove(faq.id);
    expect((await a.search('how long does shipping take')).hits).toEqual([]);
  });
});
