import { csvCell } from './imports/csv.js';
import type { Overview } from './types.js';

const line = (cells: unknown[]): string => cells.map(csvCell).join(',');
const round = (v: number | null, digits = 4): number | string => (v === null ? '' : Math.round(v * 10 ** digits) / 10 ** digits);

/**
 * The dashboard's CSV export: headline figures, then daily, intent, agent and segment tables,
 * separated by blank lines. Only aggregates and pseudonymous ids; cells are guarded against
 * spreadsheet formula injection.
 */
export function overviewToCsv(o: Overview): string {
  const out: string[] = [];
  out.push(line(['metric', 'value']));
  const headline: [string, unknown][] = [
    ['from', o.range.from],
    ['to', o.range.to],
    ['conversations', o.conversations],
    ['messages', o.messages],
    ['automation_rate', round(o.automationRate)],
    ['escalation_rate', round(o.escalationRate)],
    ['fallback_rate', round(o.fallbackRate)],
    ['clarify_rate', round(o.clarifyRate)],
    ['csat_average', round(o.csat.average, 2)],
    ['csat_count', o.csat.count],
    ...(['1', '2', '3', '4', '5'] as const).map((k): [string, unknown] => [`csat_${k}`, o.csat.distribution[k]]),
    ['first_response_ms', round(o.agentTimes.firstResponseMs, 0)],
    ['handling_ms', round(o.agentTimes.handlingMs, 0)],
    ['sentiment_average', round(o.sentiment.average)],
    ['churn_at_risk', o.churn.ready ? o.churn.atRisk : ''],
    ['churn_auc', o.churn.ready ? round(o.churn.auc) : ''],
  ];
  for (const row of headline) out.push(line(row));
  out.push('', line(['day', 'conversations', 'messages', 'escalated', 'fallbacks', 'csat_average', 'sentiment_average']));
  o.daily.forEach((d, i) => {
    const s = o.sentiment.daily[i];
    out.push(line([d.day, d.conversations, d.messages, d.escalated, d.fallbacks, round(d.csatAverage, 2), round(s?.average ?? null)]));
  });
  out.push('', line(['intent', 'volume', 'fallback_rate', 'escalation_rate', 'csat', 'csat_count']));
  for (const i of o.intents) out.push(line([i.intent, i.volume, round(i.fallbackRate), round(i.escalationRate), round(i.csat, 2), i.csatCount]));
  out.push('', line(['agent', 'handled', 'csat', 'csat_count', 'handling_ms']));
  for (const a of o.agents) out.push(line([a.name, a.handled, round(a.csat, 2), a.csatCount, round(a.handlingMs, 0)]));
  if (o.segments.ready) {
    out.push('', line(['segment', 'size', 'share', 'summary']));
    for (const s of o.segments.segments) out.push(line([s.label, s.size, round(s.share), s.summary]));
  }
  return `${out.join('\n')}\n`;
}
