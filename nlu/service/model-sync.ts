import { z } from 'zod';
import { newId, type Bus } from '../../core/index.js';
import type { NluLogger } from './nlu-service.js';

/** Bus topic: a node activated a model; the others reload the active one from the shared store. */
export const NLU_MODEL_ACTIVATED = 'nlu.model.activated';
const activatedSchema = z.strictObject({ origin: z.string().min(1).max(64), version: z.string().min(1).max(200) });

/**
 * One node's side of the bus for NLU models: announces its activations and,
 * for another node's, calls `reload` unless this node already serves that
 * version. Reload re-reads the active record, so a message is only a hint.
 */
export function createModelSync(bus: Bus | undefined, log: NluLogger, liveVersion: () => string | null, reload: () => Promise<void>) {
  const origin = newId();
  bus?.subscribe(NLU_MODEL_ACTIVATED, (raw) => {
    const msg = activatedSchema.safeParse(raw);
    if (!msg.success) return log.warn({}, 'ignoring a malformed nlu.model.activated message');
    if (msg.data.origin === origin || msg.data.version === liveVersion()) return;
    reload().then(
      () => log.info({ version: liveVersion(), announced: msg.data.version }, 'nlu model activated on another node'),
      (err: unknown) => log.warn({ reason: err instanceof Error ? err.message : String(err) }, 'reloading the model another node activated failed'),
    );
  });
  return {
    announce(version: string): void {
      bus?.publish(NLU_MODEL_ACTIVATED, { origin, version }).catch((err: unknown) =>
        log.warn({ reason: err instanceof Error ? err.message : String(err) }, 'could not tell other nodes about the new model; they load it at their next start'),
      );
    },
  };
}
