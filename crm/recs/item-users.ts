/** Customers' distinct products inverted into product -> customers (CSR), the input of every co-occurrence count. */
export interface ItemUsers {
  start: Int32Array;
  users: Int32Array;
}

export function itemUsers(baskets: readonly Int32Array[], products: number): ItemUsers {
  const start = new Int32Array(products + 1);
  for (const items of baskets) for (const p of items) start[p + 1]!++;
  for (let p = 0; p < products; p++) start[p + 1]! += start[p]!;
  const fill = start.slice(0, products);
  const users = new Int32Array(start[products]!);
  baskets.forEach((items, u) => {
    for (const p of items) users[fill[p]!++] = u;
  });
  return { start, users };
}

/** Customers who bought each product (the popularity count). */
export function buyerCounts(iu: ItemUsers): Float64Array {
  const n = iu.start.length - 1;
  const out = new Float64Array(n);
  for (let p = 0; p < n; p++) out[p] = iu.start[p + 1]! - iu.start[p]!;
  return out;
}
