import { useEffect, useState } from 'preact/hooks';
import type { ApiKey } from '../../../../core/index.js';
import { api, describeError } from '../api.js';
import { ErrorBox } from '../ui.js';
import { t, tx } from '../i18n/index.js';

interface KeyList {
  items: ApiKey[];
  nextCursor: string | null;
  /** The scopes the server knows (it refuses any other). */
  knownScopes: string[];
}

/** Integration keys (admin): mint with scopes, see the key once, revoke. */
export function ApiKeysPage() {
  const [list, setList] = useState<KeyList>({ items: [], nextCursor: null, knownScopes: [] });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [minted, setMinted] = useState<{ name: string; key: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api<KeyList>('GET', '/api/api-keys?limit=200').then(setList, (e) => setError(describeError(e)));
  useEffect(() => void load(), []);

  async function create(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      const made = await api<ApiKey & { key: string }>('POST', '/api/api-keys', { name, scopes });
      setMinted({ name: made.name, key: made.key });
      setName('');
      setScopes([]);
      await load();
    } catch (err) {
      setError(describeError(err));
    }
  }
  async function revoke(k: ApiKey) {
    if (!confirm(t('Revoke "{name}"? Integrations using it stop working at once.', { name: k.name }))) return;
    await api('DELETE', `/api/api-keys/${encodeURIComponent(k.id)}`).then(load, (err) => setError(describeError(err)));
  }
  const toggle = (s: string) => setScopes(scopes.includes(s) ? scopes.filter((x) => x !== s) : [...scopes, s]);

  return (
    <div class="page">
      <h2>{tx('API keys')}</h2>
      <p class="small muted">{t('Keys let your systems call Parley: send one in the X-Api-Key header.')} <a href="/docs" target="_blank" rel="noopener">{t('API reference')}</a></p>
      <ErrorBox error={error} />
      {minted && (
        <div class="notice" role="status" data-testid="minted-key">
          <p>{t('Copy the key for "{name}" now: it is shown only this once.', { name: minted.name })}</p>
          <input readOnly value={minted.key} onFocus={(e) => (e.target as HTMLInputElement).select()} size={60} />
          <button type="button" class="link" onClick={() => setMinted(null)}>{t('Done')}</button>
        </div>
      )}
      <table>
        <thead><tr><th>{t('Name')}</th><th>{t('Key')}</th><th>{t('Scopes')}</th><th>{t('Created')}</th><th>{t('Last used')}</th><th /></tr></thead>
        <tbody>
          {list.items.map((k) => (
            <tr key={k.id} class={k.revokedAt ? 'muted' : ''}>
              <td>{k.revokedAt ? <s>{k.name}</s> : k.name}</td>
              <td><code>{k.prefix}…</code></td>
              <td>{k.scopes.join(', ')}</td>
              <td>{k.createdAt.slice(0, 10)}</td>
              <td>{k.lastUsedAt ? k.lastUsedAt.slice(0, 16).replace('T', ' ') : t('never')}</td>
              <td>{k.revokedAt ? t('revoked {date}', { date: k.revokedAt.slice(0, 10) }) : <button class="danger" onClick={() => revoke(k)}>{t('Revoke')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="editor inline" onSubmit={create}>
        <h3>{t('New key')}</h3>
        <label>{t('Name')}<input value={name} required maxLength={100} onInput={(e) => setName((e.target as HTMLInputElement).value)} /></label>
        <fieldset>
          <legend>{t('Scopes')}</legend>
          {list.knownScopes.map((s) => (
            <label key={s} style={{ display: 'flex', gap: '0.5em', alignItems: 'center' }}><input type="checkbox" style={{ width: 'auto', margin: 0 }} checked={scopes.includes(s)} onChange={() => toggle(s)} />{s}</label>
          ))}
        </fieldset>
        <button type="submit" disabled={!name.trim() || scopes.length === 0}>{t('Create key')}</button>
      </form>
    </div>
  );
}
