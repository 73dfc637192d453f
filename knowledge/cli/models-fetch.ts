// npm run models:fetch [-- --model Xenova/all-MiniLM-L6-v2 --models-dir ./models --full-precision]
// Downloads an embedding model from the Hugging Face hub into MODELS_DIR (needs internet; used by
// the Dockerfile). At run time Parley only reads that directory (allowRemoteModels = false).
import { env, pipeline } from '@xenova/transformers';
import { findInstalledModel } from '../embed/model-files.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const modelsDir = String(args.get('models-dir') ?? process.env.MODELS_DIR ?? './models');
const model = String(args.get('model') ?? process.env.EMBEDDING_MODEL ?? 'Xenova/all-MiniLM-L6-v2');
const quantized = !args.has('full-precision');

const already = findInstalledModel(modelsDir, model);
if (already && already.quantized === quantized) {
  process.stderr.write(`${model} is already installed in ${modelsDir}\n`);
} else {
  env.allowRemoteModels = true;
  env.localModelPath = modelsDir;
  // The hub cache layout (<dir>/<owner>/<name>/...) is exactly what the runtime loader reads.
  env.cacheDir = modelsDir;
  process.stderr.write(`downloading ${model} (${quantized ? 'quantized' : 'full precision'}) into ${modelsDir} ...\n`);
  try {
    const extractor = await pipeline('feature-extraction', model, { quantized });
    const out = await extractor(['hello world'], { pooling: 'mean', normalize: true });
    process.stderr.write(`ok: ${out.dims.join('x')} embedding\n`);
  } catch (err) {
    process.stderr.write(`download failed (no internet?): ${err instanceof Error ? err.message : String(err)}\nParley will run FAQ retrieval in lexical mode until the model is installed.\n`);
    process.stdout.write(`${JSON.stringify({ ok: false, model, modelsDir })}\n`);
    process.exit(1);
  }
}
const installed = findInstalledModel(modelsDir, model);
process.stdout.write(`${JSON.stringify({ ok: installed !== null, model, modelsDir, quantized: installed?.quantized ?? null })}\n`);
process.exit(installed ? 0 : 1);
