import { Router } from 'express';
import { analyticsRangeSchema, parseOrThrow, type DialogueApi, type Recommendations, type Stores } from '../core/index.js';
import { createCrm, createCustomerData, type CrmService } from '../crm/index.js';
import { BOTFRAMEWORK_REFERENCES_NS, RETENTION_NS, type ActionRunner, type PolicyConfig } from '../bot/index.js';
import { createAnalyticsCustomerRecords } from '../analytics/index.js';
import { createLoginLimiter, type LoginLimits } from './auth/login-limiter.js';
import { requireRole } from './auth/require-role.js';
import { silentLogger, type AdminLogger } from './deps.js';
import { createAuditor } from './http/audit.js';
import { createApiKeyGate, type ApiKeyGate } from './api-keys/api-key-gate.js';
import { apiKeyRoutes } from './api-keys/api-key-routes.js';
import { jsonBody } from '../core/edge/index.js';
import { originGuard } from './http/origin-guard.js';
import { createJobRegistry, type JobRegistry } from './jobs/job-registry.js';
import { auditRoutes } from './routes/audit-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { conversationRoutes } from './routes/conversation-routes.js';
import { customerLookupRoutes } from './routes/customer-lookup-routes.js';
import { customerRoutes } from './routes/customer-routes.js';
import { crmInsightRoutes } from './routes/crm-insight-routes.js';
import { faqRoutes } from './routes/faq-routes.js';
import { intentRoutes } from './routes/intent-routes.js';
import { intentActionRoutes } from './routes/intent-action-routes.js';
import { customerPriorityRoutes } from './routes/customer-priority-routes.js';
import { retentionRoutes } from './routes/retention-routes.js';
import { nluRoutes } from './routes/nlu-routes.js';
import { orderRoutes } from './routes/order-routes.js';
import { recommendationRoutes } from './routes/recommendation-routes.js';
import { createDecisionPreview } from './routes/test-decision.js';
import { unansweredRoutes } from './routes/unanswered-routes.js';
import { userRoutes } from './routes/user-routes.js';
import type { AdminAnalytics, AdminCrmModels, AdminKnowledge, AdminNlu } from './services.js';

export interface AdminRouterDeps {
  stores: Stores;
  nlu: AdminNlu;
  knowledge: AdminKnowledge;
  dialogue: DialogueApi;
  analytics?: AdminAnalytics;
  /** CRM models as of a date: the run job, its summary and the customers CSV. */
  crmModels?: AdminCrmModels;
  jwtSecret: string;
  /** Extra origins allowed to make state-changing calls (same origin always is); `*` allows any. */
  allowedOrigins: string[] | null;
  /** The dialogue's policy config (ESCALATE_* variables): the console's test decision uses the very same. */
  policy: PolicyConfig;
  /** Passed to nlu training when it accepts one (accuracy drop tolerated before a new model is kept back). */
  trainRegressionMargin: number;
  logger?: AdminLogger;
  /** Tests lower these; production uses the defaults. */
  loginLimits?: LoginLimits;
  jobs?: JobRegistry;
  /** Called after a customer is erased: app/compose drops the customer's widget sockets on every node. */
  customerErased?: (customerId: string) => void;
  /** Orders, products and customer lookups; built from `stores` when not given. */
  crm?: CrmService;
  /** WEBHOOK_API_KEY: accepted as an integration key with the scopes it always had (webhook:messages, orders:write). */
  integrationApiKey?: string;
  /** Integration keys (`X-Api-Key`); built from `stores` and `integrationApiKey` when not given. app/compose shares one with the webhook channel. */
  apiKeyGate?: ApiKeyGate;
  /** Tests lower the 50 MB import limit. */
  importMaxBytes?: number;
  /** Product recommendations (GET /api/customers/:id/recommendations, agents and admins). */
  recommendations?: Recommendations;
  /** Intent actions: the console's "test call" runs through them. */
  actions?: ActionRunner;
}

const ADMIN_PREFIXES = [
  '/api/users',
  '/api/faqs',
  '/api/intents',
  '/api/entities',
  '/api/nlu',
  '/api/jobs',
  '/api/customers',
  '/api/analytics',
  '/api/unanswered',
  '/api/audit',
  '/api/settings',
  '/api/api-keys',
];

