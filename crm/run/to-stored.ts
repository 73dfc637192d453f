import type { CustomerInsights as StoredInsights } from '../../core/index.js';
import type { CustomerInsights } from '../models/insights.js';

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The models' result for one customer as the store keeps it. A model that produced no number for
 * this customer (a numeric failure) leaves that part null instead of failing the whole run;
 * `dropped` counts them so the run's notes say so.
 */
export function toStored(customerId: string, i: CustomerInsights, dropped: { churn: number; clv: number }): StoredInsights {
  const churnOk = i.churn && finite(i.churn.risk) && i.churn.factors.every((f) => finite(f.effect));
  const clvOk = i.clv && finite(i.clv.pAlive) && finite(i.clv.expectedOrders) && finite(i.clv.expectedRevenue);
  if (i.churn && !churnOk) dropped.churn++;
  if (i.clv && !clvOk) dropped.clv++;
  return { customerId, ...i, churn: churnOk ? i.churn : null, clv: clvOk ? i.clv : null };
}

export function droppedNotes(dropped: { churn: number; clv: number }): string[] {
  const out: string[] = [];
  if (dropped.churn) out.push(`Churn risk could not be computed for ${dropped.churn} customers (numeric failure): shown as unknown`);
  if (dropped.clv) out.push(`Customer value could not be computed for ${dropped.clv} customers (numeric failure): shown as unknown`);
  return out;
}
