/** SentencePiece's word-start marker: a piece "▁card" is "card" at the start of a word. */
const SEP = '\u2581';

/**
 * SentencePiece unigram segmentation (Viterbi over the pieces' log probabilities), the way the encoder's own
 * tokenizer reads text: NFKC, spaces become the word marker, case kept. Words are segmented independently
 * (pieces never span a marker in the middle), so results are cached per word.
 */
export class UnigramTokenizer {
  private readonly ids = new Map<string, number>();
  private readonly maxLen: number;
  private readonly cache = new Map<string, number[]>();

  constructor(
    pieces: string[],
    private readonly scores: number[],
    /** Reserved pieces (unknown, begin/end of sentence...) are never produced by segmentation. */
    reserved: number,
  ) {
    let maxLen = 1;
    for (let i = reserved; i < pieces.length; i++) {
      this.ids.set(pieces[i]!, i);
      maxLen = Math.max(maxLen, [...pieces[i]!].length);
    }
    this.maxLen = maxLen;
  }

  /** Piece ids of a text; characters no piece covers are dropped (the encoder maps them to "unknown"). */
  encode(text: string): number[] {
    const out: number[] = [];
    for (const word of text.normalize('NFKC').split(/\s+/)) {
      if (!word) continue;
      let ids = this.cache.get(word);
      if (!ids) {
        ids = this.segment([...(SEP + word)]);
        // Customer vocabulary is open-ended: a bounded cache keeps memory flat.
        if (this.cache.size >= 50_000) this.cache.clear();
        this.cache.set(word, ids);
      }
      out.push(...ids);
    }
    return out;
  }

  private segment(chars: string[]): number[] {
    const n = chars.length;
    const best = new Float64Array(n + 1).fill(-Infinity);
    const from = new Int32Array(n + 1).fill(-1);
    const piece = new Int32Array(n + 1).fill(-1);
    best[0] = 0;
    for (let i = 0; i < n; i++) {
      if (best[i] === -Infinity) continue;
      let s = '';
      for (let len = 1; len <= this.maxLen && i + len <= n; len++) {
        s += chars[i + len - 1];
        const id = this.ids.get(s);
        // An uncovered character is skipped at a heavy cost, so any real segmentation wins.
        const score = id !== undefined ? this.scores[id]! : len === 1 ? -100 : undefined;
        if (score === undefined) continue;
        if (best[i]! + score > best[i + len]!) {
          best[i + len] = best[i]! + score;
          from[i + len] = i;
          piece[i + len] = id ?? -1;
        }
      }
    }
    const ids: number[] = [];
    for (let e = n; e > 0; e = from[e]!) if (piece[e]! >= 0) ids.push(piece[e]!);
    return ids.reverse();
  }
}
