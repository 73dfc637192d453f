/**
 * A second OS process for the MongoDB race suite (mongo-race.test.ts): opens the same
 * database, meets the other child at a file barrier, then runs its tasks in order:
 *   c:<conv>            claim          a:<conv>/<key>   idempotent append
 *   t:<conv>            escalate       r:<from>/<to>    reassignCustomer
 *   e:<customer>        erase the customer's conversations
 * Prints one JSON line (results in task order).
 * Usage: node --import tsx race-child.ts <uri> <dbName> <name> <barrierDir> <tasks...>
 */
import fs from 'node:fs';
import path from 'node:path';
import { createFieldCipher } from '../../../core/index.js';
import { openMongoStores } from '../index.js';

const [uri = '', dbName = '', name = '', barrier = '', ...tasks] = process.argv.slice(2);
const stores = await openMongoStores({ uri, dbName, cipher: createFieldCipher('test-key-test-key-test-key-test-key-0123'), connectAttempts: 1 });
fs.writeFileSync(path.join(barrier, name), '');
while (fs.readdirSync(barrier).length < 2) await new Promise((resolve) => setTimeout(resolve, 2));

const at = () => new Date().toISOString();
const results: string[] = [];
for (const task of tasks) {
  const [kind, arg = ''] = [task.slice(0, 1), task.slice(2)];
  try {
    if (kind === 'c') {
      await stores.conversations.transition(arg, { event: 'claim', actor: { kind: 'agent', id: name }, assignee: { id: name, name }, at: at() });
      results.push('won');
    } else if (kind === 't') {
      await stores.conversations.transition(arg, { event: 'escalate', actor: { kind: 'system', id: name }, at: at() });
      results.push('escalated');
    } else if (kind === 'r') {
      const [from = '', to = ''] = arg.split('/');
      results.push(`moved:${await stores.conversations.reassignCustomer(from, to)}`);
    } else if (kind === 'e') {
      await stores.conversations.eraseCustomer(arg);
      results.push('erased');
    } else {
      const [conversationId = '', key = ''] = arg.split('/');
      const r = await stores.conversations.appendMessage({
        conversationId,
        author: 'customer',
        text: `${name}:${key}`,
        idempotency: { senderKey: 'customer:race', clientMessageId: key },
      });
      results.push(r.duplicate ? 'duplicate' : 'stored');
    }
  } catch (err) {
    results.push((err as { code?: string }).code ?? String(err));
  }
}
await stores.close();
console.log(JSON.stringify(results));
