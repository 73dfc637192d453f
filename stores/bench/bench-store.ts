/**
 * Durable message append on the embedded store (every resolved append was committed and its WAL
 * fdatasynced, see embedded/loop-transaction.ts). Two modes:
 *  - single:  one append at a time, each awaited before the next (a lone conversation);
 *  - batched: waves of concurrent appends across many conversations, which the
 *             loop transaction folds into one commit and one fsync per wave.
 * Progress on stderr; the last stdout line is one JSON object.
 * Usage: npm run bench:store [-- --n 20000 --wave 16]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createFieldCipher } from '../../core/index.js';
import { openEmbeddedStores } from '../index.js';
import { openDatabase } from '../embedded/open-database.js';
import { probeFsync } from './fsync-probe.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
};
const N = arg('n', 20_000);
const WAVE = arg('wave', 16);

interface ModeResult {
  appends: number;
  appendsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function summarise(latencies: number[], elapsedMs: number): ModeResult {
  const s = Float64Array.from(latencies).sort();
  const q = (p: number) => Number((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0).toFixed(3));
  return {
    appends: s.length,
    appendsPerSec: Math.round((s.length / elapsedMs) * 1000),
    p50Ms: q(0.5),
    p99Ms: q(0.99),
    maxMs: Number((s[s.length - 1] ?? 0).toFixed(3)),
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-'));
const stores = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher('bench-key-bench-key-bench-key-bench-key') });
const customer = await stores.customers.create({});
const conversations = await Promise.all(
  Array.from({ length: WAVE }, () => stores.conversations.create({ customerId: customer.id, channel: 'widget' })),
);
const text = 'Hi, my parcel was supposed to arrive yesterday and the tracking page still says "label created".';
let seq = 0;
const append = (conversationId: string) =>
  stores.conversations.appendMessage({
    conversationId,
    author: 'customer',
    text,
    idempotency: { senderKey: `customer:${customer.id}`, clientMessageId: `c${seq++}` },
  });

const diskBefore = probeFsync(dir);
process.stderr.write(`disk: 4 KiB write + fdatasync p50 ${diskBefore.p50Ms} ms, p99 ${diskBefore.p99Ms} ms\n`);

// Warm-up: statement preparation, page cache, WAL file growth.
for (let i = 0; i < 500; i++) await append(conversations[0]?.id ?? '');

process.stderr.write(`single: ${N} sequential durable appends in ${dir}\n`);
const single: number[] = [];
let t0 = performance.now();
for (let i = 0; i < N; i++) {
  const start = performance.now();
  await append(conversations[0]?.id ?? '');
  single.push(performance.now() - start);
  if (i % 5000 === 4999) process.stderr.write(`  ${i + 1}\n`);
}
const singleResult = summarise(single, performance.now() - t0);
process.stderr.write(`single: ${JSON.stringify(singleResult)}\n`);

process.stderr.write(`batched: ${N} appends in concurrent waves of ${WAVE} across ${WAVE} conversations\n`);
const batched: number[] = [];
t0 = performance.now();
for (let done = 0; done < N; done += WAVE) {
  const wave = Math.min(WAVE, N - done);
  await Promise.all(
    Array.from({ length: wave }, async (_, j) => {
      const start = performance.now();
      await append(conversations[j]?.id ?? '');
      batched.push(performance.now() - start);
    }),
  );
}
const batchedResult = summarise(batched, performance.now() - t0);
process.stderr.write(`batched: ${JSON.stringify(batchedResult)}\n`);

const diskAfter = probeFsync(dir);
const stored = await stores.conversations.listMessages(conversations[0]?.id ?? '', { limit: 1 });
await stores.close();
// Read the settings back from the file, not from our intentions.
const db = openDatabase(dir);
const journal = String(db.pragma('journal_mode', { simple: true }));
const synchronous = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][Number(db.pragma('synchronous', { simple: true }))] ?? 'unknown';
const count = (db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n;
db.close();
fs.rmSync(dir, { recursive: true, force: true });
if (count !== 500 + 2 * N || stored.items.length !== 1) throw new Error(`expected ${500 + 2 * N} stored messages, found ${count}`);

console.log(
  JSON.stringify({
    single: singleResult,
    batched: { ...batchedResult, wave: WAVE },
    synchronous,
    journal,
    storedMessages: count,
    // The disk's floor for one durable write, measured before and after the run (shared machine).
    diskFdatasync: { before: diskBefore, after: diskAfter },
    node: process.version,
    cpus: os.cpus().length,
  }),
);
