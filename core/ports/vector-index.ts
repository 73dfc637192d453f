export interface VectorHit {
  id: string;
  /** Cosine similarity, -1..1. */
  similarity: number;
}

export interface VectorItem {
  id: string;
  vector: Float32Array;
  /** Hash of the text the vector came from: lets a stale index keep unchanged vectors. */
  hash?: string;
}

/** Nearest-neighbour index over unit vectors keyed by string ids. */
export interface VectorIndex {
  upsert(items: VectorItem[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /** `accept` filters candidates inside the search (leave-one-out calibration), not after it. */
  search(vector: Float32Array, k: number, accept?: (id: string) => boolean): VectorHit[];
  size(): number;
  ids(): string[];
  hashOf(id: string): string | undefined;
  vectorOf(id: string): Float32Array | null;
  /** Replaces the whole content in one step (a large change is cheaper rebuilt than patched). */
  rebuild(items: VectorItem[]): Promise<void>;
  /** Store revision the content corresponds to: set by the owner, recorded by save(). */
  revision: number;
  /** Persists beside the store (with checksum); load rebuilds when corrupt. */
  save(): Promise<void>;
}
