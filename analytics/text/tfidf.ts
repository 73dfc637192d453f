const STOP = new Set(
  ('a an the and or but if to of in on at for from by with about as is are was were be been being am do does did ' +
    'i me my we our you your it its this that these those there here what which who whom how when where why can could ' +
    'would should will shall may might must have has had not no so too very just please hi hello hey thanks thank ' +
    'any some get got im i\'m ive dont cant').split(' '),
);

/** Crude English stemming: enough to make "refunds"/"refunded"/"refunding" one term. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of ['ing', 'ed', 'es', 's', 'ly']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  }
  return word;
}

export function tokenize(text: string): string[] {
  return (text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9']+/g) ?? [])
    .map((w) => w.replace(/'/g, ''))
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map(stem);
}

export type SparseVector = Map<string, number>;

/** TF-IDF (sublinear tf, smoothed idf), L2-normalised so a dot product is the cosine. */
export function tfidf(docs: string[][]): { vectors: SparseVector[]; idf: Map<string, number> } {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, n] of df) idf.set(t, Math.log((1 + docs.length) / (1 + n)) + 1);
  const vectors = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const t of d) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v: SparseVector = new Map();
    let norm = 0;
    for (const [t, n] of tf) {
      const w = (1 + Math.log(n)) * (idf.get(t) ?? 1);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
  return { vectors, idf };
}

export function cosineSparse(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) s += w * (large.get(t) ?? 0);
  return s;
}

export function cosineDense(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / (Math.sqrt(na * nb) || 1);
}
