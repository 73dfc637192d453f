/**
 * A second OS process for the multi-process race test (embedded-race.test.ts): opens the
 * same database file, meets the other child at a file barrier, then claims `c:<id>`
 * conversations and appends `a:<conversationId>/<key>` messages. Prints one JSON line
 * (results in task order).
 * Usage: node --import tsx race-child.ts <dataDir> <name> <barrierDir> <tasks...>
 */
import fs from 'node:fs';
import path from 'node:path';
import { createFieldCipher } from '../../../core/index.js';
import { openEmbeddedStores } from '../index.js';

const [dataDir = '', name = '', barrier = '', ...tasks] = process.argv.slice(2);
const stores = await openEmbeddedStores({ dataDir, cipher: createFieldCipher('race-key-race-key-race-key-race-key-00') });
fs.writeFileSync(path.join(barrier, name), '');
while (fs.readdirSync(barrier).length < 2) await new Promise((resolve) => setTimeout(resolve, 2));

// p2 walks the list backwards so the two processes meet head-on. (SQLite's lock is not
// fair: one process often wins every round while the other waits in busy_timeout.)
const order = tasks.map((_, i) => i);
if (name === 'p2') order.reverse();
const results: string[] = new Array<string>(tasks.length).fill('');
for (const i of order) {
  const task = tasks[i] ?? '';
  try {
    if (task.startsWith('c:')) {
      const at = new Date().toISOString();
      await stores.conversations.transition(task.slice(2), {
        event: 'claim',
        actor: { kind: 'agent', id: name },
        assignee: { id: name, name },
        at,
      });
      results[i] = 'won';
    } else {
      const [conversationId = '', key = ''] = task.slice(2).split('/');
      const r = await stores.conversations.appendMessage({
        conversationId,
        author: 'customer',
        text: `${name}:${key}`,
        idempotency: { senderKey: 'customer:race', clientMessageId: key },
      });
      results[i] = r.duplicate ? 'duplicate' : 'stored';
    }
  } catch (err) {
    results[i] = (err as { code?: string }).code ?? String(err);
  }
}
await stores.close();
console.log(JSON.stringify(results));
