import { loopTransaction } from './loop-transaction.js';
import type { Db } from './open-database.js';

export type ErasePart = 'customer' | 'conversations' | 'interactions' | 'orders';

/**
 * GDPR erase of one customer in one transaction. Deleting conversations removes their
 * messages and events too, deleting orders their lines (ON DELETE CASCADE). CustomerStore.erase removes every part,
 * so erasing a customer never depends on the caller remembering each store.
 */
export function eraseCustomerData(db: Db, customerId: string, parts: ErasePart[] = ['customer', 'conversations', 'interactions', 'orders']): Promise<void> {
  return loopTransaction(db).durable(db.transaction(() => {
    // Order lines go with their order (ON DELETE CASCADE).
    if (parts.includes('orders')) db.prepare('DELETE FROM orders WHERE customer_id = ?').run(customerId);
    if (parts.includes('interactions')) db.prepare('DELETE FROM interactions WHERE customer_id = ?').run(customerId);
    if (parts.includes('conversations')) db.prepare('DELETE FROM conversations WHERE customer_id = ?').run(customerId);
    if (parts.includes('customer')) db.prepare('DELETE FROM customers WHERE id = ?').run(customerId);
  }));
}
