import type { ParleyEvent } from './types.js';

type Listener = (payload: unknown) => void;

/** The `Parley.on(...)` event hub; a throwing host listener never breaks the widget. */
export class Emitter {
  private readonly listeners = new Map<ParleyEvent, Set<Listener>>();

  on(event: ParleyEvent, fn: Listener): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(fn);
    return () => this.off(event, fn);
  }

  off(event: ParleyEvent, fn: Listener): void {
    this.listeners.get(event)?.delete(fn);
  }

  emit(event: ParleyEvent, payload?: unknown): void {
    for (const fn of this.listeners.get(event) ?? []) {
      try {
        fn(payload);
      } catch (err) {
        console.error('[parley] listener failed', err);
      }
    }
  }
}
