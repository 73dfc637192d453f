import { describe, expect, it } from '@jest/globals';
import type { EntityDefinition } from '../../core/index.js';
import { createSlotReader } from './slot-reader.js';

const reader = createSlotReader(() => new Date('2026-03-10T12:00:00Z'));
const read = (text: string, entity: string, def?: EntityDefinition) => {
  const r = reader.read(text, entity, def);
  return r ? [r.text, r.value] : null;
};

describe('reading the answer to a slot question', () => {
  it('takes bare values as typed', () => {
    expect(read('A12345', 'order_id')).toEqual(['A12345', 'A12345']);
    expect(read('12345', 'order_id')).toEqual(['12345', '12345']);
    expect(read('#B-778812', 'order_id')).toEqual(['B-778812', 'B-778812']);
    expect(read('tomorrow', 'date')).toEqual(['tomorrow', '2026-03-11']);
    expect(read('ann@example.com', 'email')).toEqual(['ann@example.com', 'ann@example.com']);
    expect(read('5551234567', 'phone')).toEqual(['5551234567', '5551234567']);
    expect(read('49.99', 'money')).toEqual(['49.99', '49.99']);
    // A CJK input method in full-width mode.
    expect(read('ＡＢＣ１２３４５', 'order_id')).toEqual(['ABC12345', 'ABC12345']);
    expect(read('１３８１２３４５６７８', 'phone')).toEqual(['１３８１２３４５６７８', '13812345678']);
    expect(read('three', 'number')).toEqual(['three', 3]);
  });

  it('finds the value inside a phrase and honours a correction (the last mention wins)', () => {
    expect(read("it's A12345", 'order_id')).toEqual(['A12345', 'A12345']);
    expect(read('my order number is 12345', 'order_id')).toEqual(['12345', '12345']);
    expect(read('no, the order is B22222', 'order_id')).toEqual(['B22222', 'B22222']);
    expect(read('not 12345, it is 54321', 'order_id')).toEqual(['54321', '54321']);
    expect(read('track order 55555', 'order_id')).toEqual(['55555', '55555']);
    expect(read('you can reach me at Ann.Lee@Example.com thanks', 'email')?.[0]).toBe('Ann.Lee@Example.com');
  });

  it('does not read a value that is not there', () => {
    expect(read('how long does shipping take?', 'order_id')).toBeNull();
    expect(read('I ordered 2 items', 'order_id')).toBeNull();
    expect(read('not sure', 'email')).toBeNull();
    expect(read('A12345', 'no_such_entity')).toBeNull();
  });

  it('reads admin entities: enum synonyms to their option, and a shop order-id format replacing the default', () => {
    const reason: EntityDefinition = { name: 'reason', type: 'enum', options: [{ value: 'damaged', synonyms: ['broken', 'cracked'] }, { value: 'wrong size', synonyms: [] }] };
    expect(read('it arrived broken', 'reason', reason)).toEqual(['broken', 'damaged']);
    expect(read('no idea', 'reason', reason)).toBeNull();
    const shop: EntityDefinition = { name: 'order_id', type: 'regex', pattern: 'SH\\d{6}', flags: 'i' };
    expect(read('it is sh123456', 'order_id', shop)).toEqual(['sh123456', 'sh123456']);
    expect(read('12345', 'order_id', shop)).toBeNull();
  });

  it('copes with 4,000-character answers', () => {
    const long = `${'blah '.repeat(800)}A12345`;
    expect(read(long, 'order_id')).toEqual(['A12345', 'A12345']);
  });
});
