// Worker thread: bulk HNSW construction blocks its thread for seconds at 100k
// vectors, so it runs here and the main thread swaps the finished file in.
// Plain ESM JavaScript: Node 20 cannot apply tsx's hooks inside workers.
import { parentPort, workerData } from 'node:worker_threads';
import hnswlib from 'hnswlib-node';

/** @type {{ path: string, dim: number, maxElements: number, labels: Uint32Array, vectors: Float32Array, m: number, efConstruction: number }} */
const job = workerData;
const index = new hnswlib.HierarchicalNSW('cosine', job.dim);
index.initIndex({ maxElements: job.maxElements, m: job.m, efConstruction: job.efConstruction, randomSeed: 100, allowReplaceDeleted: true });
for (let i = 0; i < job.labels.length; i++) {
  index.addPoint(Array.from(job.vectors.subarray(i * job.dim, (i + 1) * job.dim)), job.labels[i]);
}
index.writeIndexSync(job.path);
parentPort?.postMessage({ ok: true });
