import type { EntityMatch } from '../../core/index.js';

interface Node {
  next: Map<string, Node>;
  /** Set when a synonym ends here: entity name and canonical option value. */
  hit?: { entity: string; value: string };
}

interface Token {
  key: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** Token key: lowercase, accents folded, so "Café" and "cafe" meet. */
function key(raw: string): string {
  return raw.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    out.push({ key: key(m[0]), start, end: start + m[0].length });
  }
  return out;
}

/**
 * Token trie over every enum option and synonym: matching walks at most the
 * longest synonym's token count from each message token, so cost does not grow
 * with the number of values (unlike NLP.js enum NER, linear in entries).
 */
export class EnumTrie {
  private readonly root: Node = { next: new Map() };
  size = 0;

  add(entity: string, value: string, phrase: string): void {
    const toks = tokenize(phrase);
    if (toks.length === 0) return;
    let node = this.root;
    for (const t of toks) {
      let child = node.next.get(t.key);
      if (!child) {
        child = { next: new Map() };
        node.next.set(t.key, child);
      }
      node = child;
    }
    // The first definition of a phrase wins: admins list the canonical value first.
    node.hit ??= { entity, value };
    this.size++;
  }

  /** Longest match at each position, left to right, non-overlapping. */
  match(text: string): EntityMatch[] {
    const toks = tokenize(text);
    const out: EntityMatch[] = [];
    let i = 0;
    while (i < toks.length) {
      let node: Node | undefined = this.root;
      let best: { hit: NonNullable<Node['hit']>; last: number } | null = null;
      for (let j = i; j < toks.length && node; j++) {
        const tok = toks[j] as Token;
        node = node.next.get(tok.key) ?? (tok.key.endsWith('s') ? node.next.get(tok.key.slice(0, -1)) : undefined);
        if (node?.hit) best = { hit: node.hit, last: j };
      }
      if (!best) {
        i++;
        continue;
      }
      const start = (toks[i] as Token).start;
      const end = (toks[best.last] as Token).end;
      out.push({ entity: best.hit.entity, value: best.hit.value, text: text.slice(start, end), start, end });
      i = best.last + 1;
    }
    return out;
  }
}
