import { ParleyError, type Logger, type Stores } from '../core/index.js';
import { scoreChurn } from './churn/churn-model.js';
import { toSec } from './customers/customer-state.js';
import { ShardCache } from './customers/shards.js';
import { customerOrderAggregate } from '../crm/index.js';
import { NS } from './job/namespaces.js';
import { estimateClv } from './segments/clv.js';
import { rfmScore } from './segments/rfm.js';
import { assignSegment, profileOf } from './segments/segment-model.js';
import { churnModelSchema, modelSummarySchema, segmentsModelSchema } from './store/record-schemas.js';
import { typedRecord } from './store/typed-record.js';
import type { CustomerInsights } from './types.js';

/** Per-customer fields for the console: churn risk with reasons, segment, RFM, CLV. */
export async function customerInsights(stores: Stores, customerId: string, nowMs: number, log?: Pick<Logger, 'warn'>): Promise<CustomerInsights> {
  if (!(await stores.customers.get(customerId))) throw new ParleyError('ERR_CUSTOMER_NOT_FOUND', { id: customerId });
  const state = await new ShardCache(stores.kv, undefined, log).get(customerId);
  const [model, segments, orders] = await Promise.all([
    typedRecord(stores.kv, NS.models, 'churn', churnModelSchema, log).get(),
    typedRecord(stores.kv, NS.models, 'segments', segmentsModelSchema, log).get(),
    customerOrderAggregate(stores.orders, customerId, nowMs),
  ]);
  const out: CustomerInsights = { customerId, churnRisk: { ready: false, factors: [] } };
  const nowSec = toSec(nowMs);
  if (!state) {
    out.churnRisk.reason = 'No analysed conversations for this customer yet';
  } else if (!model) {
    const summary = await typedRecord(stores.kv, NS.models, 'summary', modelSummarySchema, log).get();
    out.churnRisk.reason = (summary?.churn.ready === false ? summary.churn.reason : undefined) ?? 'The churn model has not been trained yet';
  } else {
    const s = scoreChurn(model, state, nowSec);
    out.churnRisk = { ready: true, probability: s.probability, factors: s.factors };
  }
  if (state && segments) {
    const profile = profileOf({ state, orders }, nowSec);
    const seg = assignSegment(segments, profile);
    if (seg) out.segment = { id: seg.id, label: seg.label, summary: seg.summary };
    const r = rfmScore(profile.recencyDays, profile.conversations, profile.monetary, segments.rfm);
    out.rfm = { recencyDays: Math.round(profile.recencyDays * 10) / 10, frequency: profile.conversations, monetary: profile.monetary, ...r };
  }
  if (orders) out.clv = estimateClv(orders, nowMs);
  return out;
}
