const MONTH_INDEX: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};
const WEEKDAY_INDEX: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m, d));
  if (date.getUTCMonth() !== m || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function addDays(now: Date, days: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
}

/** Normalises a date expression to an ISO day (UTC calendar of `now`); null when it is not a real date. */
export function parseDate(text: string, now: Date): string | null {
  const t = text.toLowerCase().trim();
  if (t === 'today' || t === 'tonight') return addDays(now, 0);
  if (t === 'tomorrow') return addDays(now, 1);
  if (t === 'yesterday') return addDays(now, -1);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})$/.exec(t);
  if (m) {
    // Day-first (most of the world); the year may be two digits.
    const y = Number(m[3]) < 100 ? 2000 + Number(m[3]) : Number(m[3]);
    return iso(y, Number(m[2]) - 1, Number(m[1]));
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)(?:\s+(\d{4}))?$/.exec(t) ?? null;
  const m2 = m ? null : /^([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/.exec(t);
  if (m || m2) {
    const day = Number(m ? m[1] : m2?.[2]);
    const month = MONTH_INDEX[(m ? m[2] : m2?.[1])?.slice(0, 3) ?? ''];
    const yearText = m ? m[3] : m2?.[3];
    if (month === undefined) return null;
    return iso(yearText ? Number(yearText) : now.getUTCFullYear(), month, day);
  }
  m = /^(next\s+|this\s+|last\s+)?([a-z]+)$/.exec(t);
  const wd = m ? WEEKDAY_INDEX[m[2] ?? ''] : undefined;
  if (m && wd !== undefined) {
    let diff = (wd - now.getUTCDay() + 7) % 7;
    if (m[1]?.startsWith('last')) diff = diff === 0 ? -7 : diff - 7;
    else if (m[1]?.startsWith('next') && diff === 0) diff = 7;
    return addDays(now, diff);
  }
  return null;
}

/** Normalises a clock time to 24h "HH:MM". */
export function parseTime(text: string): string | null {
  const t = text.toLowerCase().replace(/\./g, '').trim();
  if (t === 'noon') return '12:00';
  if (t === 'midnight') return '00:00';
  const m = /^(\d{1,2})(?::(\d{2}))?\s?([ap]m)?$/.exec(t);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (m[3] === 'pm' && h < 12) h += 12;
  if (m[3] === 'am' && h === 12) h = 0;
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}
