/** Cluster profile in raw units (means over the cluster's customers). */
export interface SegmentProfile {
  recencyDays: number;
  conversations: number;
  csat: number | null;
  sentiment: number;
  missRate: number;
  monetary: number | null;
}

/** Human-readable name and summary, e.g. "Loyal, happy: frequent, recent, CSAT 4.6". */
export function describeSegment(p: SegmentProfile, population: SegmentProfile): { label: string; summary: string } {
  const recency = p.recencyDays <= 14 ? 'recent' : p.recencyDays <= 45 ? 'lapsing' : 'dormant';
  const freq =
    p.conversations >= Math.max(3, population.conversations * 1.5)
      ? 'frequent'
      : p.conversations < 1.5
        ? 'one-off'
        : 'occasional';
  const happy = (p.csat ?? 0) >= 4 || (p.csat === null && p.sentiment > 0.2);
  const unhappy = (p.csat !== null && p.csat < 3) || p.sentiment < -0.2 || p.missRate > 0.4;
  const mood = unhappy ? 'unhappy' : happy ? 'happy' : 'neutral';
  let label: string;
  if (unhappy) label = recency === 'recent' ? 'Frustrated' : 'At risk, unhappy';
  else if (recency === 'dormant') label = happy ? 'Lapsed, satisfied' : 'Dormant';
  else if (freq === 'frequent') label = happy ? 'Loyal, happy' : 'Regulars';
  else if (freq === 'one-off' && recency === 'recent') label = 'New';
  else label = happy ? 'Occasional, happy' : 'Occasional';
  const parts = [freq, recency, mood];
  if (p.csat !== null) parts.push(`CSAT ${p.csat.toFixed(1)}`);
  if (p.missRate > 0.25) parts.push(`${Math.round(p.missRate * 100)}% unanswered`);
  if (p.monetary !== null && population.monetary !== null) {
    parts.push(p.monetary >= population.monetary * 1.5 ? 'high spend' : p.monetary <= population.monetary * 0.5 ? 'low spend' : 'average spend');
  }
  return { label, summary: `${label}: ${parts.join(', ')}` };
}
