import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread from a plain `.mjs` module beside this one. Node 20
 * does not apply tsx's loader hooks inside workers, so worker entry points are
 * JavaScript; jest's `--experimental-vm-modules` flag is not passed on.
 */
export function startWorker(url: URL, workerData?: unknown): Worker {
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--experimental-vm-modules'));
  return new Worker(url, { execArgv, workerData });
}
