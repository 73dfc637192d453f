import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on a TypeScript module. Node 20 resolves a worker's `.ts` entry before
 * any `--import tsx` hook is active in it, so a tiny script registers tsx first and then imports
 * the entry. Works under `node --import tsx` and jest alike.
 */
export function startTsWorker(entry: URL, workerData?: unknown): Worker {
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { eval: true, workerData });
}
