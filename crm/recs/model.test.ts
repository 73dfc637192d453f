import { describe, expect, it } from '@jest/globals';
import { fitRecModel, recommendFor } from './model.js';
import { ownHistory, PurchasesBuilder } from './purchases.js';
import { rankingFigures } from './metrics.js';
import { spdInverse } from './ease.js';

// Two kinds of shoppers: tea (t1, t2, t3) and coffee (c1, c2, c3); every product bought on separate days.
function shop() {
  const b = new PurchasesBuilder();
  let order = 0;
  const buy = (customer: string, day: number, products: string[], amount = 5) =>
    products.forEach((productId) => b.add({ customerId: customer, orderId: `o${order}`, date: `2026-01-${String(day).padStart(2, '0')}`, productId, amount })) ?? order++;
  for (let i = 0; i < 30; i++) {
    const kind = i % 2 ? 't' : 'c';
    buy(`u${i}`, 1, [`${kind}1`, `${kind}2`]);
    buy(`u${i}`, 2 + (i % 5), [`${kind}3`, `${kind}1`]);
  }
  buy('new-tea', 3, ['t1']);
  buy('returner', 3, ['t1', 't2']);
  buy('returner', 4, ['t2'], -5);
  return b.finish();
}

describe('recommender', () => {
  const p = shop();
  const own = p.baskets.map(ownHistory);
  const model = fitRecModel(own, p.products.length, { lambda: 2, tau: 180, beta: 0.1 });
  const names = (c: string, onlyNew: boolean) =>
    recommendFor(model, own[p.customers.indexOf(c)]!, 3, onlyNew).map((s) => ({ ...s, product: p.products[s.product], because: s.because === undefined ? undefined : p.products[s.because] }));

  it('recommends what is bought together with the customer\'s products, saying with which', () => {
    const fresh = names('new-tea', true);
    expect(fresh.slice(0, 2).map((s) => s.product).sort()).toEqual(['t2', 't3']);
    expect(fresh[0]).toMatchObject({ reason: 'bought-together', because: 't1' });
    expect(fresh.map((s) => s.product)).not.toContain('t1');
  });

  it('leads with buy-again in the any-product list', () => {
    expect(names('u1', false)[0]).toMatchObject({ product: 't1', reason: 'bought-before' });
  });

  it('never recommends a product the customer returned', () => {
    for (const onlyNew of [false, true]) expect(names('returner', onlyNew).map((s) => s.product)).not.toContain('t2');
    expect(own[p.customers.indexOf('returner')]!.returned.has(p.productIndex.get('t2')!)).toBe(true);
  });

  it('falls back on popular products for a customer without history', () => {
    const empty = ownHistory([]);
    const list = recommendFor(model, empty, 3, false);
    expect(list).toHaveLength(3);
    expect(list.every((s) => s.reason === 'popular')).toBe(true);
  });
});

describe('ranking figures and the inverse', () => {
  it('scores hits by position', () => {
    expect(rankingFigures([1, 2, 3], new Set([2, 9]), 10)).toEqual({ hr: 1, ndcg: (1 / Math.log2(3)) / (1 + 1 / Math.log2(3)), recall: 0.5 });
    expect(rankingFigures([1], new Set([2]), 10).hr).toBe(0);
  });

  it('inverts a symmetric positive definite matrix', () => {
    const a = [4, 1, 0, 1, 3, 1, 0, 1, 2];
    const inv = spdInverse(Float64Array.from(a), 3);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += a[i * 3 + k]! * inv[k * 3 + j]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 10);
      }
  });
});