/** Every staff REST route of PROTOCOL.md; mount at `/`. */
export function createAdminRouter(deps: AdminRouterDeps): Router {
  const { stores } = deps;
  const logger = deps.logger ?? silentLogger;
  const audit = createAuditor(stores.audit, logger);
  const auth = { users: stores.users, jwtSecret: deps.jwtSecret };
  const r = Router();

  // Tokens, customer data and exports must not be kept by browsers or shared caches.
  r.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  r.use('/api', originGuard(deps.allowedOrigins));
  const json = jsonBody('1mb');
  // The import route parses its own, larger body and answers ERR_IMPORT_TOO_LARGE.
  r.use('/api', (req, res, next) => (req.path === '/faqs/import' ? next() : json(req, res, next)));

  // Before every guard: a request carrying X-Api-Key is authorised here, from API_KEY_ROUTES, or refused.
  const keys = deps.apiKeyGate ?? createApiKeyGate({ keys: stores.apiKeys, audit: stores.audit, legacyKey: deps.integrationApiKey, logger });
  r.use(keys.gate);

  r.use(authRoutes({ ...auth, limiter: createLoginLimiter(deps.loginLimits) }));

  r.use('/api/conversations', requireRole('agent', auth));
  r.use(conversationRoutes({ stores, knowledge: deps.knowledge }));

  const jobs = deps.jobs ?? createJobRegistry();
  const analytics = deps.analytics;
  // Orders and customer lookups guard each route themselves (agents read, admins and the shop's key write).
  const crm = deps.crm ?? createCrm({ stores, onOrdersChanged: analytics ? () => analytics.ordersChanged() : undefined });
  const agent = requireRole('agent', auth);
  r.use(customerLookupRoutes({ stores, crm, agent }));
  r.use(orderRoutes({ crm, jobs, audit, agent, admin: requireRole('admin', auth), importMaxBytes: deps.importMaxBytes }));
  if (deps.recommendations) r.use(recommendationRoutes({ customers: stores.customers, recommendations: deps.recommendations, agent }));

  r.use(ADMIN_PREFIXES, requireRole('admin', auth));
  r.use(userRoutes({ users: stores.users, audit }));
  r.use(faqRoutes({ knowledgeStore: stores.knowledge, knowledge: deps.knowledge, audit }));
  r.use(intentRoutes({ intents: stores.intents, nluModels: stores.nluModels, audit }));
  r.use(intentActionRoutes({ intents: stores.intents, actions: deps.actions, audit }));
  r.use(customerPriorityRoutes({ kv: stores.kv, audit }));
  r.use(retentionRoutes({ stores }));
  r.use(
    nluRoutes({
      nlu: deps.nlu,
      knowledge: deps.knowledge,
      intents: stores.intents,
      jobs,
      audit,
      preview: createDecisionPreview(stores.intents, deps.policy),
      regressionMargin: deps.trainRegressionMargin,
    }),
  );
  r.use(
    customerRoutes({
      stores,
      customerData: createCustomerData({
        stores,
        channelNamespaces: [BOTFRAMEWORK_REFERENCES_NS, RETENTION_NS],
        // Built from the stores, not the analytics service: the records stay in the KV even when the job is off.
        analytics: createAnalyticsCustomerRecords(stores),
      }),
      audit,
      churn: analytics ? async (id) => (await analytics.customerInsights(id)).churnRisk : undefined,
      // Analytics aggregates include the erased customer's turns: recompute them on the next run.
      onErase: analytics ? () => analytics.markDirty() : undefined,
      customerErased: deps.customerErased,
    }),
  );
  if (deps.crmModels) {
    r.use(crmInsightRoutes({ stores, crm: deps.crmModels, refreshRollups: analytics ? () => analytics.run() : undefined, jobs, audit }));
  }
  r.use(auditRoutes({ audit: stores.audit }));
  r.use(apiKeyRoutes({ keys: stores.apiKeys, audit }));
  if (analytics) {
    r.use(unansweredRoutes({ analytics }));
    r.get('/api/analytics/overview', async (req, res) => {
      const range = parseOrThrow(analyticsRangeSchema, { from: req.query.from, to: req.query.to });
      res.json(await analytics.overview(range));
    });
    r.get('/api/analytics/overview.csv', async (req, res) => {
      const range = parseOrThrow(analyticsRangeSchema, { from: req.query.from, to: req.query.to });
      const csv = analytics.toCsv(await analytics.overview(range));
      res.type('text/csv').attachment('parley-overview.csv').send(csv);
    });
  }
  return r;
}
