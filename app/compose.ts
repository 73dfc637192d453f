import { createServer, type Server as HttpServer } from 'node:http';
import type { Express } from 'express';
import type { AddressInfo } from 'node:net';
import { createFieldCipher, hmacHex, systemClock, type HealthBody, type Stores } from '../core/index.js';
import { openEmbeddedStores, openMongoStores } from '../stores/index.js';
import { createNluService } from '../nlu/index.js';
import { createKnowledgeService, openVectorStack, resolveEmbeddingModel } from '../knowledge/index.js';
import { createAnalytics } from '../analytics/index.js';
import { createCrm, createCrmModels, createCustomerIdentity, createRecommender } from '../crm/index.js';
import { createActionRunner, createDialogue, createWebhookRouter, createBotFrameworkRouter } from '../bot/index.js';
import { attachWidgetNamespace, buildWidgetBundle, demoPageHtml } from '../widget/index.js';
import { attachAgentNamespace, buildConsoleBundle, consoleHtml, createAdminRouter, createApiKeyGate, createJobRegistry, ensureFirstAdmin } from '../admin/index.js';
import type { Config } from './config.js';
import { widgetLimits } from './rate-limits.js';
import type { Logger } from './logger.js';
import { createHttpApp } from './http/create-http-app.js';
import { createMetrics } from './http/metrics.js';
import { clientIpResolver } from './http/client-ip.js';
import { createSocketServer } from './http/create-socket-server.js';
import { once, uiRoutes } from './http/ui-routes.js';
import { docsRoutes } from './openapi/docs-routes.js';
import { parleyOpenApi } from './openapi/parley-openapi.js';
import { seedDemoContent, trainFirstModel } from './seed-demo.js';
import { secureDataDir } from './data-dir.js';
import { createInProcessBus } from './bus/in-process-bus.js';
import { createRedisBus } from './bus/redis-bus.js';

export interface ParleyApp {
  http: HttpServer;
  /** The express app behind `http` (tests walk its routes). */
  express: Express;
  stores: Stores;
  /** Resolves when background start-up work (first NLU training) is over. */
  warmup: Promise<void>;
  listen(): Promise<string>;
  health(): Promise<HealthBody>;
  close(reason?: string): Promise<void>;
}

/** The one place where adapters are chosen (STYLE.md §3): everything else receives ports. */
export async function openStores(config: Readonly<Config>): Promise<Stores> {
  // Before anything is written there (CLIs such as demo:seed and user:create open stores through here too).
  secureDataDir(config.dataDir);
  const cipher = createFieldCipher(config.encryptionKey, config.encryptionKeyPrevious);
  if (config.store === 'mongo') return openMongoStores({ uri: config.mongodbUri ?? '', cipher });
  return openEmbeddedStores({ dataDir: config.dataDir, cipher });
}

