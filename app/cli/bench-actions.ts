/**
 * npm run bench:actions — overhead of an http intent action beyond the backend's own time.
 * The bench lives in bot/actions; this entry only hands it a store. Last stdout line: one JSON object.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFieldCipher } from '../../core/index.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { runActionsBench } from '../../bot/index.js';

const dir = await mkdtemp(join(tmpdir(), 'parley-bench-actions-'));
// A throwaway key: the bench's data lives in a temp dir and is never read by the product.
const stores = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher('bench-only-key-bench-only-key-0000') });
const calls = Number(process.argv[process.argv.indexOf('--calls') + 1]) || undefined;
try {
  await runActionsBench(stores, calls ? { calls } : {});
} finally {
  await stores.close();
  await rm(dir, { recursive: true, force: true });
}
