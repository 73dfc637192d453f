import { Router } from 'express';
import { ParleyError, type Stores } from '../../core/index.js';
import { staffOf } from '../auth/require-role.js';
import type { Auditor } from '../http/audit.js';
import { drain } from '../http/drain.js';
import { customerProfile, type ChurnLookup } from './customer-profile.js';

/** /api/customers/:id, /export, DELETE (admin): profile, data export and erasure (GDPR). The list is customer-lookup-routes.ts. */
export function customerRoutes(deps: {
  stores: Stores;
  audit: Auditor;
  churn?: ChurnLookup;
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
    const customer = await stores.customers.get(req.params.id);
    if (!customer) throw new ParleyError('ERR_CUSTOMER_NOT_FOUND', { id: req.params.id });
    const convs = await drain((p) => stores.conversations.list({ ...p, customerId: customer.id }));
    const conversations = await Promise.all(
      convs.map(async (c) => ({
        ...c,
        messages: await drain((p) => stores.conversations.listMessages(c.id, p), 100_000),
        events: await stores.conversations.listEvents(c.id),
      })),
    );
    const interactions = await drain((p) => stores.interactions.list({ ...p, customerId: customer.id }), 100_000);
    const orders = await drain((p) => stores.orders.listByCustomer(customer.id, p), 1_000_000);
    await audit(staffOf(res), 'customer.export', customer.id);
    res.setHeader('Content-Disposition', `attachment; filename="customer-${customer.id}.json"`);
    res.json({ exportedAt: new Date().toISOString(), customer, conversations, interactions, orders });
  });

  r.delete('/api/customers/:id', async (req, res) => {
    const customer = await stores.customers.get(req.params.id);
    if (!customer) throw new ParleyError('ERR_CUSTOMER_NOT_FOUND', { id: req.params.id });
    // Dependent data first: if a step fails, the customer record still exists and the erase can be retried.
    await stores.interactions.eraseCustomer(customer.id);
    await stores.orders.eraseCustomer(customer.id);
    await stores.conversations.eraseCustomer(customer.id);
    await stores.insights.eraseCustomer(customer.id);
    if (deps.onErase) await deps.onErase(customer.id);
    await stores.customers.erase(customer.id);
    deps.customerErased?.(customer.id);
    await audit(staffOf(res), 'customer.erase', customer.id);
    res.status(204).end();
  });
  return r;
}
