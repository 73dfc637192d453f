import { describe, expect, it } from '@jest/globals';
import type { EntityDefinition, Intent } from '../../core/index.js';
import { errorCode, useStores, type StoresFactory } from './harness.js';

export function describeIntentStore(make: StoresFactory): void {
  describe('IntentStore', () => {
    const stores = useStores(make);

    it('puts (create or replace), lists by name, gets and deletes intents', async () => {
      const s = stores().intents;
      const greet: Intent = { name: 'greet', utterances: ['hi', 'hello'], answer: 'Hello!' };
      const human: Intent = { name: 'agent.request', utterances: ['talk to a human'], escalate: true };
      await s.putIntent(greet);
      await s.putIntent(human);
      expect(await s.getIntent('greet')).toEqual(greet);
      const replaced: Intent = { name: 'greet', utterances: ['hey'] };
      await s.putIntent(replaced);
      expect(await s.getIntent('greet')).toEqual(replaced);
      expect((await s.listIntents()).map((i) => i.name)).toEqual(['agent.request', 'greet']);
      const form: Intent = {
        name: 'order_status',
        utterances: ['where is my order'],
        answer: 'Order {{order}} for {{email}}',
        slots: [{ name: 'order', entity: 'order_id', prompt: 'Your order number?' }, { name: 'email', entity: 'email', required: false }],
        confirm: 'Look up {{order}}?',
      };
      await s.putIntent(form);
      expect(await s.getIntent('order_status')).toEqual(form);
      expect((await s.listIntents()).find((i) => i.name === 'order_status')).toEqual(form);
      await s.deleteIntent('greet');
      expect(await s.getIntent('greet')).toBeNull();
      expect(await errorCode(s.deleteIntent('greet'))).toBe('ERR_INTENT_NOT_FOUND');
    });

    it('puts, lists and deletes entities of both kinds', async () => {
      const s = stores().intents;
      const product: EntityDefinition = { name: 'product', type: 'enum', options: [{ value: 'card', synonyms: ['visa'] }] };
      const order: EntityDefinition = { name: 'order', type: 'regex', pattern: 'ORD-\\d+', flags: 'i' };
      await s.putEntity(product);
      await s.putEntity(order);
      expect(await s.listEntities()).toEqual([order, product]);
      await s.deleteEntity('order');
      expect(await s.listEntities()).toEqual([product]);
      expect(await errorCode(s.deleteEntity('order'))).toBe('ERR_ENTITY_NOT_FOUND');
    });
  });
}
