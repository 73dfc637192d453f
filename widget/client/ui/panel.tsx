import { useEffect, useRef } from 'preact/hooks';
import type { WidgetController } from '../controller.js';
import { statusLine } from '../state.js';
import type { ViewState } from '../types.js';
import { Composer } from './composer.js';
import { CsatStars } from './csat-stars.js';
import { MessageList } from './message-list.js';
import { t } from '../i18n/index.js';

export interface PanelProps {
  ctrl: WidgetController;
  view: ViewState;
  title: string;
}

export function Panel({ ctrl, view, title }: PanelProps) {
  const panel = useRef<HTMLDivElement>(null);
  const conv = view.conversation;
  const canEscalate = view.connection === 'online' && (!conv || conv.state === 'bot');
  const offline = view.connection === 'reconnecting';
  const last = view.items[view.items.length - 1];
  const suggestions = last && last.author === 'bot' && conv?.state !== 'agent' ? last.suggestions ?? [] : [];

  useEffect(() => {
    panel.current?.querySelector('textarea')?.focus();
  }, []);

  return (
    <div
      id="parley-panel"
      ref={panel}
      class="panel"
      role="dialog"
      aria-label={title}
      onKeyDown={(e) => e.key === 'Escape' && ctrl.close()}
    >
      <header class="header">
        <div class="titles">
          <h2 class="title">{title}</h2>
          <p class="status">{statusLine(view)}</p>
        </div>
        {canEscalate && (
          <button type="button" class="ghost" onClick={() => ctrl.escalate()}>
            {t('talkToHuman')}
          </button>
        )}
        <button type="button" class="icon" aria-label={t('closeChat')} onClick={() => ctrl.close()}>
          ×
        </button>
      </header>
      {offline && (
        <p class="banner" role="status">
          {t('offlineBanner')}
        </p>
      )}
      <MessageList items={view.items} typing={view.typing} onRetry={(key) => ctrl.retry(key)} />
      {suggestions.length > 0 && (
        <div class="suggestions" role="group" aria-label={t('suggestedReplies')}>
          {suggestions.map((s) => (
            <button type="button" class="chip" key={s.label} onClick={() => ctrl.send(s.text)}>
              {s.label}
            </button>
          ))}
        </div>
      )}
      {(view.csat === 'pending' || view.csat === 'sending' || view.csat === 'done') && (
        <CsatStars state={view.csat} onRate={(score, comment) => ctrl.rate(score, comment)} />
      )}
      {view.notice && (
        <p class="notice" role="alert">
          {view.notice}
        </p>
      )}
      <Composer onSend={(text) => ctrl.send(text)} onTyping={() => ctrl.typing()} />
    </div>
  );
}
