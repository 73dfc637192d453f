import type { ConversationSummary } from '../../../../core/index.js';
import { t } from '../i18n/index.js';

const LABELS = { high_value: () => t('high value'), at_risk: () => t('at risk') } as const;

/** Why a conversation sorts first in the queue ("high value", "at risk"); nothing for everyone else. */
export function PriorityTag({ summary }: { summary: ConversationSummary }) {
  const reasons = summary.priority?.reasons ?? [];
  if (reasons.length === 0) return null;
  return (
    <span class="badge priority" data-priority={reasons.join(' ')} title={t('Sorted first: see Settings → Customer priority')}>
      {reasons.map((r) => LABELS[r]()).join(', ')}
    </span>
  );
}
