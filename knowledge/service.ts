import { busTopic, faqInputSchema, Lru, parseOrThrow, ParleyError, type Bus, type BusTopic, type Embedder, type FaqEntry, type FaqInput, type FaqSearchResult, type KnowledgeStore, type Logger, type VectorIndex } from '../core/index.js';
import { validateImport } from './faq/validate-import.js';
import { applyRemoteChange, FAQ_CHANGED, faqChangedMessage, faqChangedShape, type FaqChanged } from './node-sync.js';
import { FaqRetriever } from './retriever.js';
import { faqPatchSchema, type FaqPatchInput, type ImportResult, type KnowledgeInfo, type KnowledgeService, type KnowledgeServiceDeps } from './service-types.js';
import { openInstalledStack, openVectorStack } from './open-vector-stack.js';
import { startModelAutoFetch } from './embed/model-auto-fetch.js';
import { findInstalledModel } from './embed/model-files.js';
import { STATIC_MODEL_NAME } from './embed/static/static-embedder.js';
import { MODEL_INSTALLED, modelInstalledShape, quarantine } from './model-sync.js';

const silent: Logger = { info() {}, warn() {}, error() {} };
/** Edits are bursty (imports, admin sessions): persist and recalibrate once things settle. */
const SETTLE_MS = 1500;
const IMPORT_CHUNK = 500;
/** Distinct recent customer texts whose search results are kept (a few MB at most). */
const SEARCH_CACHE_SIZE = 5000;

export async function createKnowledgeService(deps: KnowledgeServiceDeps): Promise<KnowledgeService> {
  const log = deps.logger ?? silent;
  const { embedder, vectors, model } = deps.vectorStack ?? (await openVectorStack(deps, log));
  const retriever = new FaqRetriever(embedder, vectors);
  retriever.load(await deps.store.all());
  await retriever.recalibrate();
  const service = new Service(deps.store, retriever, vectors, log, model, deps.bus);
  if (!embedder && deps.autoFetch && deps.embeddingModel !== STATIC_MODEL_NAME && !findInstalledModel(deps.modelsDir, deps.embeddingModel)) service.fetchModel(deps, deps.autoFetch);
  return service;
}

class Service implements KnowledgeService {
  private chain: Promise<unknown> = Promise.resolve();
  private readyPromise: Promise<void>;
  private settleTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Tells other nodes which entries changed, and applies what they tell this one. */
  private readonly sync: BusTopic<FaqChanged>;

  constructor(
    private readonly store: KnowledgeStore,
    private readonly retriever: FaqRetriever,
    private vectors: VectorIndex | null,
    private readonly log: Logger,
    private model: string | undefined,
    private readonly bus: Bus | undefined,
  ) {
    this.sync = busTopic(bus, FAQ_CHANGED, faqChangedShape, log, (msg) => this.applyRemote(msg));
    // A failed build leaves the service in lexical mode (logged), never a crashed process.
    this.readyPromise = this.buildVectors().catch((err: unknown) =>
      this.log.error({ err: err instanceof Error ? err.message : String(err) }, 'building the FAQ vector index failed: lexical mode'),
    );
  }

  /**
   * Background download of the missing model (MODELS_AUTO_FETCH); chats stay lexical meanwhile. When it is in
   * place this node switches to hybrid and tells the others, which look at their MODELS_DIR at once (a shared
   * volume has it now) or retry their own download without waiting for their backoff.
   */
  fetchModel(deps: Pick<KnowledgeServiceDeps, 'modelsDir' | 'embeddingModel' | 'dataDir'>, options: NonNullable<KnowledgeServiceDeps['autoFetch']>): void {
    const installedTopic = busTopic(this.bus, MODEL_INSTALLED, modelInstalledShape, this.log, (msg) => {
      if (msg.model === deps.embeddingModel) this.fetcher?.now();
    });
    this.fetcher = startModelAutoFetch({
      modelsDir: deps.modelsDir,
      model: deps.embeddingModel,
      baseUrl: options.baseUrl,
      initialMs: options.initialMs,
      maxMs: options.maxMs,
      log: this.log,
      onInstalled: (installed) =>
        this.queued(async () => {
          const stack = await openInstalledStack(installed, deps.dataDir, this.log).catch(async (err: unknown) => {
            // A model that does not load is moved aside so the next attempt downloads it again.
            this.log.error({ model: installed.name, err: err instanceof Error ? err.message : String(err) }, 'downloaded embedding model failed to load: moved aside, retrying');
            await quarantine(installed);
            throw err;
          });
          this.retriever.attach(stack.embedder, stack.vectors);
          this.vectors = stack.vectors;
          this.model = installed.name;
          await this.buildVectors();
          this.log.info({ model: installed.name, mode: this.retriever.mode() }, 'embedding model ready: FAQ retrieval switched to hybrid');
          installedTopic.publish({ model: installed.name });
        }),
    });
    this.stopFetch = () => (this.fetcher?.stop(), installedTopic.close());
  }

  private fetcher: ReturnType<typeof startModelAutoFetch> | null = null;
  private stopFetch: () => void = () => undefined;

  private async buildVectors(): Promise<void> {
    if (!this.vectors) return;
    const storeRevision = await this.store.revision();
    const res = await this.retriever.buildVectors();
    this.log.info({ ...res, loadedRevision: this.vectors.revision, storeRevision, vectors: this.vectors.size() }, 'FAQ vector index ready');
    await this.persist();
    await this.retriever.recalibrate();
  }

  private async persist(): Promise<void> {
    if (!this.vectors || this.retriever.mode() !== 'hybrid') return;
    this.vectors.revision = await this.store.revision();
    await this.vectors.save();
  }

