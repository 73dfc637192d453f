import { isBuiltinEntity, type EntityDefinition } from '../../core/index.js';
import { builtinRules, extractBuiltins, widthFold } from './builtin.js';
import { createEntityExtractor, type EntityExtractor } from './extractor.js';

/** One value read for a slot: `text` exactly as the customer wrote it, `value` its normalised reading. */
export interface SlotReading {
  entity: string;
  text: string;
  value: string | number;
  start: number;
  end: number;
}

export interface SlotReader {
  /**
   * Reads the value of one entity from an answer to our question for it. Stricter shapes first (an
   * "ORD-" prefix, a currency sign), then the bare forms a customer types when asked ("A12345", "12345",
   * "5551234567", "49.99"). The last mention wins: "no, not 12345, it's 54321" is a correction.
   * `definition` is the admin entity (enum, regex) when `entity` is not builtin; a shop's own `order_id`
   * regex replaces the default id shape.
   */
  read(text: string, entity: string, definition?: EntityDefinition | null): SlotReading | null;
}

/** Bare ids as typed when asked for one: optional "#", up to 3 letters, digits, optional letter suffix. */
const BARE_ORDER_ID = /(?<![\p{L}\p{N}#-])#?((?:[A-Z]{1,3}-?)?\d{4,12}[A-Z]?)(?![\p{L}\p{N}])/giu;
const BARE_PHONE = /(?<![\p{L}\p{N}])\+?\d{7,15}(?![\p{L}\p{N}])/gu;
const BARE_AMOUNT = /(?<![\p{L}\p{N}.,])\d{1,9}(?:[.,]\d{1,2})?(?![\p{L}\p{N}]|[.,]\d)/gu;

export function createSlotReader(now: () => Date = () => new Date()): SlotReader {
  const rules = builtinRules(now);
  // Admin definitions change rarely: one extractor per definition object, dropped with it.
  const extractors = new WeakMap<EntityDefinition, EntityExtractor>();
  const custom = (def: EntityDefinition): EntityExtractor => {
    let e = extractors.get(def);
    if (!e) extractors.set(def, (e = createEntityExtractor([def], now)));
    return e;
  };

  const last = <T>(list: T[]): T | null => list[list.length - 1] ?? null;
  const bare = (text: string, entity: string, pattern: RegExp, value: (m: RegExpMatchArray) => string | number): SlotReading | null => {
    // Full-width ＡＢＣ１２３４５ (a CJK input method) reads as ABC12345; the fold keeps offsets.
    const found = [...widthFold(text).matchAll(pattern)].map((m) => {
      const start = m.index ?? 0;
      return { entity, text: m[0], value: value(m), start, end: start + m[0].length };
    });
    return last(found);
  };

  return {
    read(text, entity, definition) {
      if (definition) {
        return last(custom(definition).extract(text).filter((m) => m.entity === definition.name));
      }
      if (!isBuiltinEntity(entity)) return null;
      const strict = last(extractBuiltins(text, rules).filter((m) => m.entity === entity));
      // An order id's words ("order 55555") only name it: the id itself is what the customer typed.
      if (strict) return entity === 'order_id' ? { ...strict, text: String(strict.value) } : strict;
      switch (entity) {
        case 'order_id':
        {
          const id = bare(text, entity, BARE_ORDER_ID, (m) => m[1] ?? m[0]);
          return id && { ...id, text: String(id.value) };
        }
        case 'phone':
          return bare(text, entity, BARE_PHONE, (m) => m[0]);
        case 'money':
          return bare(text, entity, BARE_AMOUNT, (m) => Number(m[0].replace(',', '.')).toFixed(2));
        default:
          return null;
      }
    },
  };
}
