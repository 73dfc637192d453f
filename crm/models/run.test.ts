import { describe, expect, it } from '@jest/globals';
import { simulate, toLineBatches } from '../testing/simulate.js';
import type { OrderLine } from './input.js';
import { runCrmModels, runCrmModelsInWorker } from './run.js';

describe('runCrmModels', () => {
  it('gives the same insights in a worker thread as in this thread, pulling the scan batch by batch', async () => {
    const sim = simulate(300, { r: 1, alpha: 30, a: 0.8, b: 3, p: 4, q: 5, gamma: 60 }, { joinDays: 200, endDays: 300, seed: 2 });
    const batches = toLineBatches(sim, Date.UTC(2024, 0, 1), 100) as OrderLine[][];
    let pulled = 0;
    async function* scan() {
      for (const b of batches) {
        pulled++;
        yield b;
      }
    }
    const asOf = new Date(Date.UTC(2024, 0, 1) + 300 * 86_400_000);
    const inWorker = await runCrmModelsInWorker(scan, null, asOf);
    expect(pulled).toBe(batches.length);
    const here = await runCrmModels(scan, null, asOf);
    expect(inWorker.customers.length).toBe(300);
    expect(inWorker).toEqual(here);
  }, 240_000);
});
