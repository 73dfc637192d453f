import { crmRunSummarySchema, customerInsightsSchema, type CrmRunSummary, type CustomerInsights } from '../../core/index.js';

export const parseInsights = (doc: string): CustomerInsights => customerInsightsSchema.parse(JSON.parse(doc));
export const parseRunSummary = (doc: string): CrmRunSummary => crmRunSummarySchema.parse(JSON.parse(doc));

/** An erased customer leaves the run summary's lists too (the aggregates stay: they name nobody). */
export const summaryWithout = (s: CrmRunSummary, customerId: string): CrmRunSummary => ({
  ...s,
  churn: { ...s.churn, topAtRisk: s.churn.topAtRisk.filter((t) => t.customerId !== customerId) },
});

export const notOpen = (runId: string): Error => new Error(`CRM run ${runId} is not open (committed, replaced or unknown)`);
