import { Empty, pct } from '../../ui.js';
import { duration, score, type Overview } from './data.js';
import { t } from '../../i18n/index.js';

export function IntentTable({ intents }: { intents: Overview['intents'] }) {
  if (intents.length === 0) return <Empty>{t('No intents matched in this range.')}</Empty>;
  return (
    <table>
      <thead><tr><th>{t('Intent')}</th><th>{t('Volume')}</th><th>{t('Fallback')}</th><th>{t('Escalation')}</th><th>{t('CSAT')}</th></tr></thead>
      <tbody>
        {intents.map((i) => (
          <tr key={i.intent}>
            <td>{i.intent}</td>
            <td>{i.volume}</td>
            <td>{pct(i.fallbackRate)}</td>
            <td>{pct(i.escalationRate)}</td>
            <td>{score(i.csat, 1)} <span class="small muted">({i.csatCount})</span></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AgentTable({ agents }: { agents: Overview['agents'] }) {
  if (agents.length === 0) return <Empty>{t('No conversations handled by agents in this range.')}</Empty>;
  return (
    <table>
      <thead><tr><th>{t('Agent')}</th><th>{t('Handled')}</th><th>{t('CSAT')}</th><th>{t('Handling time')}</th></tr></thead>
      <tbody>
        {agents.map((a) => (
          <tr key={a.agentId}>
            <td>{a.name}</td>
            <td>{a.handled}</td>
            <td>{score(a.csat, 1)} <span class="small muted">({a.csatCount})</span></td>
            <td>{duration(a.handlingMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
