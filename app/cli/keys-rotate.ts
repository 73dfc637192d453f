/**
 * npm run keys:rotate — re-seals every sealed value of the embedded store under ENCRYPTION_KEY (same env as
 * `npm start`). Rotation: set the new key as ENCRYPTION_KEY and the old one in ENCRYPTION_KEY_PREVIOUS on every node,
 * restart them, run this, then drop ENCRYPTION_KEY_PREVIOUS. Safe while the server runs on the same file;
 * re-runnable and resumable (finished batches stay done). Also seals rows written in plain by older versions.
 * Progress on stderr; the last stdout line is one JSON object.
 */
import { performance } from 'node:perf_hooks';
import { createFieldCipher } from '../../core/index.js';
import { rotateEmbeddedKeys } from '../../stores/index.js';
import { loadConfig } from '../config.js';
import { secureDataDir } from '../data-dir.js';

const config = loadConfig();
if (config.store !== 'embedded') {
  process.stderr.write('keys:rotate re-seals the embedded store; with STORE=mongo use MongoDB\'s own encryption (see README, Security)\n');
  process.exit(1);
}
secureDataDir(config.dataDir);
const started = performance.now();
let shownAt = 0;
const report = rotateEmbeddedKeys(
  { dataDir: config.dataDir, cipher: createFieldCipher(config.encryptionKey, config.encryptionKeyPrevious) },
  (p) => {
    // About once a second, and once at the end of each table.
    const now = performance.now();
    if (p.scanned < p.total && now - shownAt < 1000) return;
    shownAt = now;
    process.stderr.write(`${p.table}: ${p.scanned}/${p.total} rows checked, ${p.resealed} re-sealed\n`);
  },
);
process.stdout.write(`${JSON.stringify({ ...report, seconds: Number(((performance.now() - started) / 1000).toFixed(2)) })}\n`);
