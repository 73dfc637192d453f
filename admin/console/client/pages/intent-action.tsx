import { useState } from 'preact/hooks';
import type { IntentAction } from '../../../../core/index.js';
import { api, describeError } from '../api.js';

/** The action part of an intent as the editor holds it (strings while typing). */
export interface ActionDraft {
  type: 'none' | 'http' | 'builtin';
  url: string;
  timeoutMs: string;
  maxConcurrent: string;
  name: 'order_status' | 'recommend_products';
}

export const noAction: ActionDraft = { type: 'none', url: '', timeoutMs: '', maxConcurrent: '', name: 'order_status' };

export function toActionDraft(a: IntentAction | undefined): ActionDraft {
  if (!a) return noAction;
  if (a.type === 'builtin') return { ...noAction, type: 'builtin', name: a.name };
  return { ...noAction, type: 'http', url: a.url, timeoutMs: a.timeoutMs ? String(a.timeoutMs) : '', maxConcurrent: a.maxConcurrent ? String(a.maxConcurrent) : '' };
}

export function toActionBody(d: ActionDraft): IntentAction | undefined {
  if (d.type === 'none') return undefined;
  if (d.type === 'builtin') return { type: 'builtin', name: d.name };
  const n = (s: string) => (s.trim() ? Number(s) : undefined);
  const timeoutMs = n(d.timeoutMs);
  const maxConcurrent = n(d.maxConcurrent);
  return { type: 'http', url: d.url.trim(), ...(timeoutMs !== undefined ? { timeoutMs } : {}), ...(maxConcurrent !== undefined ? { maxConcurrent } : {}) };
}

type TestResult = { ok: true; answer: { text?: string; suggestions?: { label: string; text: string }[]; handoff?: boolean }; ms: number } | { ok: false; reason: string; detail: string; ms: number };

/** Action editor: none, a built-in, or a signed http call (URL, timeout, concurrency) with a "test call" to the backend. */
export function ActionEditor({ intent, saved, draft, onChange }: { intent: string; saved: boolean; draft: ActionDraft; onChange: (d: ActionDraft) => void }) {
  const [result, setResult] = useState<TestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ActionDraft>) => onChange({ ...draft, ...patch });

  async function testCall() {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api<TestResult>('POST', `/api/intents/${encodeURIComponent(intent)}/action/test`, { action: toActionBody(draft) }));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset class="intent-action" data-testid="intent-action">
      <legend>Action (runs when the intent is recognised; the answer above is the reply when it fails)</legend>
      <label>
        Type
        <select aria-label="Action type" value={draft.type} onChange={(e) => set({ type: (e.target as HTMLSelectElement).value as ActionDraft['type'] })}>
          <option value="none">none (the answer is the reply)</option>
          <option value="builtin">built-in</option>
          <option value="http">http call to your backend</option>
        </select>
      </label>
      {draft.type === 'builtin' && (
        <label>
          Built-in
          <select aria-label="Built-in action" value={draft.name} onChange={(e) => set({ name: (e.target as HTMLSelectElement).value as ActionDraft['name'] })}>
            <option value="order_status">order status (the customer's own orders)</option>
            <option value="recommend_products">recommend products</option>
          </select>
        </label>
      )}
      {draft.type === 'http' && (
        <>
          <label>URL<input aria-label="Action URL" type="url" placeholder="https://shop.example.com/parley/order-status" value={draft.url} onInput={(e) => set({ url: (e.target as HTMLInputElement).value })} /></label>
          <label>Timeout (ms, default 3000)<input aria-label="Action timeout" inputMode="numeric" value={draft.timeoutMs} onInput={(e) => set({ timeoutMs: (e.target as HTMLInputElement).value })} /></label>
          <label>Calls at once (default 16)<input aria-label="Action concurrency" inputMode="numeric" value={draft.maxConcurrent} onInput={(e) => set({ maxConcurrent: (e.target as HTMLInputElement).value })} /></label>
          <button type="button" disabled={!saved || busy || !draft.url.trim()} onClick={testCall} title={saved ? 'One signed call with this URL (not saved)' : 'Save the intent first'}>
            {busy ? 'Calling…' : 'Test call'}
          </button>
          {error && <div class="error" role="alert">{error}</div>}
          {result && (
            <div class={result.ok ? 'ok' : 'error'} data-testid="action-test-result">
              {result.ok ? `Backend answered in ${result.ms} ms:` : `No usable answer (${result.reason}) after ${result.ms} ms: ${result.detail}`}
              {result.ok && <pre>{JSON.stringify(result.answer, null, 2)}</pre>}
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
