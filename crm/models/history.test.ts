import { describe, expect, it } from '@jest/globals';
import { buildHistories, DAY_MS } from './history.js';
import type { OrderLine } from './input.js';

const line = (customerId: string, orderId: string, date: string, amount: number): OrderLine => ({ customerId, orderId, date, amount });

describe('purchase histories as of a date', () => {
  it('groups lines into orders, merges same-day orders, handles returns and zero orders, ignores lines at or after asOf', async () => {
    const batches: OrderLine[][] = [
      [line('a', 'o1', '2024-01-01', 10), line('a', 'o1', '2024-01-01', 5), line('b', 'o2', '2024-01-02', 7)],
      // o1's last line arrives in the next batch: still the same order.
      [line('a', 'o1', '2024-01-01', 1), line('a', 'o3', '2024-01-05T10:00:00Z', 20), line('a', 'o4', '2024-01-05T15:00:00Z', 4)],
      [line('a', 'r1', '2024-01-06', -8), line('b', 'z1', '2024-01-07', 0), line('b', 'o5', '2024-01-09', 100), line('c', 'x', 'not a date', 3)],
    ];
    const h = await buildHistories(batches, new Date('2024-01-09T00:00:00Z'));
    const a = h.ids.indexOf('a');
    const b = h.ids.indexOf('b');
    expect(h.orders[a]).toBe(3);
    expect(h.returns[a]).toBe(1);
    expect(h.revenue[a]).toBeCloseTo(16 + 24 - 8);
    expect(h.grossRevenue[a]).toBeCloseTo(40);
    // Two purchase days for a: Jan 1 (16) and Jan 5 (20 + 4 merged).
    const occ = Array.from(h.occValue.slice(h.occStart[a]!, h.occStart[a + 1]!));
    expect(occ).toEqual([16, 24]);
    expect(h.orders[b]).toBe(1);
    expect(h.stats).toMatchObject({ lines: 10, linesAfterAsOf: 1, badDates: 1, returns: 1, zeroOrders: 1 });
    expect(new Date(h.lastOrderMs[a]!).toISOString()).toBe('2024-01-05T15:00:00.000Z');
  });

  it('sorts a customer\'s purchases when the input is not oldest first', async () => {
    const h = await buildHistories([[line('a', 'o2', '2024-02-01', 2), line('a', 'o1', '2024-01-01', 1), line('a', 'o3', '2024-01-15', 3)]], new Date('2025-01-01'));
    expect(Array.from(h.occDay)).toEqual(['2024-01-01', '2024-01-15', '2024-02-01'].map((d) => Date.parse(d) / DAY_MS));
    expect(Array.from(h.occValue)).toEqual([1, 3, 2]);
  });

  it('accepts an async stream of batches', async () => {
    async function* gen() {
      yield [line('a', 'o1', '2024-01-01', 1)];
      yield [line('a', 'o2', '2024-01-03', 2)];
    }
    const h = await buildHistories(gen(), new Date('2024-02-01'));
    expect(h.orders[0]).toBe(2);
  });
});
