import { describe, expect, it } from '@jest/globals';
import { computeInsights, type CrmModelRun } from '../models/insights.js';
import type { OrderLine } from '../models/input.js';
import { simulate, toLineBatches } from '../testing/simulate.js';
import { runModelsInWorker } from './run-models.js';

describe('runModelsInWorker', () => {
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
    const customers: CrmModelRun['customers'] = [];
    let done = false;
    const summary = await runModelsInWorker(
      { asOf, conversations: [], lines: scan() },
      { customers: async (items) => void customers.push(...items), linesDone: () => (done = true) },
    );
    expect([pulled, done]).toEqual([batches.length, true]);
    const here = await computeInsights(scan(), [], { asOf });
    expect(customers).toHaveLength(300);
    expect({ customers, summary }).toEqual(here);
  }, 240_000);
});
