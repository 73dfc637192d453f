const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters a Chinese numeral is written with. */
export const NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/**
 * Value of a Chinese numeral: 三百五十 -> 350, 两千 -> 2000, 十五 -> 15, 一万二千 -> 12000, 三千五 -> 3500
 * (a trailing digit after a unit counts one unit lower, as spoken), 二零二六 -> 2026 (digit by digit).
 * Arabic digits may lead a big unit: 3万 -> 30000, 1.5万 -> 15000. Null when the text is not a numeral.
 */
export function parseChineseNumber(text: string): number | null {
  const mixed = /^(\d+(?:\.\d+)?)([万亿千百])$/.exec(text);
  if (mixed) return Number(mixed[1]) * (BIG[mixed[2] ?? ''] ?? UNITS[mixed[2] ?? ''] ?? 1);
  if (text === '' || [...text].some((c) => !NUMERAL_CHARS.includes(c))) return null;
  // Digit by digit, no units (years, codes): 二零二六.
  if ([...text].every((c) => DIGITS[c] !== undefined) && text.length > 1) return Number([...text].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = 1;
  for (const c of text) {
    const d = DIGITS[c];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const unit = UNITS[c];
    if (unit !== undefined) {
      section += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
      continue;
    }
    const big = BIG[c];
    if (big === undefined) return null;
    total += (section + (digit ?? 0)) * big;
    section = 0;
    digit = null;
    lastUnit = big / 10;
  }
  // "三千五": the last digit is in the unit below the last one (500), unless a 零 stood before it.
  if (digit !== null) section += lastUnit > 1 && !text.includes('零') ? (digit * lastUnit) / 10 : digit;
  return total + section;
}
