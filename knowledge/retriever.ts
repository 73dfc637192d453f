import type { Embedder, FaqSearchResult, VectorIndex } from '../core/index.js';
import { LexicalIndex } from './lexical/lexical-index.js';
import type { IndexedEntry, RetrievalMode } from './retrieval-types.js';
import { buildCandidates, entryHits, faqIdOfKey, type Candidate } from './rank/candidates.js';
import { calibrate, decide, fitCalibration, priorCalibration, type Calibration } from './rank/calibration.js';
import { collectProbes } from './rank/self-supervision.js';
import { entryVectorTexts, syncVectors } from './vector/sync.js';

export type { IndexedEntry, RetrievalMode } from './retrieval-types.js';

export interface RankedHit extends Candidate {
  calibrated: number;
}

/** Vector neighbours fetched per query (keys, several per entry). */
const VECTOR_K = 40;
const LEXICAL_K = 20;

/**
 * The ranking engine over one FAQ: lexical index, optional embedder + vector
 * index, fusion and calibration. Knows nothing about storage; the service
 * keeps it in step with the KnowledgeStore.
 */
export class FaqRetriever {
  readonly lexical = new LexicalIndex();
  readonly entries = new Map<string, IndexedEntry>();
  private vectorsReady = false;
  /** Bumped by every change that can change a search result: cached results of an older generation are stale. */
  generation = 0;
  private calibrations: Record<RetrievalMode, Calibration> = { lexical: priorCalibration(false), hybrid: priorCalibration(true) };

  constructor(
    public embedder: Embedder | null = null,
    public vectors: VectorIndex | null = null,
  ) {}

  /** A model installed while serving (auto-fetch): stays lexical until `buildVectors` has run. */
  attach(embedder: Embedder, vectors: VectorIndex): void {
    this.generation++;
    this.vectorsReady = false;
    this.embedder = embedder;
    this.vectors = vectors;
  }

  mode(): RetrievalMode {
    return this.embedder && this.vectors && this.vectorsReady ? 'hybrid' : 'lexical';
  }

  calibration(): Calibration {
    return this.calibrations[this.mode()];
  }

  load(entries: IndexedEntry[]): void {
    this.generation++;
    this.entries.clear();
    this.lexical.clear();
    for (const e of entries) this.entries.set(e.id, e);
    this.lexical.addAll([...this.entries.values()]);
  }

  /** Brings the vector index in line with the entries (reusing unchanged vectors). */
  async buildVectors(rebuildIfChangedShare = 0.5): Promise<{ embedded: number; rebuilt: boolean }> {
    if (!this.embedder || !this.vectors) return { embedded: 0, rebuilt: false };
    const res = await syncVectors(this.vectors, this.embedder, [...this.entries.values()], rebuildIfChangedShare);
    this.vectorsReady = true;
    this.generation++;
    // Edits made while the build ran reached only the lexical index: catch up (hash-based, cheap).
    const again = await syncVectors(this.vectors, this.embedder, [...this.entries.values()], 1);
    this.generation++;
    return { embedded: res.embedded + again.embedded, rebuilt: res.rebuilt };
  }

  async upsert(entry: IndexedEntry): Promise<void> {
    await this.upsertMany([entry]);
  }

  /** Lexical first (visible at once), then only the changed texts are embedded. */
  async upsertMany(entries: IndexedEntry[]): Promise<void> {
    this.generation++;
    try {
      await this.upsertEntries(entries);
    } finally {
      this.generation++;
    }
  }

  private async upsertEntries(entries: IndexedEntry[]): Promise<void> {
    for (const e of entries) {
      this.entries.set(e.id, e);
      this.lexical.upsert(e);
    }
    if (!this.embedder || !this.vectors || !this.vectorsReady) return;
    const vectors = this.vectors;
    const items = entries.flatMap(entryVectorTexts);
    const keep = new Set(items.map((i) => i.id));
    const ids = new Set(entries.map((e) => e.id));
    const stale = vectors.ids().filter((k) => ids.has(faqIdOfKey(k)) && !keep.has(k));
    await vectors.remove(stale);
    const fresh = items.filter((i) => vectors.hashOf(i.id) !== i.hash);
    for (let i = 0; i < fresh.length; i += 256) {
      const chunk = fresh.slice(i, i + 256);
      const vecs = await this.embedder.embed(chunk.map((f) => f.text));
      await vectors.upsert(chunk.map((f, n) => ({ id: f.id, hash: f.hash, vector: vecs[n]! })));
    }
  }

  async remove(id: string): Promise<void> {
    this.generation++;
    this.entries.delete(id);
    this.lexical.remove(id);
    if (this.vectors) await this.vectors.remove(this.vectors.ids().filter((k) => faqIdOfKey(k) === id));
    this.generation++;
  }

  /** Ranked candidates with calibrated probabilities (eval and search share this). */
  async rank(text: string, limit = 5): Promise<RankedHit[]> {
    const q = text.trim();
    if (!q || this.entries.size === 0) return [];
    const lex = this.lexical.search(q, LEXICAL_K);
    let vec = null;
    if (this.mode() === 'hybrid') {
      const [qv] = await this.embedder!.embed([q]);
      vec = entryHits(this.vectors!.search(qv!, VECTOR_K));
    }
    const cands = buildCandidates(lex, vec, limit, this.calibration().vectorWeight);
    const cal = calibrate(this.calibration(), cands);
    return cands.map((c, i) => ({ ...c, calibrated: cal[i] ?? 0 }));
  }

  async search(text: string): Promise<FaqSearchResult> {
    const mode = this.mode();
    const ranked = await this.rank(text, 5);
    const { decision, keep } = decide(ranked.map((r) => r.calibrated), this.calibration().answerThreshold);
    const hits = ranked.slice(0, ranked.length === 0 ? 0 : keep).flatMap((r) => {
      const e = this.entries.get(r.id);
      return e ? [{ faqId: r.id, score: r.score, calibrated: r.calibrated, matched: r.matched, question: e.question, answer: e.answer }] : [];
    });
    return { hits, decision: hits.length === 0 ? 'none' : decision, mode };
  }

  /** Refits the calibration of the current mode on probes built from the FAQ itself. */
  async recalibrate(): Promise<Calibration> {
    const mode = this.mode();
    const { rows, vectorWeight } = await collectProbes(this, mode);
    this.calibrations[mode] = fitCalibration(rows, mode === 'hybrid', vectorWeight);
    this.generation++;
    return this.calibrations[mode];
  }
}
