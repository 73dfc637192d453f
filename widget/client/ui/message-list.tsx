import { useEffect, useRef } from 'preact/hooks';
import type { ChatItem, ViewState } from '../types.js';

export interface MessageListProps {
  items: ChatItem[];
  typing: ViewState['typing'];
  onRetry(key: string): void;
}

function who(item: ChatItem): string {
  if (item.author === 'customer') return 'You';
  if (item.author === 'agent') return item.agentName ?? 'Agent';
  if (item.author === 'bot') return 'Assistant';
  return 'Notice';
}

function deliveryText(item: ChatItem): string | null {
  if (item.delivery === 'sending') return 'Sending…';
  if (item.delivery === 'queued') return 'Waiting for connection…';
  if (item.delivery === 'failed') return 'Not sent.';
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
      <ol class="messages" role="log" aria-live="polite" aria-relevant="additions" aria-label="Conversation">
        {items.map((item) => (
          <li key={item.key} class={`msg ${item.author}`} data-author={item.author}>
            {item.author !== 'system' && <span class="who">{who(item)}</span>}
            <p class="text">{item.text}</p>
            {item.delivery && (
              <span class="delivery">
                {deliveryText(item)}
                {item.delivery === 'failed' && (
                  <button type="button" class="link" onClick={() => onRetry(item.key)}>
                    Retry
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
          <span class="sr">{`${typing.name ?? (typing.author === 'agent' ? 'The agent' : 'The assistant')} is typing`}</span>
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
