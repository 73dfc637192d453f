import type { CrmModels } from './crm-models.js';
import type { FaultHook } from './fault-hook.js';

/**
 * Moves everything of one customer to another without a multi-document transaction.
 * A marker is written first and removed last; each step only touches documents still on
 * `from`, so running it again (the caller retrying, or the next start finding the marker)
 * finishes a crashed run and changes nothing else. Conversations get a new version, so a
 * transition that read the old customer id loses its compare-and-set and re-reads.
 */
export async function reassign(m: CrmModels, from: string, to: string, fault: FaultHook): Promise<number> {
  await m.reassignments.updateOne({ _id: from }, { $set: { to }, $setOnInsert: { startedAt: new Date().toISOString() } }, { upsert: true });
  await fault('reassign:marked');
  const moved = await m.conversations.updateMany({ customerId: from }, { $set: { customerId: to }, $inc: { version: 1 } });
  await fault('reassign:conversations');
  await m.messages.updateMany({ customerId: from }, { $set: { customerId: to } });
  await fault('reassign:messages');
  // Interactions follow their conversations so analytics and GDPR erase see one customer.
  await m.interactions.updateMany({ customerId: from }, { $set: { customerId: to } });
  await fault('reassign:interactions');
  await m.reassignments.deleteOne({ _id: from, to });
  return moved.modifiedCount;
}

/** Finishes reassignments a crash left halfway (run at start). */
export async function resumeReassignments(m: CrmModels, fault: FaultHook): Promise<number> {
  const pending = await m.reassignments.find({}).lean<{ _id: string; to: string }[]>();
  for (const p of pending) await reassign(m, p._id, p.to, fault);
  return pending.length;
}
