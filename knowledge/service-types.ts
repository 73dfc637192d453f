import { z } from 'zod';
import { faqInputSchema, type Bus, type Embedder, type FaqEntry, type FaqInput, type FaqSearchResult, type KnowledgeStore, type Logger, type VectorIndex } from '../core/index.js';
import type { ImportRowError } from './faq/validate-import.js';
import type { RetrievalMode } from './retriever.js';

/** The knowledge service's public contract (built in service.ts). */

export interface KnowledgeServiceDeps {
  store: KnowledgeStore;
  /** Indexes live in `<dataDir>/indexes/`. */
  dataDir: string;
  modelsDir: string;
  embeddingModel: string;
  logger?: Logger;
  /** Several nodes: FAQ edits made on one reach the others' indexes (node-sync.ts). */
  bus?: Bus;
  /**
   * MODELS_AUTO_FETCH: when the model is not installed, download it in the background from this hub
   * (Hugging Face layout) and switch to hybrid when it is ready. Absent = lexical until installed by hand.
   */
  autoFetch?: { baseUrl: string; initialMs?: number; maxMs?: number };
  /**
   * The embedder and vector index, built once by the composition (app/compose.ts, with `openVectorStack`);
   * both null = lexical mode. Absent = the service opens them itself from dataDir/modelsDir (CLIs, tests).
   */
  vectorStack?: VectorStack;
}

/** Embedder and vector index of one node, or neither (explicit lexical mode, shown in /healthz). */
export interface VectorStack {
  embedder: Embedder | null;
  vectors: VectorIndex | null;
  /** The embedding model's name, when there is an embedder. */
  model?: string;
}

export interface KnowledgeInfo {
  mode: RetrievalMode;
  model?: string;
  entries: number;
  /** vectorWeight: hybrid mode only, the vector list's weight in the fusion (0 = lexical ranking, 1 = plain RRF). */
  calibration: { source: 'prior' | 'self-supervised'; samples: number; answerThreshold: number; vectorWeight?: number };
}

export interface ImportResult {
  imported: number;
  errors: ImportRowError[];
}

const shape = faqInputSchema.shape;
/**
 * Patch of an entry: the input fields, all optional, id excluded. Built field
 * by field because `.partial()` would keep the `[]` defaults of alternates and
 * tags, and a patch of the question would then wipe them.
 */
export const faqPatchSchema = z
  .strictObject({
    question: shape.question.optional(),
    answer: shape.answer.optional(),
    alternates: shape.alternates.unwrap().optional(),
    tags: shape.tags.unwrap().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'Nothing to update');
export type FaqPatchInput = Partial<Omit<FaqInput, 'id'>>;

export interface KnowledgeService {
  search(text: string): Promise<FaqSearchResult>;
  create(input: FaqInput): Promise<FaqEntry>;
  update(id: string, patch: FaqPatchInput): Promise<FaqEntry>;
  remove(id: string): Promise<void>;
  importFaqs(rows: unknown[], opts: { partial: boolean }): Promise<ImportResult>;
  info(): KnowledgeInfo;
  /** The node's sentence embedder (null in lexical mode), shared with the NLU's semantic member. */
  embedder(): Embedder | null;
  /** Resolves when the vector index (if any) is built and calibration is fitted. */
  ready(): Promise<void>;
  close(): Promise<void>;
}
