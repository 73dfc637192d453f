export interface EmbedderInfo {
  model: string;
  dimensions: number;
}

/** Text -> unit vectors. The transformers.js adapter runs in a worker thread. */
export interface Embedder {
  embed(texts: string[]): Promise<Float32Array[]>;
  info(): EmbedderInfo;
  close(): Promise<void>;
}
