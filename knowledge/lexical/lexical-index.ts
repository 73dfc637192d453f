import type { FaqEntry } from '../../core/index.js';
import { answerLead } from './answer-lead.js';
import { blendLexical, type CharMatch } from './blend.js';
import { CharNgramIndex } from './char-ngram-index.js';
import { WordIndex } from './word-index.js';

export type { LexicalHit, MatchedField } from './lexical-hit.js';
import type { LexicalHit } from './lexical-hit.js';

type Entry = Pick<FaqEntry, 'id' | 'question' | 'alternates' | 'answer'>;
const SEP = '\u001f';
/**
 * An answer's opening sentence is weaker evidence than a phrasing written as a
 * question: its n-gram similarity counts half (set a priori; on CovidFAQ any
 * value from .3 to 1 gave the same R@1 within a point, README).
 */
const ANSWER_LEAD_WEIGHT = 0.5;

/**
 * Two lexical views of the FAQ, blended: word BM25 (`word-index.ts`) and
 * character n-gram TF-IDF over each question and alternate
 * (`char-ngram-index.ts`, survives typos and joined words). Edits are
 * incremental in both views: no rebuild.
 */
export class LexicalIndex {
  private words = new WordIndex();
  private chars = new CharNgramIndex();
  /** Per entry: how many n-gram texts it has, and whether the last one is its answer's lead. */
  private charKeys = new Map<string, { count: number; lead: boolean }>();

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

  /**
   * Question, each alternate and the answer's lead sentence are separate texts:
   * an entry matches through its closest phrasing.
   */
  private setChars(e: Entry): void {
    this.removeChars(e.id);
    const lead = answerLead(e.answer);
    const texts = lead ? [e.question, ...e.alternates, lead] : [e.question, ...e.alternates];
    this.charKeys.set(e.id, { count: texts.length, lead: lead !== '' });
    const keys = texts.map((t, i) => {
      const key = `${e.id}${SEP}${i}`;
      this.chars.set(key, t);
      return key;
    });
    // Texts set first were normed before their siblings' grams were counted.
    if (keys.length > 1) this.chars.refreshNormsOf(keys);
  }

  private removeChars(id: string): void {
    const n = this.charKeys.get(id)?.count ?? 0;
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

  /** Best character n-gram cosine per entry (answer leads discounted), with the field it came from. */
  private charSearch(text: string, exclude?: ReadonlySet<string>): Map<string, CharMatch> {
    const accept = exclude && exclude.size > 0 ? (k: string) => !exclude.has(k.slice(0, k.lastIndexOf(SEP))) : undefined;
    const best = new Map<string, CharMatch>();
    for (const [key, cosine] of this.chars.search(text, accept)) {
      const cut = key.lastIndexOf(SEP);
      const id = key.slice(0, cut);
      const part = Number(key.slice(cut + 1));
      const keys = this.charKeys.get(id);
      const isLead = keys !== undefined && keys.lead && part === keys.count - 1;
      const sim = isLead ? cosine * ANSWER_LEAD_WEIGHT : cosine;
      if (sim > (best.get(id)?.sim ?? 0)) best.set(id, { sim, matched: isLead ? 'answer' : part > 0 ? 'alternate' : 'question' });
    }
    return best;
  }
}
