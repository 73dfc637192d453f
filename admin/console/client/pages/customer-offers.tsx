import { useEffect, useState } from 'preact/hooks';
import { api, describeError } from '../api.js';
import type { Order } from '../../../../core/index.js';
import { ErrorBox } from '../ui.js';
import { t } from '../i18n/index.js';

interface Offer {
  productId: string;
  name?: string;
  score: number;
  reason: string;
}

/** What an agent offers in words: the product's name, else its id. */
export const offerText = (o: Offer): string => `You might also like ${o.name ?? o.productId}.`;

/**
 * The customer panel's commerce part: latest orders with their status, and the next best offers (recommendations
 * of products the customer never bought, best first: an offer is something new) each with one click that puts it
 * into the agent's reply.
 */
export function CustomerOffers({ customerId, onInsert }: { customerId: string; onInsert?: (text: string) => void }) {
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [offers, setOffers] = useState<Offer[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setOrders(null);
    setOffers(null);
    const id = encodeURIComponent(customerId);
    api<{ items: Order[] }>('GET', `/api/orders?customerId=${id}&limit=3`).then((r) => setOrders(r.items), (e) => setError(describeError(e)));
    api<{ items: Offer[] }>('GET', `/api/customers/${id}/recommendations?limit=3&new=true`).then((r) => setOffers(r.items), (e) => setError(describeError(e)));
  }, [customerId]);
  if (error) return <ErrorBox error={error} />;
  return (
    <section aria-label={t('Orders and offers')}>
      <h4>{t('Latest orders')}</h4>
      {orders === null ? <div class="muted">{t('Loading…')}</div> : orders.length === 0 ? <div class="muted">{t('No orders.')}</div> : (
        <ul aria-label={t('Latest orders')}>
          {orders.map((o) => (
            <li key={o.orderId}>
              {new Date(o.date).toLocaleDateString()} · <strong>{o.status}</strong> · {o.total.toLocaleString(undefined, { maximumFractionDigits: 2 })}
              <span class="muted small"> #{o.orderId}</span>
            </li>
          ))}
        </ul>
      )}
      <h4>{t('Next best offer')}</h4>
      {offers === null ? <div class="muted">{t('Loading…')}</div> : offers.length === 0 ? <div class="muted">{t('No recommendation yet.')}</div> : (
        <ul aria-label={t('Next best offers')}>
          {offers.map((o) => (
            <li key={o.productId}>
              {o.name ?? o.productId} <span class="muted small">· {o.reason}</span>{' '}
              {onInsert && (
                <button type="button" class="small" onClick={() => onInsert(offerText(o))} aria-label={t('Add {name} to the reply', { name: o.name ?? o.productId })}>
                  {t('Add to reply')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
