import type { ConversationSummary } from '../../../../core/index.js';

const LABELS: Record<'high_value' | 'at_risk', string> = { high_value: 'high value', at_risk: 'at risk' };

/** Why a conversation sorts first in the queue ("high value", "at risk"); nothing for everyone else. */
export function PriorityTag({ summary }: { summary: ConversationSummary }) {
  const reasons = summary.priority?.reasons ?? [];
  if (reasons.length === 0) return null;
  return (
    <span class="badge priority" data-priority={reasons.join(' ')} title="Sorted first: see Settings → Customer priority">
      {reasons.map((r) => LABELS[r]).join(', ')}
    </span>
  );
}
