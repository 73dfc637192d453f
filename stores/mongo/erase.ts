import { op } from './connection.js';
import type { CrmModels } from './crm-models.js';

export type ErasePart = 'customer' | 'conversations' | 'interactions' | 'orders';

/**
 * GDPR erase of one customer. No multi-document transaction (standalone servers have
 * none), so the order makes a crashed erase safe to re-run: children first, the
 * conversation ids that find them last, the customer row at the very end.
 */
export async function eraseCustomerData(
  m: CrmModels,
  customerId: string,
  parts: ErasePart[] = ['customer', 'conversations', 'interactions', 'orders'],
): Promise<void> {
  if (parts.includes('orders')) await m.orders.deleteMany({ customerId });
  if (parts.includes('interactions')) await m.interactions.deleteMany({ customerId });
  if (parts.includes('conversations')) {
    const ids = (await m.conversations.find({ customerId }, { _id: 1 }).lean<{ _id: string }[]>()).map((d) => d._id);
    if (ids.length > 0) await m.messages.deleteMany({ conversationId: op({ $in: ids }) });
    await m.conversations.deleteMany({ customerId });
  }
  if (parts.includes('customer')) await m.customers.deleteOne({ _id: customerId });
}
