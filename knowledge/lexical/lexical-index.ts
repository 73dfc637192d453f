import type { FaqEntry } from '../../core/index.js';
import { blendLexical, type CharMatch } from './blend.js';
import { CharNgramIndex } from './char-ngram-index.js';
import { WordIndex } from './word-index.js';

export type { LexicalHit, MatchedField } from './lexical-hit.js';
import type { LexicalHit } from './lexical-hit.js';

type Entry = Pick<FaqEntry, 'id' | 'question' | 'alternates' | 'answer'>;
const SEP = '\u001f';

/**
 * Two lexical views of the FAQ, blended: word BM25 (`word-index.ts`) and
 * character n-gram TF-IDF over each question and alternate
 * (`char-ngram-index.ts`, survives typos and joined words). Edits are
 * incremental in both views: no rebuild.
 */
export class LexicalIndex {
  private words = new WordIndex();
  private chars = new CharNgramIndex();
  private charKeys = new Map<string, number>();

  get size(): number {
    return this.words.size;
  }

  has(id: string): boolean {
    return this.words.has(id);
  }

  addAll(entries: Entry[]): void {
    this.words.addAll(entries);
    for (const e of entries) this.setChars(e);
    // Norms computed while the collection grew used a smaller one's idf.
    this.chars.refreshNorms();
  }

  /** Question and each alternate are separate texts: an entry matches through its closest phrasing. */
  private setChars(e: Pick<FaqEntry, 'id' | 'question' | 'alternates'>): void {
    this.removeChars(e.id);
    const texts = [e.question, ...e.alternates];
    this.charKeys.set(e.id, texts.length);
    const keys = texts.map((t, i) => {
      const key = `${e.id}${SEP}${i}`;
      this.chars.set(key, t);
      return key;
    });
    // Texts set first were normed before their siblings' grams were counted.
    if (keys.length > 1) this.chars.refreshNormsOf(keys);
  }

  private removeChars(id: string): void {
    const n = this.charKeys.get(id) ?? 0;
    for (let i = 0; i < n; i++) this.chars.delete(`${id}${SEP}${i}`);
    this.charKeys.delete(id);
  }

  upsert(entry: Entry): void {
    this.words.upsert(entry);
    this.setChars(entry);
  }

  remove(id: string): void {
    this.words.remove(id);
    this.removeChars(id);
  }

  clear(): void {
    this.words.clear();
    this.chars = new CharNgramIndex();
    this.charKeys.clear();
  }

  search(text: string, limit = 20, exclude?: ReadonlySet<string>): LexicalHit[] {
    const words = this.words.search(text, limit, exclude);
    if (words.length === 0 && !/[\p{L}\p{N}]/u.test(text)) return [];
    return blendLexical(words, this.charSearch(text, exclude), limit);
  }

  /** Best character n-gram cosine per entry, with the text it came from. */
  private charSearch(text: string, exclude?: ReadonlySet<string>): Map<string, CharMatch> {
    const accept = exclude && exclude.size > 0 ? (k: string) => !exclude.has(k.slice(0, k.lastIndexOf(SEP))) : undefined;
    const best = new Map<string, CharMatch>();
    for (const [key, sim] of this.chars.search(text, accept)) {
      const cut = key.lastIndexOf(SEP);
      const id = key.slice(0, cut);
      if (sim > (best.get(id)?.sim ?? 0)) best.set(id, { sim, part: Number(key.slice(cut + 1)) });
    }
    return best;
  }
}
