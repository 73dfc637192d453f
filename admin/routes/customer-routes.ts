import { Router } from 'express';
import type { Stores } from '../../core/index.js';
import type { CustomerData } from '../../crm/index.js';
import { staffOf } from '../auth/require-role.js';
import type { Auditor } from '../http/audit.js';
import { customerProfile, type ChurnLookup } from './customer-profile.js';

/** /api/customers/:id, /export, DELETE (admin): profile, data export and erasure (GDPR). The list is customer-lookup-routes.ts. */
export function customerRoutes(deps: {
  stores: Stores;
  /** Export and erase across every store (crm owns where a customer's data lives). */
  customerData: CustomerData;
  audit: Auditor;
  churn?: ChurnLookup;
  /** After the stores: derived aggregates that include the customer are recomputed. */
  onErase?: (customerId: string) => Promise<void>;
  /** After the erase: the customer's open sessions are closed (every channel that holds one). */
  customerErased?: (customerId: string) => void;
}): Router {
  const { stores, audit } = deps;
  const r = Router();

  r.get('/api/customers/:id', async (req, res) => {
    res.json(await customerProfile(stores, req.params.id, deps.churn));
  });

  r.get('/api/customers/:id/export', async (req, res) => {
    const data = await deps.customerData.exportCustomer(req.params.id);
    await audit(staffOf(res), 'customer.export', req.params.id);
    res.setHeader('Content-Disposition', `attachment; filename="customer-${req.params.id}.json"`);
    res.json(data);
  });

  r.delete('/api/customers/:id', async (req, res) => {
    const id = req.params.id;
    await deps.customerData.eraseCustomer(id);
    if (deps.onErase) await deps.onErase(id);
    deps.customerErased?.(id);
    await audit(staffOf(res), 'customer.erase', id);
    res.status(204).end();
  });
  return r;
}
