import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { createInProcessBus } from '../app/bus/in-process-bus.js';
import type { Bus } from '../core/index.js';
import { createKnowledgeService, type KnowledgeService } from './index.js';
import { FAQ_CHANGED, MAX_IDS_PER_MESSAGE } from './node-sync.js';
import { MemoryKnowledgeStore } from './test-support/memory-knowledge-store.js';
import { recordingLogger } from './test-support/tiny-service.js';

const open: KnowledgeService[] = [];
afterEach(async () => Promise.all(open.splice(0).map((s) => s.close())));

/** Two nodes: one shared store, one bus, each with its own in-memory indexes. */
async function twoNodes() {
  const store = new MemoryKnowledgeStore();
  const bus: Bus = createInProcessBus();
  const node = async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-sync-'));
    const { logger, lines } = recordingLogger();
    const svc = await createKnowledgeService({ store, dataDir, modelsDir: join(dataDir, 'none'), embeddingModel: 'none/none', logger, bus });
    open.push(svc);
    return { svc, lines };
  };
  return { bus, a: await node(), b: await node() };
}
const topId = async (svc: KnowledgeService, text: string) => (await svc.search(text)).hits[0]?.faqId;
async function eventually(check: () => Promise<void>): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      return await check();
    } catch (err) {
      if (i > 100) throw err;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

describe('FAQ edits across nodes (bus)', () => {
  it('creates, updates and removals on one node reach the other node’s index', async () => {
    const { a, b } = await twoNodes();
    await a.svc.create({ id: 'gift', question: 'Do you sell gift cards?', answer: 'Yes.', alternates: [], tags: [] });
    await a.svc.create({ id: 'ship', question: 'How long does shipping take?', answer: 'Two days.', alternates: [], tags: [] });
    await eventually(async () => expect(await topId(b.svc, 'gift cards')).toBe('gift'));
    await a.svc.update('gift', { question: 'Do you sell vouchers?' });
    await eventually(async () => expect(await topId(b.svc, 'vouchers')).toBe('gift'));
    await a.svc.remove('gift');
    await eventually(async () => expect(await topId(b.svc, 'vouchers')).not.toBe('gift'));
    expect(b.lines.some((l) => /from another node applied/.test(l.msg))).toBe(true);
  });

  it('a big import is announced as "reload all" and still arrives whole', async () => {
    const { a, b } = await twoNodes();
    const rows = Array.from({ length: MAX_IDS_PER_MESSAGE + 5 }, (_, i) => ({ id: `e${i}`, question: `Question number ${i} about topic ${i}x`, answer: 'A.' }));
    expect((await a.svc.importFaqs(rows, { partial: false })).imported).toBe(rows.length);
    await eventually(async () => expect(b.svc.info().entries).toBe(rows.length));
  });

  it('drops malformed messages with a warning and keeps serving', async () => {
    const { bus, b } = await twoNodes();
    await bus.publish(FAQ_CHANGED, { origin: 'x', ids: 'not-a-list' });
    await eventually(async () => expect(b.lines.some((l) => l.level === 'warn' && /malformed faq.changed/.test(l.msg))).toBe(true));
    expect((await b.svc.search('anything')).decision).toBe('none');
  });
});
