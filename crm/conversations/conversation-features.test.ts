import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createFieldCipher, type Stores } from '../../core/index.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { addTurns, close, escalate, rate } from '../../analytics/testing/store-fixtures.js';
import { conversationFeatures } from './conversation-features.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-conv-'));
let stores: Stores;
afterAll(async () => {
  await stores?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const day = (d: number) => Date.UTC(2026, 9, d);

describe('conversationFeatures', () => {
  it('counts only what was known before asOf: turns, negatives, fallbacks, escalations, CSAT', async () => {
    stores = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher('k'.repeat(40)) });
    const ann = await stores.customers.create({});
    const c1 = await stores.conversations.create({ customerId: ann.id, channel: 'widget' });
    await addTurns(stores, ann.id, c1.id, [
      { decision: 'fallback', sentiment: -0.8, at: day(1) },
      { decision: 'intent', sentiment: 0.1, at: day(2) },
      { decision: 'fallback', sentiment: -0.6, at: day(20) },
    ]);
    await escalate(stores, c1.id, day(2));
    await close(stores, c1.id, day(3));
    await rate(stores, c1.id, 2, day(15));

    const atTen = await conversationFeatures(stores, day(10));
    expect(atTen.get(ann.id)).toEqual({
      conversations: 1,
      messages: 2,
      negativeShare: 0.5,
      escalations: 1,
      unanswered: 1,
      csatAverage: null,
      lastContactMs: day(3), // the close, the latest event of the conversation before asOf
    });
    const later = (await conversationFeatures(stores, day(25))).get(ann.id);
    expect([later?.messages, later?.unanswered, later?.csatAverage, later?.lastContactMs]).toEqual([3, 2, 2, day(20)]);
    expect((await conversationFeatures(stores, day(1))).size).toBe(0);
  });
});
