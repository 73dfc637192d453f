import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openEmbeddedStores as openStores } from '../../stores/index.js';
import { openHarness, type Harness } from '../test-support/harness.js';
import { parseTranscript } from './parse-transcript.js';
import { runScript } from './run-transcript.js';

/** Transcripts for the deterministic keyword world: they pin the dialogue logic, whatever the models do. */
const dir = join(dirname(fileURLToPath(import.meta.url)), 'keyword');
const files = readdirSync(dir).filter((f) => f.endsWith('.dlg'));

let h: Harness;
beforeAll(async () => {
  h = await openHarness({ openStores });
});
afterAll(async () => {
  await h.close();
});

describe.each(files)('%s', (file) => {
  const scripts = parseTranscript(readFileSync(join(dir, file), 'utf8'), file);
  it.each(scripts.map((s) => [s.title, s] as const))('%s', async (_title, script) => {
    const result = await runScript(script, { dialogue: h.dialogue, stores: h.stores, file, advance: h.advance });
    expect(result.failure).toBeUndefined();
  });
});

it('finds transcript files', () => {
  expect(files.length).toBeGreaterThanOrEqual(3);
});

it('reports a mismatch with file and line', async () => {
  const [script] = parseTranscript('# wrong\nuser: hello\nbot: Good evening', 'inline.dlg');
  const result = await runScript(script!, { dialogue: h.dialogue, stores: h.stores, file: 'inline.dlg' });
  expect(result).toMatchObject({ ok: false });
  expect(result.failure).toContain('inline.dlg:3');
});
