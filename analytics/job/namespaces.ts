import type { KeyValueStore, Logger } from '../../core/index.js';
import { jobStateSchema } from '../store/record-schemas.js';
import { typedRecord } from '../store/typed-record.js';

/** KeyValueStore namespaces owned by analytics (all recomputable from the stores, except imports). */
export const NS = {
  turns: 'analytics.turns',
  settled: 'analytics.convs.settled',
  recent: 'analytics.convs.recent',
  meta: 'analytics.meta',
  models: 'analytics.models',
} as const;

export interface JobState {
  /** Interactions with createdAt < watermarkMs (and the ids at exactly watermarkMs) are in the rollups. */
  watermarkMs: number | null;
  watermarkIds: string[];
  /** Conversations created before this are folded into the settled rollups; newer ones are recomputed each run. */
  cutoffMs: number | null;
  /** Set by markDirty() (customer erased) or by a run that did not finish: the next run recomputes everything. */
  dirty: boolean;
  running: boolean;
  /** Imports changed the inputs: retrain on the next run. */
  modelStale: boolean;
  lastRunAt: string | null;
  lastFullAt: string | null;
  lastModelAt: string | null;
  /** Bumped by every run that wrote rollups: overview caches key on it. */
  version: number;
}

export const initialJobState = (): JobState => ({
  watermarkMs: null,
  watermarkIds: [],
  cutoffMs: null,
  dirty: false,
  running: false,
  modelStale: false,
  lastRunAt: null,
  lastFullAt: null,
  lastModelAt: null,
  version: 0,
});

export async function loadJobState(kv: KeyValueStore, log?: Pick<Logger, 'warn'>): Promise<JobState | null> {
  return typedRecord(kv, NS.meta, 'state', jobStateSchema, log).get();
}

export async function saveJobState(kv: KeyValueStore, s: JobState): Promise<void> {
  await kv.put(NS.meta, 'state', s);
}

/** Read-modify-write of a few flags (markDirty, imports) without touching the job's progress. */
export async function patchJobState(kv: KeyValueStore, patch: Partial<JobState>): Promise<void> {
  const s = (await loadJobState(kv)) ?? initialJobState();
  await saveJobState(kv, { ...s, ...patch });
}

export async function clearNamespace(kv: KeyValueStore, ns: string): Promise<void> {
  for (const key of await kv.keys(ns)) await kv.delete(ns, key);
}

export const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
