// The customer model: profile service, orders and products, CRM models as of a date (see crm/README.md).
export { createCrm, type CrmDeps, type CrmService } from './service.js';
export { importOrdersCsv, type ImportOptions, type OrderImportDeps } from './imports/import-orders.js';
export { importProductsCsv } from './imports/import-products.js';
export { importReportSchema, MAX_LISTED_ERRORS, type ImportReport } from './imports/report.js';
export { businessCustomers, findByExternalId } from './customers/business-customers.js';
export { orderAggregates, aggregateOf, customerOrderAggregate, type OrderAggregate } from './orders/order-aggregates.js';
/** CLI bodies (their entries in app/cli hand in the stores). */
export { runCrmImport, parseImportArgs } from './cli/crm-import.js';
export { runCrmImportBench } from './cli/bench-crm-import.js';
export { createCrmModels, type CrmModelDeps, type CrmModelService, type CrmRunProgress } from './models-service.js';
export { runCrmRunBench } from './cli/bench-crm-run.js';
export { auc, contributions, fitLogistic, predict, solve, standardiser, type FitOptions, type LogisticModel } from './models/logistic.js';
export { chooseK, kmeans, nearest, silhouette, sqDist, type ChosenClustering, type KMeansResult } from './models/kmeans.js';
export { orderLineSchema, conversationSummarySchema, type OrderLine, type ConversationSummary, type LineBatches } from './models/input.js';
export { computeInsights, type CrmModelRun, type CustomerInsights, type InsightsOptions, type RunSummary } from './models/insights.js';
export { buildHistories, type Histories } from './models/history.js';
export { fitMbg, pAlive, expectedPurchases, type MbgParams } from './models/mbgnbd.js';
export { fitGammaGamma, expectedSpend, type GammaGammaParams } from './models/gamma-gamma.js';
export { spearman, precisionAtTop } from './models/metrics.js';
export { createCustomerIdentity } from './customers/identify.js';
export { createCustomerData, CUSTOMER_DATA_PARTS, type CustomerData, type CustomerDataPart } from './customers/customer-data.js';
export { createRecommender, type RecommenderDeps, type RecommenderService } from './recommendations-service.js';
export { INCREMENTAL_CUSTOMERS_MAX } from './service.js';
export { runRecsBench } from './cli/bench-recs.js';
