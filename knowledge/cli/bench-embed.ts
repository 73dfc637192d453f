// npm run bench:embed -- --data ../shared/datasets/clinc150.json [--model static] [--models-dir ./models] [--n 5000]
// Embedding throughput of the node's embedder: texts/s one at a time and in batches of 32, p50/p99 per text.
// Progress on stderr; the last stdout line is one JSON object.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Embedder } from '../../core/index.js';
import { findInstalledModel } from '../embed/model-files.js';
import { findStaticTable, STATIC_MODEL_NAME, StaticEmbedder } from '../embed/static/static-embedder.js';
import { TransformersEmbedder } from '../embed/transformers-embedder.js';
import { parseArgs, percentile, round } from './args.js';

const args = parseArgs(process.argv.slice(2));
const modelsDir = String(args.get('models-dir') ?? process.env.MODELS_DIR ?? './models');
const model = String(args.get('model') ?? STATIC_MODEL_NAME);
const n = Number(args.get('n') ?? 5000);
// Any NLU (train/test texts) or FAQ (questions/queries) data set file: only its texts are read.
const raw = JSON.parse(readFileSync(String(args.get('data')), 'utf8')) as Record<string, { text?: string; question?: string }[] | unknown>;
const texts = Object.values(raw).flatMap((v) => (Array.isArray(v) ? (v as { text?: string; question?: string }[]).map((e) => e.text ?? e.question ?? '') : [])).filter(Boolean).slice(0, n);

const table = model === STATIC_MODEL_NAME ? findStaticTable(modelsDir) : null;
const installed = model === STATIC_MODEL_NAME ? null : findInstalledModel(modelsDir, model);
const embedder: Embedder | null = table ? await StaticEmbedder.open(table) : installed ? await TransformersEmbedder.start(installed) : null;
if (!embedder) {
  process.stderr.write(`no ${model} in ${modelsDir} (npm run models:distil / models:fetch)\n`);
  process.exit(1);
}
for (const t of texts.slice(0, 200)) await embedder.embed([t]);
const times: number[] = [];
const t0 = performance.now();
for (const t of texts) {
  const s = performance.now();
  await embedder.embed([t]);
  times.push(performance.now() - s);
}
const single = performance.now() - t0;
const t1 = performance.now();
for (let i = 0; i < texts.length; i += 32) await embedder.embed(texts.slice(i, i + 32));
const batched = performance.now() - t1;
times.sort((a, b) => a - b);
process.stderr.write(`${embedder.info().model}: ${texts.length} texts\n`);
process.stdout.write(`${JSON.stringify({ model: embedder.info().model, dimensions: embedder.info().dimensions, texts: texts.length, perSecond: Math.round(texts.length / (single / 1000)), perSecondBatched: Math.round(texts.length / (batched / 1000)), p50Ms: round(percentile(times, 50)), p99Ms: round(percentile(times, 99)) })}\n`);
await embedder.close();
