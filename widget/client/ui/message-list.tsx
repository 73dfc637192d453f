import { useEffect, useRef } from 'preact/hooks';
import type { ChatItem, ViewState } from '../types.js';
import { t } from '../i18n/index.js';

export interface MessageListProps {
  items: ChatItem[];
  typing: ViewState['typing'];
  onRetry(key: string): void;
}

function who(item: ChatItem): string {
  if (item.author === 'customer') return t('you');
  if (item.author === 'agent') return item.agentName ?? t('agent');
  if (item.author === 'bot') return t('assistant');
  return t('notice');
}

function deliveryText(item: ChatItem): string | null {
  if (item.delivery === 'sending') return t('sending');
  if (item.delivery === 'queued') return t('queued');
  if (item.delivery === 'failed') return t('failed');
  return null;
}

/** The transcript. Text is rendered as text nodes only: nothing a customer or agent types can inject markup. */
export function MessageList({ items, typing, onRetry }: MessageListProps) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [items.length, typing]);
  return (
    <div class="scroller">
      <ol class="messages" role="log" aria-live="polite" aria-relevant="additions" aria-label={t('conversation')}>
        {items.map((item) => (
          <li key={item.key} class={`msg ${item.author}`} data-author={item.author}>
            {item.author !== 'system' && <span class="who">{who(item)}</span>}
            <p class="text">{item.text}</p>
            {item.delivery && (
              <span class="delivery">
                {deliveryText(item)}
                {item.delivery === 'failed' && (
                  <button type="button" class="link" onClick={() => onRetry(item.key)}>
                    {t('retry')}
                  </button>
                )}
              </span>
            )}
          </li>
        ))}
        <li ref={end} class="end" aria-hidden="true" />
      </ol>
      {typing && (
        <p class="typing" role="status">
          <span class="sr">{typing.name ? t('namedTyping', { name: typing.name }) : t(typing.author === 'agent' ? 'agentTyping' : 'assistantTyping')}</span>
          <span class="dots" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
        </p>
      )}
    </div>
  );
}
