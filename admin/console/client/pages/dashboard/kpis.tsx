import { pct } from '../../ui.js';
import { duration, score, type Overview } from './data.js';
import { t } from '../../i18n/index.js';

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
      <Card label={t('Conversations')} value={String(o.conversations)} />
      <Card label={t('Messages')} value={String(o.messages)} />
      <Card label={t('Automation rate')} value={pct(o.automationRate)} />
      <Card label={t('Escalation rate')} value={pct(o.escalationRate)} />
      <Card label={t('Fallback rate')} value={pct(o.fallbackRate)} />
      <Card label={t('CSAT')} value={score(o.csat.average, 1)} note={t(o.csat.count === 1 ? '{n} rating' : '{n} ratings', { n: o.csat.count })} />
      <Card label={t('First response')} value={duration(o.agentTimes.firstResponseMs)} note={t('queue wait')} />
      <Card label={t('Handling time')} value={duration(o.agentTimes.handlingMs)} note={t('claim to close')} />
    </div>
  );
}
