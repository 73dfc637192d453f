import { join } from 'node:path';
import { ParleyError, type Embedder } from '../core/index.js';
import { TurnEmbeddings } from './embed/turn-embeddings.js';
import { findInstalledModel, type InstalledModel } from './embed/model-files.js';
import { TransformersEmbedder } from './embed/transformers-embedder.js';
import { findStaticTable, STATIC_MODEL_NAME, StaticEmbedder } from './embed/static/static-embedder.js';
import type { Logger } from '../core/index.js';
import type { KnowledgeServiceDeps, VectorStack } from './service-types.js';
import { PersistentHnswIndex } from './vector/persistent-hnsw-index.js';

/**
 * The embedder and the persisted vector index, or neither: no installed model,
 * or one that fails to load, means explicit lexical mode (logged, never a fake).
 */
export async function openVectorStack(
  deps: Pick<KnowledgeServiceDeps, 'dataDir' | 'modelsDir' | 'embeddingModel'>,
  log: Logger,
): Promise<VectorStack> {
  if (deps.embeddingModel === STATIC_MODEL_NAME) return openStaticStack(deps, log);
  const installed = findInstalledModel(deps.modelsDir, deps.embeddingModel);
  let embedder: Embedder | null = null;
  let vectors: PersistentHnswIndex | null = null;
  if (!installed) {
    log.warn({ modelsDir: deps.modelsDir, model: deps.embeddingModel }, 'no embedding model installed: FAQ retrieval runs in lexical mode');
  } else {
    try {
      ({ embedder, vectors } = await openInstalledStack(installed, deps.dataDir, log));
    } catch (err) {
      log.error({ model: deps.embeddingModel, err: err instanceof Error ? err.message : String(err), details: err instanceof ParleyError ? err.details : undefined }, 'embedding model failed to load: FAQ retrieval runs in lexical mode');
    }
  }
  return { embedder, vectors, ...(embedder && installed ? { model: installed.name } : {}) };
}

/** EMBEDDING_MODEL=static: the distilled table in MODELS_DIR (npm run models:distil), or lexical mode without it. */
async function openStaticStack(deps: Pick<KnowledgeServiceDeps, 'dataDir' | 'modelsDir'>, log: Logger): Promise<VectorStack> {
  const path = findStaticTable(deps.modelsDir);
  if (!path) {
    log.warn({ modelsDir: deps.modelsDir }, "no static embedding table (run 'npm run models:distil'): FAQ retrieval runs in lexical mode");
    return { embedder: null, vectors: null };
  }
  try {
    const embedder = await StaticEmbedder.open(path);
    const { model, dimensions } = embedder.info();
    const opened = await PersistentHnswIndex.open(join(deps.dataDir, 'indexes'), 'faq-vectors', model, dimensions);
    if (opened.state === 'corrupt') log.error({ path: opened.index.indexPath, detail: opened.detail }, 'FAQ vector index is corrupt: rebuilding it from the store');
    log.info({ path, source: embedder.source() }, 'static embedding table loaded');
    return { embedder, vectors: opened.index, model };
  } catch (err) {
    log.error({ path, err: err instanceof Error ? err.message : String(err) }, 'static embedding table failed to load: FAQ retrieval runs in lexical mode');
    return { embedder: null, vectors: null };
  }
}

/**
 * Which embedding model a node runs: the configured one when installed; else, with fallback 'static', the
 * distilled table when it is there (EMBEDDING_FALLBACK). EMBEDDING_MODEL=static asks for the table outright.
 */
export function resolveEmbeddingModel(modelsDir: string, configured: string, fallback: 'static' | 'none'): string {
  if (configured === STATIC_MODEL_NAME || findInstalledModel(modelsDir, configured)) return configured;
  return fallback === 'static' && findStaticTable(modelsDir) ? STATIC_MODEL_NAME : configured;
}

/** Starts the embedder of an installed model and opens (or rebuilds) its persisted vector index. */
export async function openInstalledStack(installed: InstalledModel, dataDir: string, log: Logger): Promise<{ embedder: Embedder; vectors: PersistentHnswIndex }> {
  // Shared by FAQ retrieval and the NLU's semantic member: a turn's text is embedded once.
  const embedder = new TurnEmbeddings(await TransformersEmbedder.start(installed));
  try {
    const opened = await PersistentHnswIndex.open(join(dataDir, 'indexes'), 'faq-vectors', installed.name, embedder.info().dimensions);
    if (opened.state === 'corrupt') log.error({ path: opened.index.indexPath, detail: opened.detail }, 'FAQ vector index is corrupt: rebuilding it from the store');
    else if (opened.state === 'incompatible') log.info({ detail: opened.detail }, 'FAQ vector index was built with another model: rebuilding');
    return { embedder, vectors: opened.index };
  } catch (err) {
    await embedder.close();
    throw err;
  }
}
