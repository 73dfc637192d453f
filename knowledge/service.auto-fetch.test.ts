import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createInProcessBus } from '../app/bus/in-process-bus.js';
import { createKnowledgeService, demoFaqs, findInstalledModel, type KnowledgeService } from './index.js';
import { MemoryKnowledgeStore } from './test-support/memory-knowledge-store.js';
import { serveModels } from './test-support/model-server.js';
import { recordingLogger, TINY_MODEL, tinyModelDir } from './test-support/tiny-service.js';

// MODELS_AUTO_FETCH against a local hub that serves the generated tiny model, and against a dead one.
const hubDir = tinyModelDir();
const services: KnowledgeService[] = [];
const hubs: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
  await Promise.all(hubs.map((h) => h.close()));
});

async function seeded(): Promise<MemoryKnowledgeStore> {
  const store = new MemoryKnowledgeStore();
  for (const f of demoFaqs) await store.create({ id: f.id, question: f.question, answer: f.answer, alternates: f.alternates ?? [], tags: f.tags ?? [] });
  return store;
}

async function start(opts: { baseUrl: string; modelsDir?: string; bus?: ReturnType<typeof createInProcessBus> }) {
  const { logger, lines } = recordingLogger();
  const modelsDir = opts.modelsDir ?? mkdtempSync(join(tmpdir(), 'parley-autofetch-models-'));
  const svc = await createKnowledgeService({
    store: await seeded(),
    dataDir: mkdtempSync(join(tmpdir(), 'parley-autofetch-data-')),
    modelsDir,
    embeddingModel: TINY_MODEL,
    logger,
    bus: opts.bus,
    autoFetch: { baseUrl: opts.baseUrl, initialMs: 30, maxMs: 200 },
  });
  services.push(svc);
  return { svc, lines, modelsDir };
}

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function deadUrl(): Promise<string> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

describe('embedding model auto-fetch', () => {
  it('serves lexical at once, downloads in the background, then switches to hybrid; the other node follows over the bus', async () => {
    const hub = await serveModels(hubDir);
    hubs.push(hub);
    const bus = createInProcessBus();
    const a = await start({ baseUrl: hub.url, bus });
    // Node B shares the models volume but cannot reach the hub itself.
    const b = await start({ baseUrl: await deadUrl(), bus, modelsDir: a.modelsDir });
    expect(a.svc.info().mode).toBe('lexical');
    expect((await a.svc.search('How long does shipping take?')).mode).toBe('lexical');
    await until(() => a.lines.some((l) => /switched to hybrid/.test(l.msg)));
    expect(a.svc.info()).toMatchObject({ mode: 'hybrid', model: TINY_MODEL });
    const res = await a.svc.search('How long does shipping take?');
    expect([res.mode, res.hits[0]?.faqId]).toEqual(['hybrid', 'shipping-times']);
    expect(a.lines.map((l) => l.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/downloaded and checked/), expect.stringMatching(/switched to hybrid/)]));
    expect(hub.requests).toEqual(expect.arrayContaining([`/${TINY_MODEL}/resolve/main/config.json`, `/${TINY_MODEL}/resolve/main/onnx/model.onnx`]));
    await until(() => b.svc.info().mode === 'hybrid');
    expect(readdirSync(a.modelsDir).filter((n) => n.startsWith('.download-'))).toEqual([]);
  }, 60_000);

  it('a download cut halfway is never installed nor loaded; the retry installs a checked model', async () => {
    const hub = await serveModels(hubDir, { cutWeights: 2 });
    hubs.push(hub);
    const a = await start({ baseUrl: hub.url });
    await until(() => hub.requests.filter((r) => r.endsWith('.onnx')).length >= 1);
    // While the cut downloads fail, nothing is at the loader's path.
    expect(findInstalledModel(a.modelsDir, TINY_MODEL)).toBeNull();
    await until(() => a.svc.info().mode === 'hybrid');
    expect(hub.requests.filter((r) => r.endsWith('model.onnx')).length).toBe(3);
    expect(a.lines.filter((l) => /download failed/.test(l.msg))).toHaveLength(1);
    expect(existsSync(join(a.modelsDir, TINY_MODEL, 'onnx', 'model.onnx'))).toBe(true);
  }, 60_000);

  it('without a reachable hub: one clear log line, lexical mode, quiet retries with backoff', async () => {
    const a = await start({ baseUrl: await deadUrl() });
    await until(() => a.lines.some((l) => /download failed/.test(l.msg)));
    await new Promise((r) => setTimeout(r, 400)); // several retries at 30-200 ms
    const failed = a.lines.filter((l) => /download failed/.test(l.msg));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ level: 'warn', msg: expect.stringMatching(/no network\?.*lexical.*retrying/), obj: { model: TINY_MODEL, reason: expect.any(String), retryInMs: 30 } });
    expect(a.svc.info().mode).toBe('lexical');
    expect(findInstalledModel(a.modelsDir, TINY_MODEL)).toBeNull();
  });
});
