import { ParleyError, newId, type Bus, type ErrorCode, type JobView } from '../../core/index.js';
import { createJobSync } from './job-sync.js';

/** A ParleyError's `details.reason` says why (e.g. why training failed) better than its generic message. */
function reason(err: unknown): string {
  const details = (err as { details?: { reason?: unknown } } | null)?.details;
  if (details && typeof details.reason === 'string') return details.reason;
  return err instanceof Error ? err.message : String(err);
}

export type JobRun = (progress: (fraction: number) => void) => Promise<unknown>;

/** Progress steps smaller than this are not announced to other nodes (a poll every second sees enough). */
const PUBLISH_STEP = 0.05;
/** A follow-up held back by another node's job looks again this often (that node may have died mid-run). */
const REMOTE_RECHECK_MS = 30_000;

/**
 * Background jobs (training) run in the process that started them: the request
 * returns 202 at once and the console polls GET /api/jobs/:id. Finished jobs
 * are kept (bounded) so a poll after completion still sees the result. With a
 * bus, every state change and progress step is announced, so a poll that lands
 * on another node is answered too, and "one training at a time" holds across nodes.
 */
export function createJobRegistry(options: { keep?: number; bus?: Bus; warn?: (o: object, msg: string) => void } = {}) {
  const keep = options.keep ?? 50;
  const jobs = new Map<string, JobView>();
  /** Per kind, the one follow-up of `enqueue` waiting for the running job to finish. */
  const waiting = new Map<string, { job: JobView; run: JobRun }>();
  const settledListeners = new Map<string, ((job: JobView) => void)[]>();
  const sync = createJobSync(options.bus, keep, options.warn ?? (() => undefined), (remote) => {
    if (remote.state === 'done' || remote.state === 'failed') kick(remote.kind);
  });
  const announce = (job: JobView) => sync.publish({ ...job });

  function prune(): void {
    for (const [id, job] of jobs) {
      if (jobs.size <= keep) break;
      if (job.state === 'done' || job.state === 'failed') jobs.delete(id);
    }
  }
  const unfinished = (kind: string, state: JobView['state']) => [...jobs.values()].find((j) => j.kind === kind && j.state === state);

  function launch(job: JobView, run: JobRun): void {
    setImmediate(() => {
      job.state = 'running';
      announce(job);
      let announced = 0;
      const progress = (f: number) => {
        if (job.state !== 'running' || !Number.isFinite(f)) return;
        job.progress = Math.min(1, Math.max(job.progress, f));
        if (job.progress - announced < PUBLISH_STEP) return;
        announced = job.progress;
        announce(job);
      };
      run(progress)
        .then(
          (result) => Object.assign(job, { state: 'done', progress: 1, result }),
          (err: unknown) => Object.assign(job, { state: 'failed', error: reason(err) }),
        )
        .finally(() => {
          announce(job);
          prune();
          for (const listener of settledListeners.get(job.id) ?? []) listener({ ...job });
          settledListeners.delete(job.id);
          kick(job.kind);
        });
    });
  }

  /** Starts the waiting follow-up of `kind` once no job of that kind runs here or (alive) on another node. */
  function kick(kind: string): void {
    const next = waiting.get(kind);
    if (!next || unfinished(kind, 'running')) return;
    if (sync.busy(kind, Date.now(), ['running'])) {
      setTimeout(() => kick(kind), REMOTE_RECHECK_MS).unref();
      return;
    }
    waiting.delete(kind);
    launch(next.job, next.run);
  }

  function create(kind: string): JobView {
    const job: JobView = { id: newId(), kind, state: 'queued', progress: 0, createdAt: new Date().toISOString() };
    jobs.set(job.id, job);
    prune();
    announce(job);
    return job;
  }

  return {
    /** Starts `run` on the next tick. With `exclusiveError`, refuses while a job of the same kind is unfinished. */
    start(kind: string, run: JobRun, exclusiveError?: ErrorCode): JobView {
      if (exclusiveError) {
        const busy = [...jobs.values()].find((j) => j.kind === kind && (j.state === 'queued' || j.state === 'running')) ?? sync.busy(kind);
        if (busy) throw new ParleyError(exclusiveError, { jobId: busy.id });
      }
      const job = create(kind);
      launch(job, run);
      return { ...job };
    },
    /**
     * One job of `kind` at a time, and requests coalesce: with none running it starts now; while one runs
     * (here or on another node) ONE follow-up is queued and every further request gets that same queued job.
     * The follow-up starts when the running one ends, so it sees every change made meanwhile.
     */
    enqueue(kind: string, run: JobRun): JobView {
      const queued = waiting.get(kind)?.job ?? unfinished(kind, 'queued') ?? sync.busy(kind, Date.now(), ['queued']);
      if (queued) return { ...queued };
      const job = create(kind);
      waiting.set(kind, { job, run });
      kick(kind);
      return { ...job };
    },
    /** Resolves with the finished job (this node's jobs only). */
    settled(id: string): Promise<JobView> {
      const job = jobs.get(id);
      if (!job) return Promise.reject(new ParleyError('ERR_JOB_NOT_FOUND', { id }));
      if (job.state === 'done' || job.state === 'failed') return Promise.resolve({ ...job });
      return new Promise((resolve) => settledListeners.set(id, [...(settledListeners.get(id) ?? []), resolve]));
    },
    get(id: string): JobView {
      const job = jobs.get(id) ?? sync.get(id);
      if (!job) throw new ParleyError('ERR_JOB_NOT_FOUND', { id });
      return { ...job };
    },
    /** Newest first, this node's and (with a bus) the others'. */
    list(): JobView[] {
      return [...jobs.values(), ...sync.list()].map((j) => ({ ...j })).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
  };
}
export type JobRegistry = ReturnType<typeof createJobRegistry>;
