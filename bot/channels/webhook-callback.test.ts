import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { openEmbeddedStores as openStores } from '../../stores/index.js';
import { openHarness, type Harness } from '../test-support/harness.js';
import { receiver } from '../test-support/http.js';
import { startWebhookCallbacks } from './webhook-callback.js';

let h: Harness;
beforeEach(async () => {
  h = await openHarness({ openStores });
});
afterEach(async () => {
  await h.close();
});

async function webhookConversation(userId: string): Promise<string> {
  const customer = await h.stores.customers.create({ externalId: `webhook:${userId}` });
  return (await h.dialogue.escalate(customer.id, 'webhook')).id;
}

describe('webhook callbacks', () => {
  it('gives up after the configured retries and logs why', async () => {
    // Escalating posts a status and a message callback concurrently: count the status one's attempts.
    let attempts = 0;
    const hook = await receiver((_n, req) => {
      if ((JSON.parse(req.body) as { type?: string }).type === 'status') attempts++;
      return 500;
    });
    const warnings: object[] = [];
    const stop = startWebhookCallbacks({
      events: h.dialogue.events,
      stores: h.stores,
      url: hook.url,
      secret: 'k',
      retryDelaysMs: [5, 5],
      logger: { info: () => undefined, warn: (o) => warnings.push(o), error: () => undefined },
    });
    try {
      await webhookConversation('u1');
      const statusWarning = () => warnings.find((w) => (w as { type?: string }).type === 'status');
      while (!statusWarning()) await new Promise((r) => setTimeout(r, 10));
      expect(attempts).toBe(3);
      expect(statusWarning()).toMatchObject({ type: 'status', reason: 'HTTP 500', attempts: 3 });
    } finally {
      stop();
      await hook.close();
    }
  });

  it('ignores conversations of other channels', async () => {
    const hook = await receiver();
    const stop = startWebhookCallbacks({ events: h.dialogue.events, stores: h.stores, url: hook.url, secret: 'k' });
    try {
      const widgetCustomer = await h.newCustomer();
      await h.dialogue.escalate(widgetCustomer, 'widget');
      await webhookConversation('u2');
      // The channel filter is synchronous: the widget conversation never even queued a post.
      await hook.waitFor(2);
      expect(hook.received.map((r) => JSON.parse(r.body).userId)).toEqual(['u2', 'u2']);
    } finally {
      stop();
      await hook.close();
    }
  });
});
