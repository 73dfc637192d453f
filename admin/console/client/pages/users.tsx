import { useEffect, useState } from 'preact/hooks';
import { api, describeError, type StaffUser } from '../api.js';
import { ErrorBox } from '../ui.js';
import { t, tx } from '../i18n/index.js';

/** Staff accounts (admin). */
export function UsersPage() {
  const [items, setItems] = useState<StaffUser[]>([]);
  const [form, setForm] = useState({ email: '', name: '', role: 'agent', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The row whose password is being set, and the new password. */
  const [pw, setPw] = useState<{ id: string; value: string } | null>(null);
  const load = () => api<{ items: StaffUser[] }>('GET', '/api/users?limit=200').then((r) => setItems(r.items), (e) => setError(describeError(e)));
  useEffect(() => void load(), []);
  async function create(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      await api('POST', '/api/users', form);
      setForm({ email: '', name: '', role: 'agent', password: '' });
      await load();
    } catch (err) {
      setError(describeError(err));
    }
  }
  async function setPassword(e: Event, u: StaffUser) {
    e.preventDefault();
    if (!pw) return;
    setError(null);
    try {
      await api('PUT', `/api/users/${encodeURIComponent(u.id)}`, { password: pw.value });
      setPw(null);
      setNotice(t('Password of {email} changed.', { email: u.email }));
    } catch (err) {
      setError(describeError(err));
    }
  }
  async function remove(u: StaffUser) {
    if (!confirm(t('Remove {email}?', { email: u.email }))) return;
    await api('DELETE', `/api/users/${encodeURIComponent(u.id)}`).then(load, (err) => setError(describeError(err)));
  }
  return (
    <div class="page">
      <h2>{t('Staff')}</h2>
      <ErrorBox error={error} />
      {notice && <p class="small muted" role="status">{notice}</p>}
      <table>
        <thead><tr><th>{t('Name')}</th><th>{t('Email')}</th><th>{t('Role')}</th><th /></tr></thead>
        <tbody>
          {items.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{tx(u.role)}</td>
              <td>
                {pw?.id === u.id ? (
                  <form class="inline" onSubmit={(e) => setPassword(e, u)}>
                    <label>{t('New password for {email}', { email: u.email })}<input type="password" autocomplete="new-password" minLength={10} value={pw.value} onInput={(e) => setPw({ id: u.id, value: (e.target as HTMLInputElement).value })} /></label>
                    <button type="submit">{t('Save password')}</button>
                    <button type="button" class="link" onClick={() => setPw(null)}>{t('Cancel')}</button>
                  </form>
                ) : (
                  <button type="button" onClick={() => (setNotice(null), setPw({ id: u.id, value: '' }))}>{t('Set password')}</button>
                )}{' '}
                <button class="danger" onClick={() => remove(u)}>{t('Remove')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="editor inline" onSubmit={create}>
        <h3>{t('Add staff member')}</h3>
        <label>{t('Name')}<input value={form.name} onInput={(e) => setForm({ ...form, name: (e.target as HTMLInputElement).value })} /></label>
        <label>{t('Email')}<input type="email" value={form.email} onInput={(e) => setForm({ ...form, email: (e.target as HTMLInputElement).value })} /></label>
        <label>{t('Role')}<select value={form.role} onChange={(e) => setForm({ ...form, role: (e.target as HTMLSelectElement).value })}><option value="agent">{t('agent')}</option><option value="admin">{t('admin')}</option></select></label>
        <label>{t('Password (10+ characters)')}<input type="password" autocomplete="new-password" value={form.password} onInput={(e) => setForm({ ...form, password: (e.target as HTMLInputElement).value })} /></label>
        <button type="submit">{t('Add')}</button>
      </form>
    </div>
  );
}
