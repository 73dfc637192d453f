/**
 * Cross-node event fan-out. In-process for one node; Redis pub/sub for several.
 * Topics are dotted names (`conversation.changed`, `nlu.model.activated`).
 */
export interface Bus {
  publish(topic: string, payload: unknown): Promise<void>;
  subscribe(topic: string, handler: (payload: unknown) => void): () => void;
  close(): Promise<void>;
}
