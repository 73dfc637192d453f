/** A customer message waiting for its ack. Retries reuse the clientMessageId, so the server never stores it twice. */
export interface OutboxEntry {
  clientMessageId: string;
  text: string;
  /** Bumped per send; a late ack or timeout of an older attempt is ignored. */
  attempt: number;
  inFlight: boolean;
}

/**
 * Outgoing messages, sent one at a time in order: the first message of a
 * conversation creates it, so later ones must not race it.
 */
export class Outbox {
  private readonly entries = new Map<string, OutboxEntry>();

  add(clientMessageId: string, text: string): void {
    this.entries.set(clientMessageId, { clientMessageId, text, attempt: 0, inFlight: false });
  }

  has(clientMessageId: string): boolean {
    return this.entries.has(clientMessageId);
  }

  /** The next entry to send, unless one is already in flight. */
  next(): OutboxEntry | undefined {
    for (const e of this.entries.values()) return e.inFlight ? undefined : e;
    return undefined;
  }

  begin(entry: OutboxEntry): number {
    entry.inFlight = true;
    entry.attempt += 1;
    return entry.attempt;
  }

  /** True when this answer belongs to the current attempt (then the entry is no longer in flight). */
  settle(clientMessageId: string, attempt: number): boolean {
    const e = this.entries.get(clientMessageId);
    if (!e || e.attempt !== attempt) return false;
    e.inFlight = false;
    return true;
  }

  remove(clientMessageId: string): void {
    this.entries.delete(clientMessageId);
  }

  /** After a disconnect no ack will come for what was in flight: send it again. */
  resetInFlight(): void {
    for (const e of this.entries.values()) {
      e.inFlight = false;
      e.attempt += 1;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
