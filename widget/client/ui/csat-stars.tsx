import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/index.js';

export interface CsatStarsProps {
  state: 'pending' | 'sending' | 'done';
  onRate(score: number, comment?: string): void;
}

const LABELS = ['csat1', 'csat2', 'csat3', 'csat4', 'csat5'] as const;

/** The post-close survey: five labelled star buttons, an optional comment, one submission. */
export function CsatStars({ state, onRate }: CsatStarsProps) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  if (state === 'done') return <CsatThanks />;
  return (
    <form
      class="csat"
      aria-label={t('csatForm')}
      onSubmit={(e) => {
        e.preventDefault();
        if (score > 0) onRate(score, comment.trim() || undefined);
      }}
    >
      <p class="csat-q">{t('csatQuestion')}</p>
      <div class="stars" role="group" aria-label={t('csatRating')}>
        {LABELS.map((label, i) => (
          <button
            type="button"
            key={label}
            class={i < score ? 'star on' : 'star'}
            aria-label={t('csatStar', { n: i + 1, label: t(label) })}
            aria-pressed={score === i + 1}
            onClick={() => setScore(i + 1)}
          >
            ★
          </button>
        ))}
      </div>
      {score > 0 && (
        <>
          <label class="sr" for="parley-csat-comment">
            {t('csatCommentLabel')}
          </label>
          <textarea
            id="parley-csat-comment"
            rows={2}
            maxLength={1000}
            placeholder={t('csatCommentPlaceholder')}
            value={comment}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={state === 'sending'}>
            {t('csatSend')}
          </button>
        </>
      )}
    </form>
  );
}

/** Replaces the form the keyboard focus was in, so it takes the focus (Escape and Tab keep working). */
function CsatThanks() {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <p ref={ref} class="csat done" role="status" tabIndex={-1}>
      {t('csatThanks')}
    </p>
  );
}
