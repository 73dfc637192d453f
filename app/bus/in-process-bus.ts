import type { Bus } from '../../core/index.js';

/**
 * One node: every subscriber of a topic gets every message published on it,
 * the publisher's own included (as with Redis), after the current macrotask so
 * a publisher never re-enters its subscribers mid-operation.
 */
export function createInProcessBus(): Bus {
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  let closed = false;
  return {
    async publish(topic, payload) {
      if (closed) return;
      // Each subscriber gets its own copy, as each Redis subscriber parses its own.
      for (const h of handlers.get(topic) ?? []) {
        const copy: unknown = structuredClone(payload);
        setImmediate(() => h(copy));
      }
    },
    subscribe(topic, handler) {
      const set = handlers.get(topic) ?? new Set();
      set.add(handler);
      handlers.set(topic, set);
      return () => void set.delete(handler);
    },
    async close() {
      closed = true;
      handlers.clear();
    },
  };
}
