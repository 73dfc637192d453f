/**
 * npm run user:create -- --email ann@example.com --name Ann --role agent --password '...'
 * Creates a staff user in the configured store (same env as `npm start`).
 * Prints the user as the last stdout line (JSON); bad input exits 1 with the error code.
 */
import { isParleyError } from '../../core/index.js';
import { runUserCreate } from '../../admin/index.js';
import { loadConfig } from '../config.js';
import { openStores } from '../compose.js';

const stores = await openStores(loadConfig());
try {
  const user = await runUserCreate(process.argv.slice(2), stores.users);
  process.stdout.write(`${JSON.stringify(user)}\n`);
} catch (err) {
  const detail = isParleyError(err) ? `${err.code}: ${err.message}${err.details ? ` ${JSON.stringify(err.details)}` : ''}` : String(err);
  process.stderr.write(`user:create failed: ${detail}\nUsage: npm run user:create -- --email <email> --name <name> --role admin|agent --password <10+ chars>\n`);
  process.exitCode = 1;
} finally {
  await stores.close();
}
