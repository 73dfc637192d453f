import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { writeTinyModel } from '../test-support/tiny-model.js';
import { findInstalledModel } from './model-files.js';
import { TransformersEmbedder } from './transformers-embedder.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-embed-'));
writeTinyModel(dir, 'test/tiny', ['shipping', 'takes', 'long', 'refund', 'money', 'back', 'how'], 16);
const dot = (a: Float32Array, b: Float32Array): number => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);
// No terminateEmbedWorkers() here: see knowledge/service.hybrid.test.ts (one onnxruntime load per process).

describe('TransformersEmbedder (real transformers.js in a worker, tiny generated model)', () => {
  it('finds installed models and reports missing ones as null', () => {
    expect(findInstalledModel(dir, 'test/tiny')).toEqual({ modelsDir: dir, name: 'test/tiny', quantized: false });
    expect(findInstalledModel(dir, 'Xenova/all-MiniLM-L6-v2')).toBeNull();
  });

  it('returns unit vectors, mean-pooled: shared words mean similar vectors', async () => {
    const e = await TransformersEmbedder.start(findInstalledModel(dir, 'test/tiny')!);
    expect(e.info()).toEqual({ model: 'test/tiny', dimensions: 16 });
    const [a, b, c] = await e.embed(['how long shipping takes', 'shipping takes long', 'refund money back']);
    expect(dot(a!, a!)).toBeCloseTo(1, 4);
    expect(dot(a!, b!)).toBeGreaterThan(0.8);
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!));
    await e.close();
  });

  it('coalesces concurrent calls into batches and keeps each caller its own vectors', async () => {
    const e = await TransformersEmbedder.start(findInstalledModel(dir, 'test/tiny')!);
    const texts = Array.from({ length: 100 }, (_, i) => (i % 2 ? 'refund money back' : 'how long shipping takes'));
    const outs = await Promise.all(texts.map((t) => e.embed([t])));
    const [ship, refund] = await e.embed(['how long shipping takes', 'refund money back']);
    outs.forEach((o, i) => expect(dot(o[0]!, i % 2 ? refund! : ship!)).toBeCloseTo(1, 4));
    expect(await e.embed([])).toEqual([]);
    await e.close();
    await expect(e.embed(['x'])).rejects.toMatchObject({ code: 'ERR_UNAVAILABLE' });
  });

  it('fails with ERR_MODEL_LOAD on a broken model directory', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'parley-embed-broken-'));
    writeTinyModel(broken, 'test/broken', ['x'], 4);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(broken, 'test/broken', 'onnx', 'model.onnx'), 'not a model');
    await expect(TransformersEmbedder.start(findInstalledModel(broken, 'test/broken')!)).rejects.toMatchObject({ code: 'ERR_MODEL_LOAD' });
  });
});
