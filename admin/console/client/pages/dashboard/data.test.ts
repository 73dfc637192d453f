import { describe, expect, it } from '@jest/globals';
import { csatSeries, dailySeries, defaultRange, duration, isEmpty, rangeQuery, score, sentimentSeries, type Overview } from './data.js';

const overview = (patch: Partial<Overview> = {}): Overview => ({
  range: { from: '2026-01-01', to: '2026-01-02' },
  generatedAt: '2026-01-03T00:00:00.000Z',
  dataThrough: null,
  conversations: 3,
  messages: 9,
  automationRate: 0.5,
  escalationRate: 0.25,
  fallbackRate: 0.1,
  clarifyRate: 0,
  csat: { average: 4.5, count: 2, distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 } },
  agentTimes: { firstResponseMs: 90_000, handlingMs: 3_900_000 },
  sentiment: { average: 0.2, daily: [{ day: '2026-01-01', average: 0.2, count: 3, negative: 0, neutral: 2, positive: 1 }] },
  daily: [{ day: '2026-01-01', conversations: 3, messages: 9, escalated: 1, fallbacks: 1, csatAverage: 4.5 }],
  intents: [],
  agents: [],
  churn: { ready: false, reason: 'too few' },
  segments: { ready: false, reason: 'too few' },
  ...patch,
});

describe('dashboard data helpers', () => {
  it('defaults to the last 30 UTC days and builds an ISO range query', () => {
    const r = defaultRange(new Date('2026-03-31T10:00:00Z'));
    expect(r).toEqual({ from: '2026-03-02', to: '2026-03-31' });
    expect(rangeQuery(r)).toBe('?from=2026-03-02T00%3A00%3A00.000Z&to=2026-03-31T23%3A59%3A59.999Z');
    expect(rangeQuery({ from: '', to: '' })).toBe('');
  });

  it('formats durations and scores', () => {
    expect([duration(null), duration(4_000), duration(90_000), duration(3_900_000)]).toEqual(['—', '4s', '2m', '1h 5m']);
    expect([score(null), score(4.456)]).toEqual(['—', '4.46']);
  });

  it('builds chart series and detects an empty overview', () => {
    const o = overview();
    expect(csatSeries(o)).toEqual({ labels: ['1★', '2★', '3★', '4★', '5★'], values: [0, 0, 0, 1, 1] });
    expect(sentimentSeries(o)).toEqual({ labels: ['2026-01-01'], values: [0.2] });
    expect(dailySeries(o)).toEqual({ labels: ['2026-01-01'], values: [3] });
    expect(isEmpty(o)).toBe(false);
    expect(isEmpty(overview({ conversations: 0, messages: 0, csat: { average: null, count: 0, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } } }))).toBe(true);
  });
});
