import type { Embedder } from '../../core/index.js';

const WARN_EVERY_MS = 60_000;

/**
 * The node's embedder, with failures logged (at most once a minute) before they reach the caller.
 * A failed embedding lets the model decide that message with its lexical calibration; this is what
 * keeps that fallback visible to operators instead of silent.
 */
export function loggedEmbedder(inner: Embedder, warn: (o: object, msg: string) => void, now: () => number = Date.now): Embedder {
  let lastWarn = -Infinity;
  let failures = 0;
  return {
    info: () => inner.info(),
    close: () => inner.close(),
    embed: async (texts) => {
      try {
        return await inner.embed(texts);
      } catch (err) {
        failures++;
        if (now() - lastWarn >= WARN_EVERY_MS) {
          lastWarn = now();
          warn({ model: inner.info().model, failures, reason: err instanceof Error ? err.message : String(err) }, 'embedding failed: the NLU decides without its semantic member until the embedder recovers');
        }
        throw err;
      }
    },
  };
}
