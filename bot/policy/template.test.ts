import { fillTemplate, templateSlots } from './slots.js';
import { profileText, renderTemplate, usesProfile } from './template.js';
import { renderForm } from '../forms/form-text.js';

const profile = { 'customer.name': 'Ann Lee', 'order.status': 'shipped' };

describe('reply templates with profile fields', () => {
  it('fills profile fields and slots in one pass', () => {
    expect(renderTemplate('Hi {{customer.name}}, order {{ order_id }} is {{order.status}}.', (n) => ({ ...profile, order_id: 'A1' })[n])).toBe('Hi Ann Lee, order A1 is shipped.');
  });

  it('never evaluates template syntax that arrives inside a value', () => {
    const sneaky = { 'customer.name': '{{order.status}} {{customer.email}}', 'order.status': 'shipped' };
    expect(renderTemplate('Hi {{customer.name}}!', (n) => sneaky[n as keyof typeof sneaky])).toBe('Hi {{order.status}} {{customer.email}}!');
    expect(renderForm('Noted {{ref}} for {{customer.name}}', { ref: { text: '{{customer.name}}', value: '{{customer.name}}' } }, { 'customer.name': 'Ann' })).toBe('Noted {{customer.name}} for Ann');
    expect(fillTemplate('Order {{order_id}} for {{customer.name}}', [{ entity: 'order_id', text: '{{customer.name}}', value: '{{customer.name}}', start: 0, end: 1 }], { 'customer.name': 'Ann' })).toEqual({
      ok: true,
      text: 'Order {{customer.name}} for Ann',
    });
  });

  it('gives neutral text for a missing value, never "undefined" or "null"', () => {
    const none = () => undefined;
    expect(renderTemplate('Hi {{customer.name}}!', none)).toBe('Hi!');
    expect(renderTemplate('Hi {{customer.name}}, welcome back.', none)).toBe('Hi, welcome back.');
    expect(renderTemplate('{{customer.name}} your order is {{order.status}}.', none)).toBe('your order is.');
    expect(renderTemplate('Hi {{customer.firstName|there}}!', none)).toBe('Hi there!');
    expect(renderTemplate('您好{{customer.name}}，欢迎回来。', none)).toBe('您好，欢迎回来。');
    expect(renderTemplate('Hi {{customer.name}}!', () => '')).toBe('Hi!');
  });

  it('cleans profile values: one line, no control characters, bounded', () => {
    expect(profileText('  Ann\n\tLee\u0000 ')).toBe('Ann Lee');
    expect(profileText(null)).toBeUndefined();
    expect(profileText('   ')).toBeUndefined();
    expect([...profileText('x'.repeat(500))!].length).toBe(200);
  });

  it('profile fields are not form slots, and are only read when a template names one', () => {
    expect(templateSlots('Hi {{customer.name}}, order {{order_id}} is {{order.status|on its way}}')).toEqual(['order_id']);
    expect(usesProfile('Hello!', undefined)).toBe(false);
    expect(usesProfile('Hello {{order_id}}', 'Hi {{customer.name|there}}')).toBe(true);
  });
});
