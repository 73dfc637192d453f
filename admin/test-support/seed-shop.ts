/** TEST-ONLY: a small shop's purchase history through the OrderStore port. */
import { businessExternalId, seededRandom, type Stores } from '../../core/index.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

/**
 * `n` shop customers (`shop-0`...), each buying every 10-64 days on average from day 0-19 of 2026; every third
 * one stops after day 120 (churners). Returns their ids.
 */
export async function seedShop(stores: Stores, n = 60): Promise<string[]> {
  const ids: string[] = [];
  const rand = seededRandom(42);
  for (let c = 0; c < n; c++) {
    const customer = await stores.customers.create({ externalId: businessExternalId(`shop-${c}`) });
    ids.push(customer.id);
    const gap = 10 + (c % 7) * 9;
    const stop = c % 3 === 0 ? 120 : 300;
    // Exponential gaps around the customer's mean: buying is irregular, as in real shops.
    for (let d = c % 20, k = 0; d < stop; d += Math.max(1, Math.round(-gap * Math.log(1 - rand()))), k++) {
      await stores.orders.upsert({
        orderId: `o-${c}-${k}`,
        customerId: customer.id,
        date: new Date(START + d * DAY).toISOString(),
        status: 'delivered',
        lines: [{ productId: `p${k % 3}`, quantity: 1, amount: 10 + c }],
      });
    }
  }
  return ids;
}
