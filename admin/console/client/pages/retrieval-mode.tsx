import { useEffect, useState } from 'preact/hooks';
import type { HealthBody } from '../../../../core/index.js';
import { t } from '../i18n/index.js';

/**
 * How the bot matches customer questions to the FAQ, from /healthz. Lexical-only
 * is a degraded mode the admin must be able to see (no embedding model
 * installed), not something to discover from odd answers.
 */
export function RetrievalMode() {
  const [health, setHealth] = useState<HealthBody | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    fetch('/healthz').then(
      async (r) => setHealth((await r.json()) as HealthBody),
      () => setFailed(true),
    );
  }, []);
  if (failed) return <p class="small muted" data-testid="retrieval-mode">{t('Retrieval mode unknown: /healthz did not answer.')}</p>;
  if (!health) return null;
  return health.retrieval === 'hybrid' ? (
    <p class="small muted" data-testid="retrieval-mode">{t('Retrieval: hybrid (words and meaning, embedding model {model}).', { model: health.model ?? t('unknown') })}</p>
  ) : (
    <p class="small warning" role="status" data-testid="retrieval-mode">
      {t('Retrieval: lexical only. No embedding model is installed in MODELS_DIR, so questions are matched by their words and spellings, not their meaning. Run {command} where the internet is reachable (the Docker image does) and restart.', { command: 'npm run models:fetch' })}
    </p>
  );
}
