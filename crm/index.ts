// The customer model: profile service, orders and products, CRM models as of a date (see crm/README.md).
export { auc, contributions, fitLogistic, predict, solve, standardiser, type FitOptions, type LogisticModel } from './models/logistic.js';
export { chooseK, kmeans, nearest, silhouette, sqDist, type ChosenClustering, type KMeansResult } from './models/kmeans.js';
export { orderLineSchema, conversationSummarySchema, type OrderLine, type ConversationSummary, type LineBatches } from './models/input.js';
export { computeInsights, type CrmModelRun, type CustomerInsights, type InsightsOptions, type RunSummary } from './models/insights.js';
export { runCrmModels, runCrmModelsInWorker } from './models/run.js';
export { buildHistories, type Histories } from './models/history.js';
export { fitMbg, pAlive, expectedPurchases, type MbgParams } from './models/mbgnbd.js';
export { fitGammaGamma, expectedSpend, type GammaGammaParams } from './models/gamma-gamma.js';
export { spearman, precisionAtTop } from './models/metrics.js';
