import type { ComponentChildren } from 'preact';

/** Plain text with http(s) links made clickable; everything else stays text (never HTML). */
export function LinkedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"')]+)/g);
  return (
    <span class="text">
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <a key={i} href={p} target="_blank" rel="noopener noreferrer">
            {p}
          </a>
        ) : (
          p
        ),
      )}
    </span>
  );
}

export function ErrorBox({ error }: { error: string | null }) {
  return error ? (
    <div class="error" role="alert">
      {error}
    </div>
  ) : null;
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>;
}

export function pct(x: number | null | undefined): string {
  return typeof x === 'number' ? `${Math.round(x * 100)}%` : '—';
}

export function ago(iso: string | undefined, now = Date.now()): string {
  if (!iso) return '';
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

export const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

/** crypto.randomUUID needs a secure context; getRandomValues works on plain http too (LAN tablets). */
export function newClientId(): string {
  const b = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
