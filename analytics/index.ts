/**
 * analytics/: CRM insight from the conversation log and profiles. Pure computation plus one
 * service on top of the store ports (never a concrete store).
 */
export { createAnalytics } from './service.js';
export type {
  AnalyticsDeps,
  AnalyticsLogger,
  AnalyticsOptions,
  AnalyticsService,
  ChurnSummary,
  CustomerInsights,
  ImportResult,
  Overview,
  RunReport,
  SegmentsSummary,
  UnansweredResult,
} from './types.js';
export type { ChurnDefinition } from './churn/labels.js';
export { defaultChurnDefinition } from './churn/labels.js';
export { estimateClv, type OrderAggregate } from './segments/clv.js';
export { overviewToCsv } from './export-csv.js';
/** The benchmark behind `npm run bench:analytics` (its entry in app/cli hands in the store factory). */
export { runAnalyticsBench } from './cli/bench-analytics.js';
export { customersCsv, CUSTOMERS_CSV_HEADER } from './customers-csv.js';
/** Analytics' own records of one customer, for customer export and erase (core's CustomerRecords port). */
export { createAnalyticsCustomerRecords } from './customers/customer-records.js';
