/**
 * npm run bench:crm-import — 1M generated order lines streamed into a fresh embedded store. The bench lives
 * in crm/; this entry only hands it a store (crm/ may not import stores/). Last stdout line: one JSON object.
 */
import { createFieldCipher } from '../../core/index.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { runCrmImportBench } from '../../crm/index.js';

// A throwaway key: the bench's data lives in a temp dir and is never read by the product.
await runCrmImportBench((dataDir) => openEmbeddedStores({ dataDir, cipher: createFieldCipher('bench-only-key-bench-only-key-0000') }));
