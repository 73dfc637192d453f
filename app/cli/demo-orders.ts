import { faker } from '@faker-js/faker';
import type { Customer, OrderStatus, Product, Stores } from '../../core/index.js';
import { businessCustomerId } from '../../core/index.js';

const DAY = 86_400_000;
const CATEGORIES = ['apparel', 'shoes', 'accessories', 'home', 'gifts'];

/**
 * Demo purchase history through the OrderStore: a catalogue and, for most customers, a year of
 * orders before `endMs` (loyal customers buy often, some stopped buying months ago, a few returns
 * and cancellations), so the dashboard and customer profiles have purchase data.
 */
export async function seedDemoOrders(stores: Stores, customers: Customer[], endMs: number): Promise<{ products: number; orders: number; lines: number }> {
  const products: Product[] = Array.from({ length: 40 }, (_, i) => ({
    productId: `DEMO-${String(i + 1).padStart(3, '0')}`,
    name: faker.commerce.productName(),
    category: CATEGORIES[i % CATEGORIES.length]!,
    price: Number(faker.commerce.price({ min: 5, max: 150 })),
  }));
  await stores.orders.upsertProducts(products);
  let orders = 0;
  let lines = 0;
  for (const customer of customers) {
    if (faker.number.float() < 0.15) continue; // never bought: chats only
    const loyal = faker.number.float() < 0.3;
    const lapsed = !loyal && faker.number.float() < 0.3;
    const count = loyal ? faker.number.int({ min: 4, max: 12 }) : faker.number.int({ min: 1, max: 4 });
    // Lapsed customers' last purchase is 5+ months back: a churn signal in the purchase log.
    const latest = lapsed ? endMs - faker.number.int({ min: 150, max: 300 }) * DAY : endMs - faker.number.int({ min: 0, max: 60 }) * DAY;
    for (let o = 0; o < count; o++) {
      const at = latest - faker.number.int({ min: 0, max: 365 - 30 }) * DAY * (o === 0 ? 0 : 1);
      const picked = faker.helpers.arrayElements(products, faker.number.int({ min: 1, max: 4 }));
      const returned = faker.number.float() < 0.04;
      const r = faker.number.float();
      const status: OrderStatus = r < 0.03 ? 'cancelled' : endMs - at < 5 * DAY ? 'shipped' : 'delivered';
      const orderLines = picked.map((p) => {
        const quantity = faker.number.int({ min: 1, max: 3 }) * (returned ? -1 : 1);
        return { productId: p.productId, quantity, amount: Math.round(quantity * (p.price ?? 10) * 100) / 100 };
      });
      const orderId = `DEMO-${faker.string.alphanumeric({ length: 10, casing: 'upper' })}`;
      await stores.orders.upsert({
        orderId,
        customerId: customer.id,
        ...(businessCustomerId(customer.externalId) ? { externalCustomerId: businessCustomerId(customer.externalId)! } : {}),
        date: new Date(at).toISOString(),
        status,
        ...(status === 'shipped' ? { trackingUrl: `https://track.example/${orderId}` } : {}),
        lines: orderLines,
      });
      orders++;
      lines += orderLines.length;
    }
  }
  return { products: products.length, orders, lines };
}
