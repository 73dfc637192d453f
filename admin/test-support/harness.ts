/** TEST-ONLY: the admin router on a small express app over real embedded stores in a temp dir. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { type ErrorRequestHandler } from 'express';
import request from 'supertest';
import { createFieldCipher, systemClock, toErrorBody, type DialogueApi, type Stores } from '../../core/index.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { createActionRunner, createDialogue } from '../../bot/index.js';
import { createAdminRouter, type AdminRouterDeps } from '../router.js';
import { createStaffUser } from '../auth/staff-users.js';
import { createAnalytics, type AnalyticsService } from '../../analytics/index.js';
import { createCrm, createCrmModels, createRecommender, type CrmModelService, type RecommenderService } from '../../crm/index.js';
import { createKnowledgeService, type KnowledgeService } from '../../knowledge/index.js';
import { createNluService, type NluService } from '../../nlu/index.js';

export const JWT_SECRET = 'test-jwt-secret-test-jwt-secret-0123456789';
export const PASSWORD = 'correct horse battery';
const DEFAULT_POLICY = { escalateAfterFallbacks: 2, escalateNegativeStreak: 2 };

export interface AdminHarness {
  app: express.Express;
  stores: Stores;
  dialogue: DialogueApi;
  dir: string;
  nlu: NluService;
  knowledge: KnowledgeService;
  analytics: AnalyticsService;
  crmModels: CrmModelService;
  recommender: RecommenderService;
  /** Creates a staff user and returns a Bearer header value for it. */
  staff(role: 'admin' | 'agent', email?: string): Promise<{ id: string; email: string; auth: string }>;
  close(): Promise<void>;
}

export async function openAdminHarness(overrides: Partial<AdminRouterDeps> & { dialogue?: DialogueApi; actionsSecret?: string } = {}): Promise<AdminHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'parley-admin-'));
  const stores = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher('test-key-test-key-test-key-test-key!') });
  // Real nlu, trained in-process (jest's VM sandbox and worker threads do not mix).
  const nlu = await createNluService({ intents: stores.intents, models: stores.nluModels, trainer: 'in-process' });
  // Real knowledge service in lexical mode (no embedding model is installed in tests).
  const knowledge = await createKnowledgeService({ store: stores.knowledge, dataDir: dir, modelsDir: join(dir, 'no-models'), embeddingModel: 'none/none' });
  await knowledge.ready();
  const dialogue =
    overrides.dialogue ??
    createDialogue({ stores, nlu, knowledge, policy: overrides.policy ?? DEFAULT_POLICY, logger: { info() {}, warn() {}, error() {} } });
  const analytics = createAnalytics({ stores });
  const { actionsSecret, ...routerOverrides } = overrides;
  const recommender = createRecommender({ stores, clock: systemClock });
  const actions = actionsSecret ? createActionRunner({ stores, secret: actionsSecret, logger: { warn() {} }, recommendations: recommender }) : undefined;
  const crmModels = createCrmModels({ stores, clock: systemClock, recommender });
  const crm = createCrm({ stores, onOrdersChanged: () => analytics.ordersChanged(), onCustomersChanged: (ids) => recommender.refresh(ids) });
  const app = express();
  app.set('trust proxy', false);
  app.use(
    createAdminRouter({
      stores,
      nlu,
      knowledge,
      dialogue,
      analytics,
      crmModels,
      crm,
      recommendations: recommender,
      jwtSecret: JWT_SECRET,
      allowedOrigins: ['https://allowed.example'],
      trainRegressionMargin: 0.02,
      policy: DEFAULT_POLICY,
      ...(actions ? { actions } : {}),
      ...routerOverrides,
    }),
  );
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const { status, body } = toErrorBody(err);
    if (body.code === 'ERR_RATE_LIMITED' && typeof body.details?.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(body.details.retryAfterSeconds));
    res.status(status).json({ error: body });
  };
  app.use(onError);
  let n = 0;
  return {
    app,
    stores,
    dialogue,
    dir,
    nlu,
    knowledge,
    analytics,
    crmModels,
    recommender,
    async staff(role, email = `${role}${++n}@example.com`) {
      const user = await createStaffUser(stores.users, { email, name: `${role} ${n}`, role, password: PASSWORD });
      const res = await request(app).post('/api/auth/login').send({ email, password: PASSWORD });
      if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.body)}`);
      return { id: user.id, email, auth: `Bearer ${res.body.token as string}` };
    },
    async close() {
      actions?.close();
      analytics.stop();
      await crmModels.idle();
      await dialogue.drain();
      await knowledge.close();
      await stores.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
