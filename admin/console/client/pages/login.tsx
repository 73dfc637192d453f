import { useState } from 'preact/hooks';
import { ApiError, describeError, login } from '../api.js';
import { ErrorBox } from '../ui.js';
import { t } from '../i18n/index.js';
import { LanguageSwitch } from '../i18n/language-switch.js';

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'ERR_AUTH_INVALID') setError(t('Wrong email or password.'));
      else if (err instanceof ApiError && err.code === 'ERR_RATE_LIMITED') setError(t('Too many attempts. Wait a few minutes and try again.'));
      else setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="login" onSubmit={submit}>
      <h1>{t('Parley console')}</h1>
      <LanguageSwitch />
      <ErrorBox error={error} />
      <label>{t('Email')}<input type="email" name="email" autocomplete="username" required value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} /></label>
      <label>{t('Password')}<input type="password" name="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} /></label>
      <button type="submit" disabled={busy}>{busy ? t('Signing in…') : t('Sign in')}</button>
    </form>
  );
}
