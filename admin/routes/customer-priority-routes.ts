import { Router } from 'express';
import { customerPrioritySetting, parseOrThrow, readSetting, writeSetting, type KeyValueStore } from '../../core/index.js';
import { staffOf } from '../auth/require-role.js';
import type { Auditor } from '../http/audit.js';

/** `GET/PUT /api/settings/customer-priority` (admin): queue priority thresholds, handoff tolerance, retention offer. */
export function customerPriorityRoutes(deps: { kv: KeyValueStore; audit: Auditor }): Router {
  const r = Router();
  r.get('/api/settings/customer-priority', async (_req, res) => {
    res.json(await readSetting(deps.kv, customerPrioritySetting));
  });
  r.put('/api/settings/customer-priority', async (req, res) => {
    // Parsed here for the common ERR_VALIDATION shape; writeSetting parses again before it stores.
    const value = parseOrThrow(customerPrioritySetting.schema, req.body);
    const saved = await writeSetting(deps.kv, customerPrioritySetting, value);
    await audit(deps.audit, res, saved.enabled);
    res.json(saved);
  });
  return r;
}

async function audit(auditor: Auditor, res: Parameters<typeof staffOf>[0], enabled: boolean): Promise<void> {
  await auditor(staffOf(res), 'settings.customer-priority', 'customer-priority', { enabled });
}
