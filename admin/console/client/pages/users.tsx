import { useEffect, useState } from 'preact/hooks';
import { api, describeError, type StaffUser } from '../api.js';
import { ErrorBox } from '../ui.js';

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
      setNotice(`Password of ${u.email} changed.`);
    } catch (err) {
      setError(describeError(err));
    }
  }
  async function remove(u: StaffUser) {
    if (!confirm(`Remove ${u.email}?`)) return;
    await api('DELETE', `/api/users/${encodeURIComponent(u.id)}`).then(load, (err) => setError(describeError(err)));
  }
  return (
    <div class="page">
      <h2>Staff</h2>
      <ErrorBox error={error} />
      {notice && <p class="small muted" role="status">{notice}</p>}
      <table>
        <thead><tr><th>Name</th><th>Email</th><th>Role</th><th /></tr></thead>
        <tbody>
          {items.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{u.role}</td>
              <td>
                {pw?.id === u.id ? (
                  <form class="inline" onSubmit={(e) => setPassword(e, u)}>
                    <label>New password for {u.email}<input type="password" autocomplete="new-password" minLength={10} value={pw.value} onInput={(e) => setPw({ id: u.id, value: (e.target as HTMLInputElement).value })} /></label>
                    <button type="submit">Save password</button>
                    <button type="button" class="link" onClick={() => setPw(null)}>Cancel</button>
                  </form>
                ) : (
                  <button type="button" onClick={() => (setNotice(null), setPw({ id: u.id, value: '' }))}>Set password</button>
                )}{' '}
                <button class="danger" onClick={() => remove(u)}>Remove</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="editor inline" onSubmit={create}>
        <h3>Add staff member</h3>
        <label>Name<input value={form.name} onInput={(e) => setForm({ ...form, name: (e.target as HTMLInputElement).value })} /></label>
        <label>Email<input type="email" value={form.email} onInput={(e) => setForm({ ...form, email: (e.target as HTMLInputElement).value })} /></label>
        <label>Role<select value={form.role} onChange={(e) => setForm({ ...form, role: (e.target as HTMLSelectElement).value })}><option value="agent">agent</option><option value="admin">admin</option></select></label>
        <label>Password (10+ characters)<input type="password" autocomplete="new-password" value={form.password} onInput={(e) => setForm({ ...form, password: (e.target as HTMLInputElement).value })} /></label>
        <button type="submit">Add</button>
      </form>
    </div>
  );
}
