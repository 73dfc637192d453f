import { op } from './connection.js';
import type { CrmModels } from './crm-models.js';
import { noFaults, type FaultHook } from './fault-hook.js';

export type ErasePart = 'customer' | 'conversations' | 'interactions' | 'orders';

/**
 * GDPR erase of one customer. No multi-document transaction (standalone servers have
 * none), so every step deletes by customer and a crashed erase is finished by running it
 * again; the customer row goes last. Messages carry their customerId: one appended while
 * the erase runs (its conversation still existed when it took its sequence number) is
 * removed by the final sweep or, at the latest, by any later erase. The sweep by
 * conversation id also finds messages whose append raced a reassign.
 */
export async function eraseCustomerData(
  m: CrmModels,
  customerId: string,
  parts: ErasePart[] = ['customer', 'conversations', 'interactions', 'orders'],
  fault: FaultHook = noFaults,
): Promise<void> {
  if (parts.includes('orders')) await m.orders.deleteMany({ customerId });
  if (parts.includes('interactions')) await m.interactions.deleteMany({ customerId });
  await fault('erase:interactions');
  if (parts.includes('conversations')) {
    await m.messages.deleteMany({ customerId });
    const ids = (await m.conversations.find({ customerId }, { _id: 1 }).lean<{ _id: string }[]>()).map((d) => d._id);
    if (ids.length > 0) await m.messages.deleteMany({ conversationId: op({ $in: ids }) });
    await fault('erase:messages');
    // Gone conversations refuse new appends (append $inc's the conversation first)...
    await m.conversations.deleteMany({ customerId });
    await fault('erase:conversations');
    // ...and this sweep takes the ones that took their sequence number just before.
    await m.messages.deleteMany({ customerId });
  }
  if (parts.includes('customer')) await m.customers.deleteOne({ _id: customerId });
}