export async function composeApp(config: Readonly<Config>, logger: Logger): Promise<ParleyApp> {
  const stores = await openStores(config);
  // Several nodes share one store; the bus tells each node's in-memory indexes and model what the others changed.
  const bus = config.redisUrl ? await createRedisBus(config.redisUrl, logger.child({ module: 'bus' })) : createInProcessBus();
  const knowledgeLog = logger.child({ module: 'knowledge' });
  // The configured model when installed, else the distilled static table (EMBEDDING_FALLBACK), else lexical.
  const embeddingModel = resolveEmbeddingModel(config.modelsDir, config.embeddingModel, config.embeddingFallback);
  // Embedder and FAQ vector index are adapters chosen here, once; neither = explicit lexical mode (in /healthz).
  const vectorStack = await openVectorStack({ dataDir: config.dataDir, modelsDir: config.modelsDir, embeddingModel }, knowledgeLog);
  const knowledge = await createKnowledgeService({
    bus,
    store: stores.knowledge,
    dataDir: config.dataDir,
    modelsDir: config.modelsDir,
    embeddingModel,
    vectorStack,
    ...(config.modelsAutoFetch ? { autoFetch: config.modelsAutoFetch } : {}),
    logger: knowledgeLog,
  });
  // One embedding model per node: the FAQ vectors and the NLU's semantic member share it (and its worker).
  const nlu = await createNluService({ intents: stores.intents, models: stores.nluModels, bus, embedder: knowledge.embedder(), logger: logger.child({ module: 'nlu' }) });
  if (config.demoContent) await seedDemoContent({ stores, knowledge, logger, language: config.demoLanguage });
  const jobs = createJobRegistry({ bus, warn: (o, msg) => logger.warn(o, msg) });
  const warmup = trainFirstModel({ stores, nlu, logger, jobs });
  const analytics = createAnalytics({ stores, logger: logger.child({ module: 'analytics' }) });
  const recommender = createRecommender({ stores, clock: systemClock, logger: logger.child({ module: 'crm' }) });
  const crmModels = createCrmModels({ stores, clock: systemClock, logger: logger.child({ module: 'crm' }), recommender });
  // Orders in (import, PUT): the models are stale, and the customers' recommendations are recomputed at once.
  const crm = createCrm({ stores, onOrdersChanged: () => analytics.ordersChanged(), onCustomersChanged: (ids) => recommender.refresh(ids) });
  const metrics = createMetrics();
  const actions = createActionRunner({ stores, secret: config.actionsSecret, logger: logger.child({ module: 'actions' }), registry: metrics.registry, recommendations: recommender });
  const dialogue = createDialogue({ stores, nlu, knowledge, policy: config.policy, actions, logger: logger.child({ module: 'bot' }) });
  await ensureFirstAdmin(stores.users, config.admin, logger);
  if (!config.admin && (await stores.users.countByRole('admin')) === 0) {
    logger.warn({}, "no admin account yet: set ADMIN_EMAIL and ADMIN_PASSWORD and restart, or run 'npm run user:create -- --role admin --email ... --name ... --password ...'");
  }

  let widget: ReturnType<typeof attachWidgetNamespace> | undefined;
  let draining = false;
  const health = async (): Promise<HealthBody> => {
    const info = knowledge.info();
    const storeUp = await stores.ping().catch(() => false);
    return {
      status: storeUp ? 'ok' : ('degraded' as 'ok'),
      store: stores.kind,
      retrieval: info.mode,
      ...(info.model ? { model: info.model } : {}),
      version: config.version,
    };
  };
  // One gate for every integration route: scoped keys from the store, and WEBHOOK_API_KEY as a key with its old scopes.
  const apiKeys = createApiKeyGate({ keys: stores.apiKeys, audit: stores.audit, legacyKey: config.webhook?.apiKey, logger });
  const app = createHttpApp({
    logger,
    metrics,
    health,
    isDraining: () => draining,
    trustProxy: config.trustProxy,
    metricsToken: config.metricsToken,
    routers: [
      uiRoutes(
        {
          widgetJs: once(async () => (await buildWidgetBundle()).code),
          demoPage: (language) => demoPageHtml({ language }),
          demoLanguage: config.demoLanguage,
          console: { html: () => consoleHtml(), js: once(async () => (await buildConsoleBundle()).js) },
        },
        logger,
      ),
      docsRoutes(() => parleyOpenApi(config.version)),
      createWebhookRouter({ dialogue, stores, apiKey: config.webhook?.apiKey, authenticate: apiKeys.requireKey, channelOpen: () => apiKeys.openFor('webhook:messages'), callbackUrl: config.webhook?.callbackUrl, logger }),
      createBotFrameworkRouter({ dialogue, stores, ...config.botFramework, logger }),
      createAdminRouter({
        stores,
        nlu,
        knowledge,
        dialogue,
        analytics,
        crmModels,
        crm,
        recommendations: recommender,
        jwtSecret: config.jwtSecret,
        allowedOrigins: config.allowedOrigins,
        trainRegressionMargin: config.trainRegressionMargin,
        policy: config.policy,
        loginLimits: { failuresPerEmailAndIp: config.rateLimits.loginFailuresPerEmailAndIp, failuresPerIp: config.rateLimits.loginFailuresPerIp },
        jobs,
        // The widget namespace is attached below, once the socket server exists.
        customerErased: (customerId) => widget?.disconnectCustomer(customerId),
        integrationApiKey: config.webhook?.apiKey,
        actions,
        apiKeyGate: apiKeys,
        logger,
      }),
    ],
  });

  const http = createServer(app);
  const sockets = await createSocketServer(http, { allowedOrigins: config.allowedOrigins, redisUrl: config.redisUrl, logger });
  widget = attachWidgetNamespace(sockets.io, { dialogue, stores, customers: createCustomerIdentity(stores), identitySecret: config.identitySecret, visitorTokenKey: hmacHex(config.jwtSecret, 'parley:widget-visitor-token'), clientIp: clientIpResolver(config.trustProxy), limits: widgetLimits(config.rateLimits), logger });
  const agents = attachAgentNamespace(sockets.io, { dialogue, stores, jwtSecret: config.jwtSecret, knowledge, allowedOrigins: config.allowedOrigins, logger });
  // Rollups and models refresh in the background; chats never wait for them.
  analytics.start(15 * 60_000);
  // CRM models as of now: once shortly after boot, then hourly, in their worker thread.
  const crmRun = () => void crmModels.run().catch((err: unknown) => logger.error({ err }, 'CRM run failed'));
  const crmTimers = [setTimeout(crmRun, 10_000), setInterval(crmRun, 60 * 60_000)];
  for (const t of crmTimers) t.unref();

  return {
    http,
    express: app,
    stores,
    warmup,
    health,
    listen: () =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.port, config.host, () => {
          const { address, port } = http.address() as AddressInfo;
          resolve(`http://${address.includes(':') ? `[${address}]` : address}:${port}`);
        });
      }),
    async close(reason = 'close') {
      logger.info({ reason }, 'shutting down: draining');
      draining = true;
      analytics.stop();
      for (const t of crmTimers) clearTimeout(t);
      widget?.close();
      agents.detach();
      await warmup;
      await dialogue.drain();
      actions.close();
      await crmModels.idle();
      await sockets.close(); // also closes the HTTP server
      await knowledge.close();
      await bus.close();
      await stores.close();
      logger.info({ reason }, 'shut down cleanly');
    },
  };
}
