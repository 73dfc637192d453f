import { describe, expect, it } from '@jest/globals';
import { isCancel, isNo, isYes } from './control-words.js';
import { isFollowUp } from '../dialogue/follow-up.js';

describe('control words inside a form', () => {
  it('reads cancel only when the message is a cancel, not a request that contains the word', () => {
    for (const t of ['cancel', 'Cancel.', 'never mind', 'nevermind', 'stop', 'no, cancel that', 'forget it', 'ok stop please']) expect([t, isCancel(t)]).toEqual([t, true]);
    for (const t of ['cancel my subscription', 'how do I cancel my order', 'stop charging me', 'A12345']) expect([t, isCancel(t)]).toEqual([t, false]);
  });

  it('reads yes and no at the start of an answer', () => {
    for (const t of ['yes', 'Yes please', 'yep', 'sure', "that's right", 'ok']) expect([t, isYes(t)]).toEqual([t, true]);
    for (const t of ['no', 'nope', 'No, the order is B22222', 'wrong']) expect([t, isNo(t)]).toEqual([t, true]);
    for (const t of ['yellow', 'nothing', 'know what', 'hmm']) expect([t, isYes(t) || isNo(t)]).toEqual([t, false]);
  });

  it('takes short messages with a pronoun as follow-ups, and long or self-contained ones not', () => {
    expect(isFollowUp('how long does it take?')).toBe(true);
    expect(isFollowUp('is that free?')).toBe(true);
    expect(isFollowUp('how long does shipping take?')).toBe(false);
    expect(isFollowUp('I bought it last year and now the screen shows lines across the whole panel')).toBe(false);
  });
});
