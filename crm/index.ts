// The customer model: profile service, orders and products, CRM models as of a date (see crm/README.md).
export { auc, contributions, fitLogistic, predict, solve, standardiser, type FitOptions, type LogisticModel } from './models/logistic.js';
export { chooseK, kmeans, nearest, silhouette, sqDist, type ChosenClustering, type KMeansResult } from './models/kmeans.js';
