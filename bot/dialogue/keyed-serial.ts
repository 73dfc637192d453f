/**
 * Runs tasks one at a time per key, in call order (a Map of promise chains).
 * A failing task never breaks the chain for the next one; the map forgets a
 * key as soon as its last task settles so idle conversations cost nothing.
 */
export class KeyedSerial {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Number of keys with work queued or running. */
  get size(): number {
    return this.tails.size;
  }

  /** Resolves when everything queued so far (and anything queued meanwhile) has settled. */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
