// The knowledge/ public surface: FAQ retrieval (lexical + embeddings + HNSW), import/export helpers, demo data.
export { createKnowledgeService } from './service.js';
export { faqPatchSchema } from './service-types.js';
export type { FaqPatchInput, ImportResult, KnowledgeInfo, KnowledgeService, KnowledgeServiceDeps, VectorStack } from './service-types.js';
export type { ImportRowError } from './faq/validate-import.js';
export { parseCsv, toCsv, CSV_COLUMNS } from './faq/csv.js';
export { demoFaqs } from './faq/demo-faqs.js';
export { demoFaqsZh } from './faq/demo-faqs-zh.js';
export { findInstalledModel } from './embed/model-files.js';
export type { InstalledModel } from './embed/model-files.js';
export { TransformersEmbedder } from './embed/transformers-embedder.js';
export { openVectorStack, resolveEmbeddingModel } from './open-vector-stack.js';
export { StaticEmbedder, STATIC_MODEL_NAME, staticTablePath } from './embed/static/static-embedder.js';
