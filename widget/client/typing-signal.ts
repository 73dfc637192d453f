import type { WidgetContext } from './widget-context.js';

const TYPING_IDLE_MS = 3_000;

/** Customer typing, throttled: one `true` per burst of keystrokes, `false` after 3 s of silence. */
export class TypingSignal {
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ctx: WidgetContext) {}

  keystroke(): void {
    const { socket, view } = this.ctx;
    if (!socket?.connected || !view.state.conversation || view.state.conversation.state === 'closed') return;
    if (!this.idleTimer) socket.emit('typing', { typing: true });
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      this.ctx.socket?.emit('typing', { typing: false });
    }, TYPING_IDLE_MS);
  }

  stop(): void {
    clearTimeout(this.idleTimer);
  }
}
