export interface VectorHit {
  id: string;
  /** Cosine similarity, -1..1. */
  similarity: number;
}

/** Nearest-neighbour index over unit vectors keyed by string ids. */
export interface VectorIndex {
  upsert(items: { id: string; vector: Float32Array }[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  search(vector: Float32Array, k: number): VectorHit[];
  size(): number;
  /** Persists beside the store (with checksum); load rebuilds when corrupt. */
  save(): Promise<void>;
}
