/**
 * npm run bench:crm-run — a full CRM run (1M order lines, ~100k customers) on the embedded store.
 * The bench lives in crm/; this entry only hands it a store. Last stdout line: one JSON object.
 */
import { createFieldCipher } from '../../core/index.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { runCrmRunBench } from '../../crm/index.js';

// A throwaway key: the bench's data lives in a temp dir and is never read by the product.
await runCrmRunBench((dataDir) => openEmbeddedStores({ dataDir, cipher: createFieldCipher('bench-only-key-bench-only-key-0000') }));
