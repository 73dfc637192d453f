/** Delayed reconnects and resends, kept so that tearing the widget down cancels every one of them. */
export class RetryTimers {
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly delayMs: number) {}

  later(fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, this.delayMs);
    this.timers.add(t);
  }

  clear(): void {
    this.timers.forEach((t) => clearTimeout(t));
  }
}
