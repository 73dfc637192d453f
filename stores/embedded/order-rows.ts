import type { Order, OrderLine, Product, ScannedLine } from '../../core/index.js';
import type { Db } from './open-database.js';

export interface OrderRow {
  order_id: string;
  customer_id: string;
  external_customer_id: string | null;
  date: string;
  date_ms: number;
  status: Order['status'];
  tracking_url: string | null;
  total: number;
}
export interface LineRow {
  product_id: string;
  quantity: number | null;
  amount: number;
}
export interface ScanRow extends LineRow {
  order_id: string;
  customer_id: string;
  date: string;
  date_ms: number;
}
export interface ProductRow {
  product_id: string;
  name: string;
  category: string | null;
  price: number | null;
}

export const toLine = (r: LineRow): OrderLine => ({
  ...(r.product_id !== '' ? { productId: r.product_id } : {}),
  ...(r.quantity !== null ? { quantity: r.quantity } : {}),
  amount: r.amount,
});

export const toOrder = (r: OrderRow, lines: LineRow[]): Order => ({
  orderId: r.order_id,
  customerId: r.customer_id,
  ...(r.external_customer_id !== null ? { externalCustomerId: r.external_customer_id } : {}),
  date: r.date,
  status: r.status,
  ...(r.tracking_url !== null ? { trackingUrl: r.tracking_url } : {}),
  lines: lines.map(toLine),
  total: r.total,
});

export const toScanned = (r: ScanRow): ScannedLine => ({
  customerId: r.customer_id,
  orderId: r.order_id,
  date: r.date,
  ...toLine(r),
});

export const toProduct = (r: ProductRow): Product => ({
  productId: r.product_id,
  name: r.name,
  ...(r.category !== null ? { category: r.category } : {}),
  ...(r.price !== null ? { price: r.price } : {}),
});

/** Every statement of the order store, prepared once. */
export function orderStatements(db: Db) {
  return {
    order: db.prepare<[string], OrderRow>('SELECT * FROM orders WHERE order_id = ?'),
    lines: db.prepare<[string], LineRow>('SELECT product_id, quantity, amount FROM order_lines WHERE order_id = ? ORDER BY product_id'),
    line: db.prepare<[string, string], LineRow>('SELECT product_id, quantity, amount FROM order_lines WHERE order_id = ? AND product_id = ?'),
    insertOrder: db.prepare(`INSERT INTO orders (order_id, customer_id, external_customer_id, date, date_ms, status, tracking_url, total)
      VALUES (@order_id, @customer_id, @external_customer_id, @date, @date_ms, @status, @tracking_url, @total)`),
    writeOrder: db.prepare(`UPDATE orders SET customer_id = @customer_id, external_customer_id = @external_customer_id, date = @date,
      date_ms = @date_ms, status = @status, tracking_url = @tracking_url, total = @total WHERE order_id = @order_id`),
    insertLine: db.prepare('INSERT INTO order_lines (order_id, product_id, quantity, amount) VALUES (?, ?, ?, ?)'),
    writeLine: db.prepare('UPDATE order_lines SET quantity = ?, amount = ? WHERE order_id = ? AND product_id = ?'),
    deleteLines: db.prepare('DELETE FROM order_lines WHERE order_id = ?'),
    retotal: db.prepare(`UPDATE orders SET total = ROUND((SELECT COALESCE(SUM(amount), 0) FROM order_lines WHERE order_id = @id), 2)
      WHERE order_id = @id`),
    pageFirst: db.prepare<[string, number], OrderRow>(
      'SELECT * FROM orders WHERE customer_id = ? ORDER BY date_ms DESC, order_id DESC LIMIT ?',
    ),
    pageAfter: db.prepare<[string, number, number, string, number], OrderRow>(`SELECT * FROM orders WHERE customer_id = ?
      AND (date_ms < ? OR (date_ms = ? AND order_id < ?)) ORDER BY date_ms DESC, order_id DESC LIMIT ?`),
    // Orders first (walking orders_date), then their lines: a batch is `limit` whole orders.
    scan: db.prepare<{ ms: number; id: string; before: number; limit: number }, ScanRow>(`
      SELECT o.order_id, o.customer_id, o.date, o.date_ms, l.product_id, l.quantity, l.amount
      FROM (SELECT order_id, customer_id, date, date_ms FROM orders
            WHERE date_ms < @before AND (date_ms > @ms OR (date_ms = @ms AND order_id > @id))
              AND status NOT IN ('cancelled', 'returned')
            ORDER BY date_ms, order_id LIMIT @limit) o
      JOIN order_lines l ON l.order_id = o.order_id
      ORDER BY o.date_ms, o.order_id, l.product_id`),
    product: db.prepare<[string], ProductRow>('SELECT * FROM products WHERE product_id = ?'),
    upsertProduct: db.prepare(`INSERT INTO products (product_id, name, category, price) VALUES (@product_id, @name, @category, @price)
      ON CONFLICT(product_id) DO UPDATE SET name = excluded.name, category = excluded.category, price = excluded.price`),
    productsFirst: db.prepare<[number], ProductRow>('SELECT * FROM products ORDER BY product_id LIMIT ?'),
    productsAfter: db.prepare<[string, number], ProductRow>('SELECT * FROM products WHERE product_id > ? ORDER BY product_id LIMIT ?'),
    counts: db.prepare<[], { orders: number; lines: number; products: number }>(`SELECT
      (SELECT COUNT(*) FROM orders) AS orders, (SELECT COUNT(*) FROM order_lines) AS lines, (SELECT COUNT(*) FROM products) AS products`),
  };
}
export type OrderStatements = ReturnType<typeof orderStatements>;
