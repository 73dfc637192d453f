import { describe, expect, it } from '@jest/globals';
import { KeyedSerial } from './keyed-serial.js';

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('KeyedSerial', () => {
  it('runs tasks of one key one at a time, in call order', async () => {
    const q = new KeyedSerial();
    const log: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const task = (name: string, hops: number) => async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      log.push(`start ${name}`);
      for (let i = 0; i < hops; i++) await tick();
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all([q.run('c1', task('a', 3)), q.run('c1', task('b', 1)), q.run('c1', task('c', 2))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(maxRunning).toBe(1);
  });

  it('lets different keys interleave', async () => {
    const q = new KeyedSerial();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };
    await Promise.all([q.run('x', task('x')), q.run('y', task('y'))]);
    expect(log.slice(0, 2)).toEqual(['start x', 'start y']);
  });

  it('keeps going after a failing task and forgets idle keys', async () => {
    const q = new KeyedSerial();
    const failing = q.run('k', async () => {
      throw new Error('boom');
    });
    const next = q.run('k', async () => 'ok');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
    await q.drain();
    expect(q.size).toBe(0);
  });
});
