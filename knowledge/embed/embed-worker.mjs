// Worker thread: transformers.js inference off the main thread (ONNX blocks its
// thread, ~8 ms per MiniLM sentence; the main thread must keep serving chats).
// Plain ESM JavaScript on purpose: Node 20 cannot apply tsx's loader hooks
// inside worker threads, so worker entry points must not need compiling.
import { parentPort, workerData } from 'node:worker_threads';
import { env, pipeline } from '@xenova/transformers';

/** @type {{ modelsDir: string, name: string, quantized: boolean }} */
const init = workerData;
env.localModelPath = init.modelsDir;
env.allowRemoteModels = false;
env.allowLocalModels = true;

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
let queue = Promise.resolve();

async function main() {
  let extractor;
  try {
    extractor = await pipeline('feature-extraction', init.name, { quantized: init.quantized });
    const probe = await extractor(['dimension probe'], { pooling: 'mean', normalize: true });
    port.postMessage({ type: 'ready', dimensions: probe.dims[probe.dims.length - 1] });
  } catch (err) {
    port.postMessage({ type: 'failed', error: err instanceof Error ? err.message : String(err) });
    return;
  }
  port.on('message', (/** @type {{ id: number, texts: string[] }} */ req) => {
    // One batch at a time: an onnxruntime session is not re-entrant.
    queue = queue.then(async () => {
      try {
        const out = await extractor(req.texts, { pooling: 'mean', normalize: true });
        const dim = out.dims[out.dims.length - 1];
        const data = new Float32Array(out.data);
        port.postMessage({ type: 'result', id: req.id, dim, data }, [data.buffer]);
      } catch (err) {
        port.postMessage({ type: 'error', id: req.id, error: err instanceof Error ? err.message : String(err) });
      }
    });
  });
}

void main();
