import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getSession, onSession, setSession, startRefresh } from './api.js';
import { DashboardPage } from './pages/dashboard.js';
import { DataPage } from './pages/data.js';
import { EntitiesPage } from './pages/entities.js';
import { FaqPage } from './pages/faq.js';
import { Inbox } from './pages/inbox.js';
import { IntentsPage } from './pages/intents.js';
import { CustomerPriorityPage } from './pages/customer-priority.js';
import { LoginPage } from './pages/login.js';
import { TestPage } from './pages/test-console.js';
import { TrainPage } from './pages/train.js';
import { UnansweredPage } from './pages/unanswered.js';
import { UsersPage } from './pages/users.js';
import { ApiKeysPage } from './pages/api-keys.js';
import css from './styles.css';
import { getLocale as getLocaleTag, onLocale, t, tx } from './i18n/index.js';
import { LanguageSwitch } from './i18n/language-switch.js';

const adminPages = {
  dashboard: { label: 'Dashboard', view: DashboardPage },
  intents: { label: 'Intents', view: IntentsPage },
  entities: { label: 'Entities', view: EntitiesPage },
  faq: { label: 'FAQ', view: FaqPage },
  train: { label: 'Train', view: TrainPage },
  test: { label: 'Test', view: TestPage },
  unanswered: { label: 'Unanswered', view: UnansweredPage },
  data: { label: 'Data', view: DataPage },
  users: { label: 'Staff', view: UsersPage },
  priority: { label: 'Priority', view: CustomerPriorityPage },
  'api-keys': { label: 'API keys', view: ApiKeysPage },
} as const;
type PageName = 'inbox' | keyof typeof adminPages;

const route = (): PageName => {
  const h = location.hash.replace(/^#\/?/, '');
  return h in adminPages ? (h as PageName) : 'inbox';
};

function App() {
  const [session, setS] = useState(getSession());
  const [page, setPage] = useState<PageName>(route());
  const [, setLang] = useState(getLocaleTag());
  useEffect(() => onLocale(setLang), []);
  useEffect(() => onSession(setS), []);
  useEffect(() => startRefresh(), []);
  useEffect(() => {
    const f = () => setPage(route());
    window.addEventListener('hashchange', f);
    return () => window.removeEventListener('hashchange', f);
  }, []);
  if (!session) return <LoginPage />;
  const isAdmin = session.user.role === 'admin';
  // Agents never see admin pages (the API refuses them with 403 anyway).
  const current: PageName = !isAdmin && page !== 'inbox' ? 'inbox' : page;
  const View = current === 'inbox' ? Inbox : adminPages[current].view;
  return (
    <div class="shell">
      <nav>
        <strong class="brand">Parley</strong>
        <a href="#/inbox" class={current === 'inbox' ? 'active' : ''}>{t('Inbox')}</a>
        {isAdmin && (Object.keys(adminPages) as (keyof typeof adminPages)[]).map((k) => (
          <a key={k} href={`#/${k}`} class={current === k ? 'active' : ''}>{tx(adminPages[k].label)}</a>
        ))}
        <span class="spacer" />
        <span class="small muted">{session.user.name} ({tx(session.user.role)})</span>
        <LanguageSwitch />
        <button class="link" onClick={() => setSession(null)}>{t('Sign out')}</button>
      </nav>
      <main>
        <View />
      </main>
    </div>
  );
}

const style = document.createElement('style');
style.textContent = css;
document.head.appendChild(style);
document.documentElement.lang = getLocaleTag();
render(<App />, document.getElementById('app')!);
