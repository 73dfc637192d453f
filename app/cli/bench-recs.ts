/**
 * npm run bench:recs — recommendations for 100k customers x 10k products on the embedded store: the analytics
 * run's part, then serving. The bench lives in crm/; this entry only hands it a store. Last stdout line: JSON.
 */
import { createFieldCipher } from '../../core/index.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { runRecsBench } from '../../crm/index.js';

// A throwaway key: the bench's data lives in a temp dir and is never read by the product.
await runRecsBench((dataDir) => openEmbeddedStores({ dataDir, cipher: createFieldCipher('bench-only-key-bench-only-key-0000') }));
