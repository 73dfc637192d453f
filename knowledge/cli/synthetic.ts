/** Seeded generators for the retrieval bench: reproducible runs without any data set. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** n random unit vectors (Gaussian via Box-Muller, normalised), flat. */
export function unitVectors(n: number, dim: number, rand: () => number): Float32Array {
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let j = 0; j < dim; j++) {
      const g = Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
      out[i * dim + j] = g;
      norm += g * g;
    }
    norm = Math.sqrt(norm);
    for (let j = 0; j < dim; j++) out[i * dim + j]! /= norm;
  }
  return out;
}

/**
 * n unit vectors with low intrinsic dimension, like sentence embeddings: a
 * `latent`-dim Gaussian mixed into `dim` by a fixed random projection, plus a
 * little isotropic noise. Uniform random vectors (above) are HNSW's worst case:
 * in 384 free dimensions every point is nearly equidistant from every other.
 */
export function structuredVectors(n: number, dim: number, rand: () => number, latent = 32, noise = 0.05): Float32Array {
  const gauss = (): number => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const proj = Float32Array.from({ length: latent * dim }, gauss);
  const out = new Float32Array(n * dim);
  const z = new Float32Array(latent);
  for (let i = 0; i < n; i++) {
    for (let l = 0; l < latent; l++) z[l] = gauss();
    let norm = 0;
    for (let j = 0; j < dim; j++) {
      let v = noise * gauss() * Math.sqrt(latent);
      for (let l = 0; l < latent; l++) v += z[l]! * proj[l * dim + j]!;
      out[i * dim + j] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    for (let j = 0; j < dim; j++) out[i * dim + j]! /= norm;
  }
  return out;
}

/** Exact top-k by dot product (unit vectors: cosine) over a flat matrix. */
export function bruteForceTopK(matrix: Float32Array, dim: number, q: Float32Array, k: number): number[] {
  const n = matrix.length / dim;
  const best: { i: number; s: number }[] = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    const off = i * dim;
    for (let j = 0; j < dim; j++) s += matrix[off + j]! * q[j]!;
    if (best.length < k || s > best[best.length - 1]!.s) {
      best.push({ i, s });
      best.sort((a, b) => b.s - a.s);
      if (best.length > k) best.pop();
    }
  }
  return best.map((b) => b.i);
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'tor', 'ship', 'pay', 'ret', 'urn', 'ord', 'er', 'acc', 'ount', 'vi', 'sa', 'del', 'iv', 'ery', 'box', 'size'];

/** A Zipf-ish vocabulary of pseudo-words, so term frequencies look like language. */
export function vocabulary(n: number, rand: () => number): string[] {
  const words = new Set<string>();
  while (words.size < n) {
    const len = 2 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < len; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

export function sentence(vocab: string[], words: number, rand: () => number): string {
  const out: string[] = [];
  // rand()^2 skews towards the head of the list: frequent words are frequent.
  for (let i = 0; i < words; i++) out.push(vocab[Math.floor(rand() ** 2 * vocab.length)]!);
  return out.join(' ');
}
