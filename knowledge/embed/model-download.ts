import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ParleyError } from '../../core/index.js';
import { findInstalledModel, type InstalledModel } from './model-files.js';

export interface ModelDownloadOptions {
  modelsDir: string;
  /** Hub name, e.g. Xenova/all-MiniLM-L6-v2. */
  model: string;
  /** A Hugging Face compatible host (`<base>/<model>/resolve/main/<file>`). */
  baseUrl: string;
  signal?: AbortSignal;
}

const TEXT_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
/** The quantized weights load by default; a model without them ships full precision. */
const WEIGHTS = ['onnx/model_quantized.onnx', 'onnx/model.onnx'];

class NotFound extends Error {}

/** One file: streamed to disk, its length checked against Content-Length and its sha256 against a hash ETag. */
async function fetchFile(url: string, dest: string, signal?: AbortSignal): Promise<void> {
  const res = await fetch(url, { signal, redirect: 'follow' });
  if (res.status === 404) throw new NotFound(url);
  if (!res.ok || !res.body) throw new Error(`GET ${url}: HTTP ${res.status}`);
  await mkdir(dirname(dest), { recursive: true });
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), tap, createWriteStream(dest), { signal });
  const expected = Number(res.headers.get('content-length'));
  if (Number.isFinite(expected) && expected > 0 && bytes !== expected) throw new Error(`${url}: got ${bytes} of ${expected} bytes`);
  // The hub's ETag of LFS files (the weights) is their sha256.
  const etag = (res.headers.get('x-linked-etag') ?? res.headers.get('etag') ?? '').replace(/^W\//, '').replaceAll('"', '');
  if (/^[0-9a-f]{64}$/.test(etag) && etag !== hash.digest('hex')) throw new Error(`${url}: sha256 does not match the server's`);
  if (bytes === 0) throw new Error(`${url}: empty file`);
}

/**
 * Downloads a transformers.js model into a private staging directory inside MODELS_DIR, checks every file
 * (length, hash when the server gives one, JSON that parses), then renames the finished model directory into
 * place: a download that stops halfway never leaves a model that the loader would pick up (it only looks at
 * `<modelsDir>/<model>`), and the rename is atomic (same filesystem).
 */
export async function downloadModel(opts: ModelDownloadOptions): Promise<InstalledModel> {
  const base = opts.baseUrl.replace(/\/+$/, '');
  await mkdir(opts.modelsDir, { recursive: true });
  const staging = await mkdtemp(join(opts.modelsDir, '.download-'));
  try {
    const target = join(staging, opts.model);
    const url = (file: string) => `${base}/${opts.model.split('/').map(encodeURIComponent).join('/')}/resolve/main/${file}`;
    for (const file of TEXT_FILES) {
      await fetchFile(url(file), join(target, file), opts.signal);
      JSON.parse(await readFile(join(target, file), 'utf8')); // a truncated or HTML error page fails here
    }
    let weights = false;
    for (const file of WEIGHTS) {
      try {
        await fetchFile(url(file), join(target, file), opts.signal);
        weights = true;
        break;
      } catch (err) {
        if (!(err instanceof NotFound)) throw err;
      }
    }
    if (!weights) throw new Error(`${url('onnx/')}: no ONNX weights (tried ${WEIGHTS.join(', ')})`);
    const staged = findInstalledModel(staging, opts.model);
    if (!staged) throw new Error('downloaded files do not form a model');

    const final = join(opts.modelsDir, opts.model);
    await mkdir(dirname(final), { recursive: true });
    // A directory left there by hand without a complete model is moved aside, not merged into.
    if (await stat(final).then(() => true, () => false)) {
      if (findInstalledModel(opts.modelsDir, opts.model)) return findInstalledModel(opts.modelsDir, opts.model)!; // another node won
      await rename(final, join(staging, '.replaced'));
    }
    await rename(target, final);
    const installed = findInstalledModel(opts.modelsDir, opts.model);
    if (!installed) throw new ParleyError('ERR_MODEL_LOAD', { model: opts.model, cause: 'installed model not found after rename' });
    return installed;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
