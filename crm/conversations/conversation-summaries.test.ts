import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createFieldCipher, type Stores } from '../../core/index.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { addTurns, close, escalate, rate } from '../../analytics/testing/store-fixtures.js';
import { conversationSummaries } from './conversation-summaries.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-conv-'));
let stores: Stores;
afterAll(async () => {
  await stores?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const day = (d: number) => Date.UTC(2026, 9, d);
const iso = (d: number) => new Date(day(d)).toISOString();

describe('conversationSummaries', () => {
  it('keeps only what was known before asOf: turns, negatives, fallbacks, escalation, CSAT', async () => {
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

    // Began with its first turn (day 1): the row itself was written today, the events are what date it.
    const base = { customerId: ann.id, at: iso(1), escalated: true };
    expect(await conversationSummaries(stores, day(10))).toEqual([{ ...base, csat: null, negativeShare: 0.5, unanswered: 1 }]);
    expect(await conversationSummaries(stores, day(25))).toEqual([{ ...base, csat: 2, negativeShare: 2 / 3, unanswered: 2 }]);
    expect(await conversationSummaries(stores, day(1))).toEqual([]);
  });
});
