import { parseChineseNumber } from './chinese-numerals.js';

const DAY_OFFSETS: Record<string, number> = { 今天: 0, 今日: 0, 今晚: 0, 明天: 1, 明日: 1, 明早: 1, 明晚: 1, 后天: 2, 大后天: 3, 昨天: -1, 昨日: -1, 前天: -2 };
const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 0, 天: 0 };

function addDays(now: Date, days: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days)).toISOString().slice(0, 10);
}

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : null;
}

const num = (t: string | undefined): number | null => (t === undefined ? null : /^\d+$/.test(t) ? Number(t) : parseChineseNumber(t));

/**
 * ISO day of a Chinese date expression (UTC calendar of `now`): 今天/明天/后天, 下周一 / 这周五 / 上星期三 /
 * 周日 (weeks start on Monday; a bare weekday is the next one, today included), 3月5日 / 三月五号 / 2026年12月7日.
 */
export function parseChineseDate(text: string, now: Date): string | null {
  const rel = DAY_OFFSETS[text];
  if (rel !== undefined) return addDays(now, rel);
  const w = /^(下下|下|这|本|上)?个?(?:周|星期|礼拜)([一二三四五六日天])$/.exec(text);
  if (w) {
    const target = WEEKDAY[w[2] ?? ''] ?? 0;
    const today = now.getUTCDay();
    if (!w[1]) return addDays(now, (target - today + 7) % 7);
    // Monday-based weeks: 周日 is the last day of its week.
    const idx = (d: number) => (d + 6) % 7;
    const weeks = { 下下: 2, 下: 1, 这: 0, 本: 0, 上: -1 }[w[1]] ?? 0;
    return addDays(now, idx(target) - idx(today) + 7 * weeks);
  }
  const d = /^(?:(\d{4}|[零〇一二三四五六七八九]{4})年)?([0-9]{1,2}|[一二三四五六七八九十]{1,3})月([0-9]{1,2}|[一二三四五六七八九十]{1,3})[日号]$/.exec(text);
  if (d) {
    const year = d[1] ? num(d[1]) : now.getUTCFullYear();
    const month = num(d[2]);
    const day = num(d[3]);
    return year !== null && month !== null && day !== null ? iso(year, month, day) : null;
  }
  return null;
}

const PERIOD_SHIFT: Record<string, number> = { 下午: 12, 晚上: 12, 傍晚: 12, 夜里: 12, 今晚: 12, 明晚: 12 };

/** "HH:MM" of a Chinese clock time: 下午三点 -> 15:00, 晚上8点半 -> 20:30, 10点15分 -> 10:15, 中午12点 -> 12:00. */
export function parseChineseTime(text: string): string | null {
  const m = /^(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里)?([0-9]{1,2}|[零一二两三四五六七八九十]{1,3})(?:点钟|点|时)(?:(半)|(一刻)|(三刻)|([0-9]{1,2}|[零一二三四五六七八九十]{1,3})分?)?$/.exec(text);
  if (!m) return null;
  let h = num(m[2]);
  const min = m[3] ? 30 : m[4] ? 15 : m[5] ? 45 : m[6] ? num(m[6]) : 0;
  if (h === null || min === null) return null;
  if (m[1] && (PERIOD_SHIFT[m[1]] ?? 0) > 0 && h < 12) h += 12;
  if (m[1] === '中午' && h < 6) h += 12;
  if (m[1] === '凌晨' && h === 12) h = 0;
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}
