import { NUMERAL_CHARS, parseChineseNumber } from './chinese-numerals.js';
import { parseChineseDate, parseChineseTime } from './zh-dates.js';

interface Rule {
  entity: string;
  pattern: RegExp;
  value(text: string): string | number | null;
}

const N = `[${NUMERAL_CHARS}]`;
const SMALL = '[0-9]{1,2}|[零一二两三四五六七八九十]{1,3}';
/** Measure words after which a single numeral (三个, 两件) is a quantity; 一下 / 一直 / 十分 are not numbers. */
const MEASURE = '个|件|份|张|瓶|盒|包|袋|箱|台|部|本|次|天|周|月|年|岁|小时|分钟|秒|斤|公斤|克|米|公里|元|块|人|位|单|杯|碗|双|套|条';

/**
 * Chinese built-ins (text already width-folded: full-width digits and letters are ASCII). Listed before the
 * generic rules, so with equal length they win (订单号 13812345678 is an order id, not a phone).
 */
export function chineseRules(now: () => Date): Rule[] {
  return [
    {
      entity: 'order_id',
      pattern: /(?<=(?:订单号|订单编号|单号|订单|运单号|快递单号)[是为:\s]{0,3})[A-Za-z0-9][A-Za-z0-9-]{5,31}(?![A-Za-z0-9])/gu,
      value: (t) => (/\d/.test(t) ? t.toUpperCase() : null),
    },
    {
      entity: 'money',
      pattern: new RegExp(`(?:[¥￥]\\s?\\d[\\d,]*(?:\\.\\d{1,2})?|(?:\\d[\\d,]*(?:\\.\\d{1,2})?|${N}+)\\s?(?:元|块钱|块|人民币|rmb))`, 'giu'),
      value: (t) => {
        const body = t.replace(/[¥￥\s,]|元|块钱|块|人民币|rmb/gi, '');
        const n = /^\d/.test(body) ? Number(body) : parseChineseNumber(body);
        return n === null || !Number.isFinite(n) ? null : `${n.toFixed(2)} CNY`;
      },
    },
    {
      entity: 'date',
      pattern: new RegExp(
        `(?:(?:\\d{4}|[零〇一二三四五六七八九]{4})年)?(?:${SMALL})月(?:${SMALL})[日号]|大后天|今天|今日|今晚|明天|明日|明早|明晚|后天|昨天|昨日|前天|(?:下下|下|这|本|上)?个?(?:周|星期|礼拜)[一二三四五六日天]`,
        'gu',
      ),
      value: (t) => parseChineseDate(t.replace(/^(今晚|明晚|明早)$/, (x) => x), now()),
    },
    {
      entity: 'time',
      pattern: new RegExp(`(?:凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里)?(?:${SMALL})(?:点钟|点|时)(?:半|一刻|三刻|(?:${SMALL})分?)?`, 'gu'),
      value: (t) => parseChineseTime(t),
    },
    {
      entity: 'number',
      // A numeral of two or more characters (三百五十, 两千, 十五), digits with a big unit (3万), or one
      // numeral before a measure word (三个); 十分 ("very") is not ten unless minutes follow.
      pattern: new RegExp(`\\d+(?:\\.\\d+)?[万亿]|(?!十分(?!钟))${N}{2,}|${N}(?=${MEASURE})`, 'gu'),
      value: (t) => parseChineseNumber(t),
    },
  ];
}
