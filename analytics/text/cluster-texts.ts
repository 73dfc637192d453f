import { agglomerate } from './agglomerative.js';
import { maskPii } from './mask.js';
import { cosineDense, cosineSparse, tfidf, tokenize } from './tfidf.js';

export interface TextCluster {
  label: string;
  count: number;
  examples: string[];
}

export interface ClusterOptions {
  /** Sentence embeddings (unit vectors); TF-IDF when absent. */
  embed?: (texts: string[]) => Promise<Float32Array[]>;
  /** Distinct texts clustered at most (the most frequent first). */
  maxDistinct?: number;
  /** Average-linkage similarity needed to merge; default 0.2 for TF-IDF, 0.7 for embeddings. */
  threshold?: number;
  examples?: number;
}

const normalise = (t: string): string => t.toLowerCase().replace(/\s+/g, ' ').trim();

/** Groups paraphrases of the questions the bot could not answer; counts include exact repeats. */
export async function clusterTexts(texts: string[], o: ClusterOptions = {}): Promise<TextCluster[]> {
  const distinct = new Map<string, { text: string; count: number }>();
  for (const t of texts) {
    const key = normalise(t);
    if (!key) continue;
    const d = distinct.get(key);
    if (d) d.count++;
    else distinct.set(key, { text: t.trim(), count: 1 });
  }
  const items = [...distinct.values()].sort((a, b) => b.count - a.count).slice(0, o.maxDistinct ?? 300);
  const n = items.length;
  if (n === 0) return [];
  const sim = new Float32Array(n * n);
  let threshold: number;
  if (o.embed) {
    const vecs = await o.embed(items.map((i) => i.text));
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) sim[i * n + j] = sim[j * n + i] = cosineDense(vecs[i]!, vecs[j]!);
    threshold = o.threshold ?? 0.7;
  } else {
    const { vectors } = tfidf(items.map((i) => tokenize(i.text)));
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) sim[i * n + j] = sim[j * n + i] = cosineSparse(vectors[i]!, vectors[j]!);
    threshold = o.threshold ?? 0.2;
  }
  const groups = agglomerate(sim, n, threshold, items.map((i) => i.count));
  return groups
    .map((members) => {
      // Most central member first: highest average similarity to the rest of its cluster.
      const central = members
        .map((i) => ({ i, score: members.reduce((a, j) => a + (i === j ? 0 : sim[i * n + j]!), 0) + items[i]!.count * 1e-6 }))
        .sort((a, b) => b.score - a.score);
      const examples = central.slice(0, o.examples ?? 3).map((c) => maskPii(items[c.i]!.text));
      return { label: examples[0] ?? '', count: members.reduce((a, i) => a + items[i]!.count, 0), examples };
    })
    .sort((a, b) => b.count - a.count);
}
