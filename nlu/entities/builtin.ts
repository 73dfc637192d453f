import type { EntityMatch } from '../../core/index.js';
import { foldChinese } from '../../core/index.js';
import { parseDate, parseTime } from './dates.js';
import { chineseRules } from './zh/zh-rules.js';

interface Rule {
  entity: string;
  pattern: RegExp;
  /** Returns the normalised value, or null to reject the candidate. */
  value(text: string): string | number | null;
}

const WORD_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, fifty: 50, hundred: 100,
};
const CURRENCY: Record<string, string> = {
  $: 'USD', usd: 'USD', dollar: 'USD', dollars: 'USD', '€': 'EUR', eur: 'EUR', euro: 'EUR', euros: 'EUR',
  '£': 'GBP', gbp: 'GBP', pound: 'GBP', pounds: 'GBP',
};
const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';

/** A letter that is not Han: Chinese has no spaces, so "邮箱是abc@x.com" and "要3个" must still match. */
const L = '(?:(?!\\p{Script=Han})\\p{L})';

function amount(text: string): number {
  return Number(text.replace(/[^\d.]/g, ''));
}

/**
 * The id the customer wrote, never rebuilt: "#A12345" -> "A12345", "ORD-123456" stays as typed,
 * and a word before a space only names the id ("order 55555" -> "55555", not an "ORDER-55555" that does not exist).
 */
export function orderIdAsGiven(t: string): string {
  const spaced = /^[\p{L}]+\s+#?(.+)$/u.exec(t);
  return spaced?.[1] ?? t.replace(/^#/, '');
}

/** Order of the list is priority when two candidates overlap with the same length. */
export function builtinRules(now: () => Date): Rule[] {
  return [
    {
      entity: 'email',
      pattern: new RegExp(`(?<!(?:${L}|[\\p{N}._%+-]))(?:${L}|[\\p{N}._%+-]){1,64}@(?:${L}|[\\p{N}-])+(?:\\.(?:${L}|[\\p{N}-])+)*\\.${L}{2,}`, 'gu'),
      value: (t) => t.toLowerCase(),
    },
    { entity: 'url', pattern: /\b(?:https?:\/\/|www\.)[^\s<>"'`]+[^\s<>"'`.,;:!?)\]]/giu, value: (t) => t },
    {
      entity: 'order_id',
      pattern: /(?<![\p{L}\p{N}])(?:#[A-Z]{0,3}-?\d{4,12}\b|(?:ORD|ORDER|TCK|TKT|TICKET|INV|CASE)[-_ ]?\d{4,12}\b)/giu,
      value: orderIdAsGiven,
    },
    ...chineseRules(now),
    {
      entity: 'money',
      pattern: /(?:[$€£]\s?\d[\d,]*(?:\.\d{1,2})?|\b\d[\d,]*(?:\.\d{1,2})?\s?(?:usd|eur|gbp|dollars?|euros?|pounds?)\b)/giu,
      value: (t) => {
        const sym = /[$€£]|usd|eur|gbp|dollars?|euros?|pounds?/i.exec(t)?.[0].toLowerCase() ?? '';
        const n = amount(t);
        return Number.isFinite(n) && /\d/.test(t) ? `${n.toFixed(2)} ${CURRENCY[sym] ?? 'USD'}` : null;
      },
    },
    {
      entity: 'date',
      pattern: new RegExp(
        `\\b(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\b(?:\\s+\\d{4})?|(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4})?|today|tonight|tomorrow|yesterday|(?:next\\s+|this\\s+|last\\s+)?(?:${WEEKDAYS}))\\b`,
        'giu',
      ),
      value: (t) => parseDate(t, now()),
    },
    {
      entity: 'time',
      pattern: /\b(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?[ap]\.?m\.?)?|\b(?:1[0-2]|0?[1-9])\s?[ap]\.?m\b\.?|\b(?:noon|midnight)\b/giu,
      value: (t) => parseTime(t),
    },
    {
      entity: 'phone',
      // One separator between digit groups keeps the match unambiguous (no backtracking blow-up on long digit runs).
      pattern: new RegExp(String.raw`(?<!(?:${L}|[\p{N}+]))(?:\+?\d{9,15}|\+?(?:\(\d{1,4}\)\s?)?\d{1,4}(?:[\s.-]\(?\d{1,4}\)?){1,5})(?!(?:${L}|\p{N}))`, 'gu'),
      value: (t) => {
        const digits = t.replace(/\D/g, '');
        // Phone numbers need separators or a + unless they are long; bare 5-digit numbers are just numbers.
        if (digits.length < 7 || digits.length > 15) return null;
        if (!/[\s.()+-]/.test(t) && digits.length < 9) return null;
        return (t.trim().startsWith('+') ? '+' : '') + digits;
      },
    },
    {
      entity: 'number',
      pattern: new RegExp(`(?<!(?:${L}|[\\p{N}#]))-?\\d+(?:[.,]\\d+)*(?!(?:${L}|\\p{N}|[万亿]))|\\b(?:${Object.keys(WORD_NUMBERS).join('|')})\\b`, 'giu'),
      value: (t) => {
        const w = WORD_NUMBERS[t.toLowerCase()];
        if (w !== undefined) return w;
        const n = Number(/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, '') : t.replace(',', '.'));
        return Number.isFinite(n) ? n : null;
      },
    },
  ];
}

/** All non-overlapping built-in matches: longest wins, then rule priority. */
/**
 * Full-width ASCII (ＡＢＣ１２３＠，) and the ideographic space as their ASCII forms, one character for one,
 * so offsets stay those of the original text (NFKC could change lengths).
 */
export function widthFold(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

export function extractBuiltins(original: string, rules: Rule[]): EntityMatch[] {
  // Traditional characters read as simplified (後天 = 后天); the fold is character for character, checked anyway.
  const wide = widthFold(original);
  const folded = foldChinese(wide);
  const text = folded.length === wide.length ? folded : wide;
  const found: (EntityMatch & { priority: number })[] = [];
  rules.forEach((rule, priority) => {
    rule.pattern.lastIndex = 0;
    for (const m of text.matchAll(rule.pattern)) {
      const value = rule.value(m[0]);
      if (value === null || m[0].length === 0) continue;
      const start = m.index ?? 0;
      found.push({ entity: rule.entity, text: original.slice(start, start + m[0].length), value, start, end: start + m[0].length, priority });
    }
  });
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  const kept: EntityMatch[] = [];
  // Occupied characters: linear in the text, however many candidates a long message yields.
  const taken = new Uint8Array(text.length);
  for (const f of found) {
    let free = true;
    for (let i = f.start; i < f.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, f.start, f.end);
    kept.push({ entity: f.entity, text: f.text, value: f.value, start: f.start, end: f.end });
  }
  return kept.sort((a, b) => a.start - b.start);
}
