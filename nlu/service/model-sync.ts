import { z } from 'zod';
import { busTopic, type Bus } from '../../core/index.js';
import type { NluLog } from './nlu-service.js';

/** Bus topic: a node activated a model; the others reload the active one from the shared store. */
export const NLU_MODEL_ACTIVATED = 'nlu.model.activated';

/**
 * One node's side of the bus for NLU models: announces its activations and,
 * for another node's, calls `reload` unless this node already serves that
 * version. Reload re-reads the active record, so a message is only a hint.
 */
export function createModelSync(bus: Bus | undefined, log: NluLog, liveVersion: () => string | null, reload: () => Promise<void>) {
  const topic = busTopic(bus, NLU_MODEL_ACTIVATED, { version: z.string().min(1).max(200) }, log, ({ version }) => {
    if (version === liveVersion()) return;
    reload().then(
      () => log.info({ version: liveVersion(), announced: version }, 'nlu model activated on another node'),
      (err: unknown) => log.warn({ reason: err instanceof Error ? err.message : String(err) }, 'reloading the model another node activated failed'),
    );
  });
  return { announce: (version: string) => topic.publish({ version }) };
}
