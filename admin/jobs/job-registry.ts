import { ParleyError, newId, type ErrorCode, type JobView } from '../../core/index.js';

/** A ParleyError's `details.reason` says why (e.g. why training failed) better than its generic message. */
function reason(err: unknown): string {
  const details = (err as { details?: { reason?: unknown } } | null)?.details;
  if (details && typeof details.reason === 'string') return details.reason;
  return err instanceof Error ? err.message : String(err);
}

export type JobRun = (progress: (fraction: number) => void) => Promise<unknown>;

/**
 * In-process background jobs (training): the request returns 202 at once and
 * the console polls GET /api/jobs/:id. Single-node by design; finished jobs are
 * kept (bounded) so a poll after completion still sees the result.
 */
export function createJobRegistry(options: { keep?: number } = {}) {
  const keep = options.keep ?? 50;
  const jobs = new Map<string, JobView>();

  function prune(): void {
    for (const [id, job] of jobs) {
      if (jobs.size <= keep) break;
      if (job.state === 'done' || job.state === 'failed') jobs.delete(id);
    }
  }

  return {
    /** Starts `run` on the next tick. With `exclusiveError`, refuses while a job of the same kind is unfinished. */
    start(kind: string, run: JobRun, exclusiveError?: ErrorCode): JobView {
      if (exclusiveError) {
        const busy = [...jobs.values()].find((j) => j.kind === kind && (j.state === 'queued' || j.state === 'running'));
        if (busy) throw new ParleyError(exclusiveError, { jobId: busy.id });
      }
      const job: JobView = { id: newId(), kind, state: 'queued', progress: 0, createdAt: new Date().toISOString() };
      jobs.set(job.id, job);
      prune();
      setImmediate(() => {
        job.state = 'running';
        const progress = (f: number) => {
          if (job.state === 'running' && Number.isFinite(f)) job.progress = Math.min(1, Math.max(job.progress, f));
        };
        run(progress)
          .then(
            (result) => Object.assign(job, { state: 'done', progress: 1, result }),
            (err: unknown) => Object.assign(job, { state: 'failed', error: reason(err) }),
          )
          .finally(prune);
      });
      return { ...job };
    },
    get(id: string): JobView {
      const job = jobs.get(id);
      if (!job) throw new ParleyError('ERR_JOB_NOT_FOUND', { id });
      return { ...job };
    },
    list(): JobView[] {
      return [...jobs.values()].map((j) => ({ ...j })).reverse();
    },
  };
}
export type JobRegistry = ReturnType<typeof createJobRegistry>;
