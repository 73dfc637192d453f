/**
 * npm run bench:analytics — 100k customers / 1M interactions on the embedded store, full and
 * incremental analytics runs, overview p50/p99. The bench lives in analytics/; this entry only
 * hands it a store (analytics/ may not import stores/). Last stdout line: one JSON object.
 */
import { createFieldCipher } from '../../core/index.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { runAnalyticsBench } from '../../analytics/index.js';

// A throwaway key: the bench's data lives in a temp dir and is never read by the product.
await runAnalyticsBench((dataDir) => openEmbeddedStores({ dataDir, cipher: createFieldCipher('bench-only-key-bench-only-key-0000') }));
