import type { Ref } from 'preact';
import { t } from '../i18n/index.js';

export interface LauncherProps {
  open: boolean;
  unread: number;
  onClick(): void;
  buttonRef: Ref<HTMLButtonElement>;
}

export function Launcher({ open, unread, onClick, buttonRef }: LauncherProps) {
  const label = open ? t('closeChat') : unread > 0 ? t('openChatUnread', { count: unread }) : t('openChat');
  return (
    <button ref={buttonRef} type="button" class="launcher" aria-label={label} aria-expanded={open} aria-controls="parley-panel" onClick={onClick}>
      <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
        {open ? (
          <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" fill="none" />
        ) : (
          <path d="M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 4v-4h0A1.5 1.5 0 0 1 4 14.5z" fill="currentColor" />
        )}
      </svg>
      {!open && unread > 0 && (
        <span class="badge" aria-hidden="true">
          {unread > 9 ? '9+' : unread}
        </span>
      )}
    </button>
  );
}
