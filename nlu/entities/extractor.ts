import type { EntityDefinition, EntityMatch } from '../../core/index.js';
import { builtinRules, extractBuiltins } from './builtin.js';
import { EnumTrie } from './enum-trie.js';

interface RegexEntity {
  entity: string;
  pattern: RegExp;
}

export interface EntityExtractor {
  extract(text: string): EntityMatch[];
  /** Admin definitions that could not be used (invalid regex), with the reason. */
  readonly rejected: { entity: string; reason: string }[];
}

/**
 * Built-ins (email, url, order_id, money, date, time, phone, number) plus
 * admin-defined enum and regex entities. Admin entities may overlap built-ins
 * (a product code can also be a number); within each group overlaps resolve to
 * the longest match.
 */
export function createEntityExtractor(definitions: EntityDefinition[] = [], now: () => Date = () => new Date()): EntityExtractor {
  const rules = builtinRules(now);
  const trie = new EnumTrie();
  const regexes: RegexEntity[] = [];
  const rejected: { entity: string; reason: string }[] = [];
  for (const def of definitions) {
    if (def.type === 'enum') {
      for (const opt of def.options) {
        trie.add(def.name, opt.value, opt.value);
        for (const syn of opt.synonyms ?? []) trie.add(def.name, opt.value, syn);
      }
      continue;
    }
    try {
      const flags = [...new Set(`${def.flags ?? ''}gu`)].join('');
      regexes.push({ entity: def.name, pattern: new RegExp(def.pattern, flags) });
    } catch (err) {
      rejected.push({ entity: def.name, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return {
    rejected,
    extract(text: string): EntityMatch[] {
      const custom: EntityMatch[] = trie.size > 0 ? trie.match(text) : [];
      for (const r of regexes) {
        r.pattern.lastIndex = 0;
        for (const m of text.matchAll(r.pattern)) {
          if (m[0].length === 0) continue;
          const start = m.index ?? 0;
          // A capture group, when present, is the value (e.g. the digits of "REF-123").
          const value = m[1] ?? m[0];
          if (custom.some((c) => start < c.end && c.start < start + m[0].length)) continue;
          custom.push({ entity: r.entity, text: m[0], value, start, end: start + m[0].length });
        }
      }
      return [...custom, ...extractBuiltins(text, rules)].sort((a, b) => a.start - b.start || b.end - a.end);
    },
  };
}
