import { useState } from 'preact/hooks';
import { t } from '../i18n/index.js';

export interface ComposerProps {
  onSend(text: string): boolean;
  onTyping(): void;
}

/** Enter sends, Shift+Enter adds a line. */
export function Composer({ onSend, onTyping }: ComposerProps) {
  const [text, setText] = useState('');
  const submit = (): void => {
    if (onSend(text)) setText('');
  };
  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label class="sr" for="parley-input">
        {t('inputLabel')}
      </label>
      <textarea
        id="parley-input"
        rows={1}
        maxLength={8000}
        placeholder={t('inputPlaceholder')}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          onTyping();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <button type="submit" class="send" aria-label={t('send')} disabled={!text.trim()}>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M3 20l18-8L3 4v6l12 2-12 2z" fill="currentColor" />
        </svg>
      </button>
    </form>
  );
}
