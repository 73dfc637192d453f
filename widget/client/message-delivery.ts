import { ACK_TIMEOUT_MS } from './acked-request.js';
import { applyAccepted, replaceItem } from './state.js';
import type { Ack } from './types.js';
import type { WidgetContext } from './widget-context.js';
import { errorText, t } from './i18n/index.js';

const MAX_CODE_POINTS = 4000;

type Sent = { messageId: string; conversationId: string; duplicate: boolean };

function newClientMessageId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

/**
 * A customer message joins the outbox and shows at once as `queued`; false when it is empty
 * or too long (then the customer sees why). The caller connects and flushes.
 */
export function enqueueMessage(ctx: WidgetContext, raw: string): boolean {
  const { view } = ctx;
  const text = raw.trim();
  if (!text) return false;
  if ([...text].length > MAX_CODE_POINTS) {
    view.set({ notice: t('errTooLong', { max: MAX_CODE_POINTS }) });
    return false;
  }
  const key = newClientMessageId();
  ctx.outbox.add(key, text);
  const item = { key, author: 'customer' as const, text, createdAt: new Date().toISOString(), delivery: 'queued' as const };
  view.set({ items: [...view.state.items, item], notice: null, csat: view.state.csat === 'pending' ? 'none' : view.state.csat });
  return true;
}

/** A refused message can be sent again by the customer, with the same clientMessageId. */
export function retryFailed(ctx: WidgetContext, key: string): void {
  const { view } = ctx;
  const item = view.state.items.find((i) => i.key === key);
  if (!item || item.delivery !== 'failed') return;
  ctx.outbox.add(key, item.text);
  view.set({ items: replaceItem(view.state.items, key, { delivery: 'queued', errorCode: undefined }) });
  flush(ctx);
}

/**
 * Sends the outbox's next message while online. Timeouts and rate limits go back to the
 * queue for a later try with the same id; any other refusal marks the message failed.
 */
export function flush(ctx: WidgetContext): void {
  const { view, outbox, socket } = ctx;
  if (view.state.connection !== 'online' || !socket) return;
  const entry = outbox.next();
  if (!entry) return;
  const attempt = outbox.begin(entry);
  const { clientMessageId, text } = entry;
  view.set({ items: replaceItem(view.state.items, clientMessageId, { delivery: 'sending' }) });
  socket.timeout(ACK_TIMEOUT_MS).emit('message', { clientMessageId, text }, (err: Error | null, res: Ack<Sent>) => {
    if (!outbox.settle(clientMessageId, attempt)) return; // an older attempt answering late
    if (err) return requeue(ctx, clientMessageId);
    if (!res.ok && res.error.code === 'ERR_RATE_LIMITED') return requeue(ctx, clientMessageId);
    if (!res.ok) {
      outbox.remove(clientMessageId);
      view.set({ items: replaceItem(view.state.items, clientMessageId, { delivery: 'failed', errorCode: res.error.code }), notice: errorText(res.error) });
    } else {
      outbox.remove(clientMessageId);
      view.set(applyAccepted(view.state, clientMessageId, res));
    }
    flush(ctx);
  });
}

function requeue(ctx: WidgetContext, key: string): void {
  ctx.view.set({ items: replaceItem(ctx.view.state.items, key, { delivery: 'queued' }) });
  ctx.timers.later(() => flush(ctx));
}
