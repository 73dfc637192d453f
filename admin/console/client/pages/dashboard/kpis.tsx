import { pct } from '../../ui.js';
import { duration, score, type Overview } from './data.js';

function Card({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div class="kpi">
      <span class="kpi-label">{label}</span>
      <strong class="kpi-value">{value}</strong>
      {note && <span class="small muted">{note}</span>}
    </div>
  );
}

export function Kpis({ o }: { o: Overview }) {
  return (
    <div class="kpis">
      <Card label="Conversations" value={String(o.conversations)} />
      <Card label="Messages" value={String(o.messages)} />
      <Card label="Automation rate" value={pct(o.automationRate)} />
      <Card label="Escalation rate" value={pct(o.escalationRate)} />
      <Card label="Fallback rate" value={pct(o.fallbackRate)} />
      <Card label="CSAT" value={score(o.csat.average, 1)} note={`${o.csat.count} rating${o.csat.count === 1 ? '' : 's'}`} />
      <Card label="First response" value={duration(o.agentTimes.firstResponseMs)} note="queue wait" />
      <Card label="Handling time" value={duration(o.agentTimes.handlingMs)} note="claim to close" />
    </div>
  );
}
