import { z } from 'zod';
import { busTopic, jobStateSchema, type Bus, type JobView } from '../../core/index.js';

/** Bus topic: a node's job changed state or progressed; the others keep a copy so any node can answer a poll. */
export const JOB_UPDATED = 'job.updated';
/** A remote job that has not been heard of for this long is taken as dead (its node stopped mid-run). */
export const REMOTE_JOB_STALE_MS = 10 * 60_000;

const jobUpdatedShape = {
  job: z.strictObject({
    id: z.string().min(1).max(64),
    kind: z.string().min(1).max(64),
    state: jobStateSchema,
    progress: z.number().min(0).max(1),
    result: z.unknown().optional(),
    error: z.string().max(2000).optional(),
    createdAt: z.string().max(40),
  }),
};

export interface RemoteJob {
  job: JobView;
  heardAt: number;
}

/** Publishes this node's job snapshots; keeps the latest snapshot of other nodes' jobs (bounded). */
export function createJobSync(bus: Bus | undefined, keep: number, warn: (o: object, msg: string) => void, onUpdate: (job: JobView) => void = () => undefined) {
  const remote = new Map<string, RemoteJob>();
  const topic = busTopic(bus, JOB_UPDATED, jobUpdatedShape, { warn }, ({ job }) => {
    remote.delete(job.id); // re-insert: newest last
    remote.set(job.id, { job: job as JobView, heardAt: Date.now() });
    for (const id of remote.keys()) {
      if (remote.size <= keep) break;
      remote.delete(id);
    }
    onUpdate(job as JobView);
  });
  return {
    publish(job: JobView): void {
      topic.publish({ job });
    },
    get(id: string): JobView | undefined {
      return remote.get(id)?.job;
    },
    list(): JobView[] {
      return [...remote.values()].map((r) => r.job);
    },
    /** Another node's unfinished job of this kind (in one of `states`) that is still alive. */
    busy(kind: string, now = Date.now(), states: readonly JobView['state'][] = ['queued', 'running']): JobView | undefined {
      for (const r of remote.values()) {
        if (r.job.kind === kind && states.includes(r.job.state) && now - r.heardAt < REMOTE_JOB_STALE_MS) return r.job;
      }
      return undefined;
    },
  };
}