  /**
   * Writes are serialised so the indexes apply them in the store's order; each one (re)arms the settle timer
   * and tells the other nodes which entries changed.
   */
  private serial<T>(fn: () => Promise<T>, changedIds: (result: T) => string[]): Promise<T> {
    return this.queued(fn).then((v) => {
      this.settleLater();
      const ids = changedIds(v);
      if (ids.length > 0) this.sync.publish(faqChangedMessage(ids));
      return v;
    });
  }

  /** Another node changed entries in the shared store: re-read them, in turn with this node's own writes. */
  private applyRemote(msg: FaqChanged): void {
    if (this.closed) return;
    this.queued(() => applyRemoteChange(this.store, this.retriever, msg)).then(
      (entries) => (this.settleLater(), this.log.info({ entries, all: msg.all === true }, 'FAQ edits from another node applied')),
      (err: unknown) => this.log.error({ err: err instanceof Error ? err.message : String(err) }, 'applying FAQ edits from another node failed'),
    );
  }

  private queued<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new ParleyError('ERR_UNAVAILABLE', { reason: 'knowledge service closed' }));
    const next = this.chain.then(fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private settleLater(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => void this.settle(), SETTLE_MS);
    this.settleTimer.unref();
  }

  /** Not a write itself: going through `serial` would re-arm the timer and recalibrate every 1.5 s forever. */
  private settle(): Promise<void> {
    this.settleTimer = null;
    return this.queued(async () => {
      await this.readyPromise;
      await this.persist();
      await this.retriever.recalibrate();
      this.log.info({ entries: this.retriever.entries.size }, 'FAQ calibration refitted after edits');
    }).catch((err: unknown) => this.log.error({ err: err instanceof Error ? err.message : String(err) }, 'FAQ index maintenance failed'));
  }

  /**
   * Customers ask the same things: results are cached per text until the next change of the FAQ, its indexes or
   * its calibration (the retriever's generation, bumped on every edit, remote edit, recalibration and model switch).
   */
  async search(text: string): Promise<FaqSearchResult> {
    const q = typeof text === 'string' ? text : '';
    const gen = this.retriever.generation;
    const cached = this.searchCache.get(q);
    if (cached && cached.gen === gen) return cached.result;
    const result = await this.retriever.search(q);
    if (this.retriever.generation === gen) this.searchCache.set(q, { gen, result });
    return result;
  }

  private readonly searchCache = new Lru<string, { gen: number; result: FaqSearchResult }>(SEARCH_CACHE_SIZE);

  async create(input: FaqInput): Promise<FaqEntry> {
    const data = parseOrThrow(faqInputSchema, input);
    return this.serial(async () => {
      const entry = await this.store.create(data);
      await this.retriever.upsert(entry);
      return entry;
    }, (e) => [e.id]);
  }

  async update(id: string, patch: FaqPatchInput): Promise<FaqEntry> {
    const data = parseOrThrow(faqPatchSchema, patch);
    return this.serial(async () => {
      const entry = await this.store.update(id, data);
      await this.retriever.upsert(entry);
      return entry;
    }, (e) => [e.id]);
  }

  remove(id: string): Promise<void> {
    return this.serial(async () => {
      await this.store.delete(id);
      await this.retriever.remove(id);
    }, () => [id]);
  }

  importFaqs(rows: unknown[], opts: { partial: boolean }): Promise<ImportResult> {
    return this.serial(async (): Promise<ImportResult & { ids: string[] }> => {
      const existing = new Set(this.retriever.entries.keys());
      const { valid, errors } = validateImport(Array.isArray(rows) ? rows : [], existing);
      if (errors.length > 0 && !opts.partial) return { imported: 0, errors, ids: [] };
      const created: FaqEntry[] = [];
      // Rows of a chunk are created concurrently: the store commits (and fsyncs) them together, not one by one.
      for (let i = 0; i < valid.length; i += IMPORT_CHUNK) {
        const chunk = valid.slice(i, i + IMPORT_CHUNK);
        const outcomes = await Promise.allSettled(chunk.map(({ entry }) => this.store.create(entry)));
        outcomes.forEach((o, k) => {
          if (o.status === 'fulfilled') return void created.push(o.value);
          const code = o.reason instanceof ParleyError ? o.reason.code : 'ERR_INTERNAL';
          errors.push({ row: chunk[k]!.row, issues: [{ path: '(row)', message: code }] });
        });
      }
      await this.retriever.upsertMany(created);
      return { imported: created.length, errors: errors.sort((a, b) => a.row - b.row), ids: created.map((e) => e.id) };
    }, (r) => r.ids).then(({ ids: _ids, ...result }) => result);
  }

  info(): KnowledgeInfo {
    const c = this.retriever.calibration();
    const mode = this.retriever.mode();
    return {
      mode,
      ...(mode === 'hybrid' && this.model ? { model: this.model } : {}),
      entries: this.retriever.entries.size,
      calibration: { source: c.source, samples: c.samples, answerThreshold: c.answerThreshold, ...(this.retriever.mode() === 'hybrid' ? { vectorWeight: c.vectorWeight } : {}) },
    };
  }

  embedder(): Embedder | null {
    return this.retriever.embedder;
  }

  ready(): Promise<void> {
    return this.readyPromise;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.stopFetch();
    this.sync.close();
    if (this.settleTimer) clearTimeout(this.settleTimer);
    await this.readyPromise.catch(() => undefined);
    await this.chain;
    this.closed = true;
    await this.persist().catch((err: unknown) => this.log.error({ err: String(err) }, 'saving the FAQ vector index failed'));
    await this.retriever.embedder?.close();
  }
}
