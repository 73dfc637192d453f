import { describe, expect, it } from '@jest/globals';
import type { EntityMatch } from '../../core/index.js';
import { fillTemplate, slotLabel, templateSlots } from './slots.js';

const entity = (name: string, value: string | number): EntityMatch => ({ entity: name, text: String(value), value, start: 0, end: 1 });

describe('slot filling', () => {
  it('lists the slots of a template once each', () => {
    expect(templateSlots('Order {{order_number}} ({{ order_number }}) ships to {{city}}')).toEqual(['order_number', 'city']);
  });

  it('fills every placeholder from the entities, latest match wins', () => {
    const r = fillTemplate('Order {{order_number}} is on its way to {{ city }}.', [
      entity('order_number', 111),
      entity('city', 'Paris'),
      entity('order_number', 12345),
    ]);
    expect(r).toEqual({ ok: true, text: 'Order 12345 is on its way to Paris.' });
  });

  it('reports the missing slots instead of rendering holes', () => {
    expect(fillTemplate('Order {{order_number}} to {{city}}', [entity('city', 'Rome')])).toEqual({ ok: false, missing: ['order_number'] });
  });

  it('leaves templates without placeholders untouched', () => {
    expect(fillTemplate('Hello! How can I help?', [])).toEqual({ ok: true, text: 'Hello! How can I help?' });
  });

  it('turns entity names into words for the question', () => {
    expect(slotLabel('order_number')).toBe('order number');
    expect(slotLabel('orderNumber')).toBe('order number');
    expect(slotLabel('postal-code')).toBe('postal code');
  });
});
