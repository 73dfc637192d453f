import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { createInProcessBus } from '../app/bus/in-process-bus.js';
import { busTopic } from './bus-topic.js';
import type { Bus } from './ports/bus.js';

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('busTopic', () => {
  it("delivers other nodes' messages without the origin, never the node's own, and drops malformed ones with a warning", async () => {
    const bus = createInProcessBus();
    const warnings: string[] = [];
    const log = { warn: (_o: object, msg: string) => void warnings.push(msg) };
    const seenA: unknown[] = [];
    const seenB: unknown[] = [];
    const a = busTopic(bus, 't', { n: z.number() }, log, (m) => seenA.push(m));
    const b = busTopic(bus, 't', { n: z.number() }, log, (m) => seenB.push(m));
    a.publish({ n: 1 });
    await settle();
    expect(seenA).toEqual([]);
    expect(seenB).toEqual([{ n: 1 }]);
    await bus.publish('t', { origin: 'x', n: 'one' });
    await settle();
    expect(warnings).toEqual(['ignoring a malformed t message', 'ignoring a malformed t message']); // each node drops it
    b.close();
    a.publish({ n: 2 });
    await settle();
    expect(seenB).toEqual([{ n: 1 }]);
  });

  it('logs a failed publish instead of throwing', async () => {
    const broken: Bus = { publish: () => Promise.reject(new Error('redis down')), subscribe: () => () => undefined, close: async () => undefined };
    const warnings: object[] = [];
    busTopic(broken, 't', {}, { warn: (o) => void warnings.push(o) }, () => undefined).publish({});
    await settle();
    expect(warnings).toEqual([{ topic: 't', err: 'redis down' }]);
  });
});
