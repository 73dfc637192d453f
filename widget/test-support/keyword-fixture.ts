/** TEST-ONLY: embedded stores in a temp dir + the dialogue with deterministic keyword understanding + a /widget server. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFieldCipher, type DialogueApi, type Stores } from '../../core/index.js';
import { createDialogue } from '../../bot/index.js';
import { testFaqs, testIntents, testUnderstander } from '../../bot/test-support/keyword-understanding.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { startWidgetServer, type WidgetTestServer } from './socket-harness.js';

export interface KeywordWidgetFixture {
  stores: Stores;
  dialogue: DialogueApi;
  server: WidgetTestServer;
  close(): Promise<void>;
}

export async function openKeywordWidgetFixture(dirPrefix: string, identitySecret: string): Promise<KeywordWidgetFixture> {
  const dir = await mkdtemp(join(tmpdir(), dirPrefix));
  const stores = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher('widget-test-key-widget-test-key-1234') });
  for (const intent of testIntents) await stores.intents.putIntent(intent);
  const dialogue = createDialogue({ stores, nlu: testUnderstander, knowledge: testFaqs, policy: { escalateAfterFallbacks: 2, escalateNegativeStreak: 2 } });
  const server = await startWidgetServer({ dialogue, stores, identitySecret });
  return {
    stores,
    dialogue,
    server,
    async close() {
      await server.close();
      await dialogue.drain();
      await stores.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
