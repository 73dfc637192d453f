import { initialState } from './state.js';
import type { ViewState } from './types.js';

/** The view state the UI renders and the renderers to tell when it changes; the transitions themselves live in state.ts. */
export class ViewStore {
  state: ViewState = initialState();
  private readonly subscribers = new Set<() => void>();

  subscribe(fn: () => void): () => void {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  set(patch: Partial<ViewState>): void {
    this.state = { ...this.state, ...patch };
    this.subscribers.forEach((fn) => fn());
  }
}
