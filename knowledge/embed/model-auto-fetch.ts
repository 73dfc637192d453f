import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../core/index.js';
import { downloadModel } from './model-download.js';
import { findInstalledModel, type InstalledModel } from './model-files.js';

export interface AutoFetchOptions {
  modelsDir: string;
  model: string;
  baseUrl: string;
  log: Logger;
  /** Called once, with the model installed and checked. */
  onInstalled(model: InstalledModel): Promise<void>;
  /** Backoff between attempts: doubles from `initialMs` up to `maxMs`. */
  initialMs?: number;
  maxMs?: number;
}

/** Staging directories older than this were left by a crashed download (a live one is younger). */
const STALE_STAGING_MS = 6 * 60 * 60_000;

async function removeStaleStaging(modelsDir: string): Promise<void> {
  const names = await readdir(modelsDir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith('.download-'))) {
    const dir = join(modelsDir, name);
    const s = await stat(dir).catch(() => null);
    if (s && Date.now() - s.mtimeMs > STALE_STAGING_MS) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Fetches the embedding model in the background until it is installed. The first failure is logged once,
 * clearly; later attempts back off quietly. `now()` retries at once (another node installed it, or says the
 * network is back); `stop()` aborts a download in flight.
 */
export function startModelAutoFetch(o: AutoFetchOptions): { now(): void; stop(): void; done: Promise<boolean> } {
  const initialMs = o.initialMs ?? 5_000;
  const maxMs = o.maxMs ?? 15 * 60_000;
  let stopped = false;
  let wake: (() => void) | null = null;
  let abort: AbortController | null = null;
  const url = `${o.baseUrl.replace(/\/+$/, '')}/${o.model}`;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => ((wake = null), resolve()), ms);
      t.unref();
      wake = () => (clearTimeout(t), (wake = null), resolve());
    });

  const done = (async (): Promise<boolean> => {
    await removeStaleStaging(o.modelsDir);
    o.log.info({ model: o.model, from: url, modelsDir: o.modelsDir }, 'embedding model not installed: downloading it in the background (FAQ retrieval is lexical until it is ready; MODELS_AUTO_FETCH=false turns this off)');
    let delay = initialMs;
    let failures = 0;
    while (!stopped) {
      const started = Date.now();
      try {
        abort = new AbortController();
        const installed = findInstalledModel(o.modelsDir, o.model) ?? (await downloadModel({ modelsDir: o.modelsDir, model: o.model, baseUrl: o.baseUrl, signal: abort.signal }));
        if (stopped) return false;
        o.log.info({ model: o.model, ms: Date.now() - started, attempts: failures + 1 }, 'embedding model downloaded and checked');
        await o.onInstalled(installed);
        return true;
      } catch (err) {
        if (stopped) return false;
        failures++;
        if (failures === 1) {
          const reason = err instanceof Error ? `${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ''}` : String(err);
          o.log.warn({ model: o.model, from: url, reason, retryInMs: delay }, 'embedding model download failed (no network?): FAQ retrieval stays lexical; retrying in the background with backoff');
        }
        await sleep(delay);
        delay = Math.min(maxMs, delay * 2);
      } finally {
        abort = null;
      }
    }
    return false;
  })();

  return {
    now: () => wake?.(),
    stop() {
      stopped = true;
      abort?.abort();
      wake?.();
    },
    done,
  };
}
