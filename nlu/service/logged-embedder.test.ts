import { describe, expect, it } from '@jest/globals';
import { loggedEmbedder } from './logged-embedder.js';

describe('loggedEmbedder', () => {
  it('passes vectors through, and logs failures at most once a minute while still rejecting', async () => {
    let fail = false;
    const inner = { info: () => ({ model: 'm', dimensions: 1 }), close: async () => undefined, embed: async (t: string[]) => { if (fail) throw new Error('worker died'); return t.map(() => Float32Array.of(1)); } };
    const warnings: object[] = [];
    let clock = 0;
    const e = loggedEmbedder(inner, (o) => void warnings.push(o), () => clock);
    expect(await e.embed(['a'])).toEqual([Float32Array.of(1)]);
    fail = true;
    await expect(e.embed(['a'])).rejects.toThrow('worker died');
    await expect(e.embed(['a'])).rejects.toThrow('worker died');
    expect(warnings).toEqual([{ model: 'm', failures: 1, reason: 'worker died' }]);
    clock = 60_000;
    await expect(e.embed(['a'])).rejects.toThrow();
    expect(warnings.at(-1)).toEqual({ model: 'm', failures: 3, reason: 'worker died' });
  });
});
