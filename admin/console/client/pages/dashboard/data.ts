/** Pure helpers for the dashboard page: date range, query string, formatting, chart series. */
import type { Overview } from '../../../../../analytics/index.js';

export type { Overview };

export interface DayRange {
  /** YYYY-MM-DD, inclusive UTC days. */
  from: string;
  to: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The last `days` UTC days, today included. */
export function defaultRange(now = new Date(), days = 30): DayRange {
  const start = new Date(now.getTime() - (days - 1) * 86_400_000);
  return { from: day(start), to: day(now) };
}

/** The API wants ISO datetimes; whole UTC days from the date inputs. Empty inputs are left out. */
export function rangeQuery(r: DayRange): string {
  const q = new URLSearchParams();
  if (r.from) q.set('from', `${r.from}T00:00:00.000Z`);
  if (r.to) q.set('to', `${r.to}T23:59:59.999Z`);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function duration(ms: number | null | undefined): string {
  if (typeof ms !== 'number') return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m}m`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

export function score(x: number | null | undefined, digits = 2): string {
  return typeof x === 'number' ? x.toFixed(digits) : '—';
}

export function isEmpty(o: Overview): boolean {
  return o.conversations === 0 && o.messages === 0 && o.csat.count === 0;
}

export interface Series {
  labels: string[];
  values: (number | null)[];
}

export function csatSeries(o: Overview): Series {
  const keys = ['1', '2', '3', '4', '5'] as const;
  return { labels: keys.map((k) => `${k}★`), values: keys.map((k) => o.csat.distribution[k] ?? 0) };
}

export function sentimentSeries(o: Overview): Series {
  return { labels: o.sentiment.daily.map((d) => d.day), values: o.sentiment.daily.map((d) => d.average) };
}

export function dailySeries(o: Overview): Series {
  return { labels: o.daily.map((d) => d.day), values: o.daily.map((d) => d.conversations) };
}
