import type { JobRegistry, JobRun } from './job-registry.js';
import type { JobView } from '../../core/index.js';
import type { AdminNlu } from '../services.js';

/** The job kind of NLU training: one at a time across nodes, requests coalesce (JobRegistry.enqueue). */
export const NLU_TRAIN_JOB = 'nlu.train';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Queues a training (or joins the one already queued). `after` runs with the outcome (audit).
 * A training started outside the registry (a script in this process) is waited for, not failed against.
 */
export function enqueueTraining(
  jobs: JobRegistry,
  nlu: Pick<AdminNlu, 'train' | 'status'>,
  opts: { regressionMargin?: number; after?: (outcome: { result?: unknown; error?: unknown }) => Promise<void> } = {},
): JobView {
  const run: JobRun = async (progress) => {
    while (nlu.status().training) await sleep(200);
    try {
      const result = await nlu.train({ onProgress: progress, regressionMargin: opts.regressionMargin });
      await opts.after?.({ result });
      return result;
    } catch (error) {
      await opts.after?.({ error });
      throw error;
    }
  };
  return jobs.enqueue(NLU_TRAIN_JOB, run);
}
