import type { FaqEntry } from '../core/index.js';

export type RetrievalMode = 'hybrid' | 'lexical';
/** What the indexes need of an FAQ entry. */
export type IndexedEntry = Pick<FaqEntry, 'id' | 'question' | 'answer' | 'alternates'>;
