import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openEmbeddedStores as openStores } from '../../stores/index.js';
import { openHarness, type Harness } from '../test-support/harness.js';
import { demoUnderstandingZh } from '../test-support/demo-understanding-zh.js';
import { parseTranscript } from './parse-transcript.js';
import { runScript } from './run-transcript.js';

/** bot/transcripts/zh/*.dlg against the Chinese demo bot as DEMO_LANGUAGE=zh ships it: the bot's own sentences follow the customer. */
const dir = join(dirname(fileURLToPath(import.meta.url)), 'zh');
const files = readdirSync(dir).filter((f) => f.endsWith('.dlg'));

let h: Harness;
beforeAll(async () => {
  h = await openHarness({ openStores, understanding: demoUnderstandingZh, policy: { escalateAfterFallbacks: 2, escalateNegativeStreak: 2 } });
}, 60_000);
afterAll(async () => {
  await h.close();
});

it('finds the Chinese transcripts', () => {
  expect(files.length).toBeGreaterThanOrEqual(2);
});

describe.each(files)('%s', (file) => {
  const scripts = parseTranscript(readFileSync(join(dir, file), 'utf8'), file);
  it.each(scripts.map((s) => [s.title, s] as const))('%s', async (_title, script) => {
    const result = await runScript(script, { dialogue: h.dialogue, stores: h.stores, file, advance: h.advance });
    expect(result.failure).toBeUndefined();
  });
});
