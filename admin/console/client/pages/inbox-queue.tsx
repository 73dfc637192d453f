import { Empty, ErrorBox, ago } from '../ui.js';
import type { ConversationSummary } from '../../../../core/index.js';
import { t, tx } from '../i18n/index.js';

function sentimentLabel(s?: number): string {
  if (s === undefined) return '';
  return s <= -0.25 ? `☹ ${tx('negative')}` : s >= 0.25 ? `☺ ${tx('positive')}` : `· ${tx('neutral')}`;
}

interface QueueProps {
  queue: ConversationSummary[];
  selected: string | null;
  connected: boolean;
  error: string | null;
  onSelect: (id: string) => void;
}

/** The live list of queued and agent-owned conversations. */
export function InboxQueue({ queue, selected, connected, error, onSelect }: QueueProps) {
  return (
    <section class="queue" aria-label={t('Queue')}>
      <h2>
        {t('Queue')} <span class={connected ? 'live on' : 'live'}>{connected ? t('live') : t('offline')}</span>
      </h2>
      <ErrorBox error={error} />
      {queue.length === 0 ? (
        <Empty>{t('No conversations waiting. New escalations appear here live.')}</Empty>
      ) : (
        <ul>
          {queue.map((c) => (
            <li key={c.id} class={`${c.id === selected ? 'sel ' : ''}${c.state}`} data-id={c.id}>
              <button type="button" onClick={() => onSelect(c.id)}>
                <strong>{c.customer.name ?? c.customer.email ?? t('Visitor {id}', { id: c.customer.id.slice(-5) })}</strong>
                <span class="badge">{c.state === 'queued' ? t('waiting {time}', { time: ago(c.waitingSince) }) : t('with {name}', { name: c.assignee?.name ?? '?' })}</span>
                <span class="muted small">
                  {c.intent ?? ''} {sentimentLabel(c.sentiment)}
                </span>
                <span class="preview">{c.lastMessage?.text ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
