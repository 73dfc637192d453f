/** TEST-ONLY: a real dialogue manager on the embedded SQLite store (passed in by the test) in a temp dir. */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFieldCipher, newToken } from '../../core/index.js';
import type { ChannelName, DialogueApi, FaqRetriever, FieldCipher, InboundMessage, Stores, Understander } from '../../core/index.js';
import { createDialogue, type ActionRunner } from '../index.js';
import type { PolicyConfig } from '../policy/decide.js';
import { testFaqs, testIntents, testUnderstander } from './keyword-understanding.js';

export interface Harness {
  stores: Stores;
  /** Moves the dialogue's clock forward (expiry of forms and topics). */
  advance(ms: number): void;
  dialogue: DialogueApi;
  dir: string;
  newCustomer(): Promise<string>;
  inbound(customerId: string, text: string, clientMessageId?: string, channel?: ChannelName): InboundMessage;
  close(): Promise<void>;
}

/** tmpfs when available: the store fsyncs every commit (synchronous=FULL), which is what we ship but not what these tests measure. */
const scratchBase = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/** Builds real understanding components on the harness's store (nlu/ and knowledge/ services). */
export type UnderstandingFactory = (stores: Stores, dir: string) => Promise<{ nlu: Understander; knowledge: FaqRetriever; close?: () => Promise<void> }>;

/** `openEmbeddedStores` from stores/index.ts, passed in by each test file (only *.test.ts may import stores/). */
export type OpenStores = (opts: { dataDir: string; cipher: FieldCipher }) => Promise<Stores>;

export interface HarnessOptions {
  openStores: OpenStores;
  nlu?: Understander;
  knowledge?: FaqRetriever;
  /** Replaces the keyword world (and its intents) entirely. */
  understanding?: UnderstandingFactory;
  policy?: Partial<PolicyConfig>;
  /** Intent actions built on the harness's store (closed with it). */
  actions?: (stores: Stores) => ActionRunner;
  /** Receives the dialogue's warnings (action failures are logged as warnings). */
  warn?: (obj: object, msg?: string) => void;
}

export async function openHarness(opts: HarnessOptions): Promise<Harness> {
  const dir = await mkdtemp(join(scratchBase, 'parley-bot-'));
  const stores = await opts.openStores({ dataDir: dir, cipher: createFieldCipher('test-key-test-key-test-key-test-key!') });
  const real = opts.understanding ? await opts.understanding(stores, dir) : null;
  if (!real) for (const intent of testIntents) await stores.intents.putIntent(intent);
  const errors: unknown[] = [];
  let offset = 0;
  const actions = opts.actions?.(stores);
  const dialogue = createDialogue({
    ...(actions ? { actions } : {}),
    clock: { now: () => new Date(Date.now() + offset) },
    stores,
    nlu: real?.nlu ?? opts.nlu ?? testUnderstander,
    knowledge: real?.knowledge ?? opts.knowledge ?? testFaqs,
    policy: { escalateAfterFallbacks: 2, escalateNegativeStreak: 2, ...opts.policy },
    logger: { info: () => undefined, warn: opts.warn ?? (() => undefined), error: (obj) => errors.push(obj) },
  });
  let seq = 0;
  return {
    stores,
    advance: (ms) => void (offset += ms),
    dialogue,
    dir,
    async newCustomer() {
      return (await stores.customers.create({ visitorToken: newToken() })).id;
    },
    inbound(customerId, text, clientMessageId = `m${++seq}`, channel = 'widget') {
      return { channel, customerId, clientMessageId, senderKey: `customer:${customerId}`, text };
    },
    async close() {
      await dialogue.drain();
      actions?.close();
      await real?.close?.();
      await stores.close();
      await rm(dir, { recursive: true, force: true });
      if (errors.length > 0) throw new Error(`dialogue logged errors: ${JSON.stringify(errors)}`);
    },
  };
}
