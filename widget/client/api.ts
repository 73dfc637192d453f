import type { WidgetController } from './controller.js';
import type { Identity, ParleyEvent } from './types.js';

/** `window.Parley`: the host page's handle on the widget. */
export interface ParleyApi {
  open(): void;
  close(): void;
  toggle(): void;
  identify(identity: Identity): void;
  on(event: ParleyEvent, fn: (payload: unknown) => void): () => void;
  off(event: ParleyEvent, fn: (payload: unknown) => void): void;
}

/** Calls queued before the script loaded (`window.Parley = { q: [['open']] }`), replayed once we are ready. */
type Queued = { q?: unknown[][] } | undefined;

export function createApi(ctrl: WidgetController): ParleyApi {
  return {
    open: () => ctrl.open(),
    close: () => ctrl.close(),
    toggle: () => (ctrl.state.open ? ctrl.close() : ctrl.open()),
    identify: (identity) => ctrl.identify(identity),
    on: (event, fn) => ctrl.events.on(event, fn),
    off: (event, fn) => ctrl.events.off(event, fn),
  };
}

export function replayQueue(api: ParleyApi, previous: Queued): void {
  for (const call of previous?.q ?? []) {
    const [name, ...args] = call;
    const fn = typeof name === 'string' ? (api as unknown as Record<string, unknown>)[name] : undefined;
    if (typeof fn === 'function') (fn as (...a: unknown[]) => void)(...args);
  }
}
