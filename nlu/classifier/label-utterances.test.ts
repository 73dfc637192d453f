import { describe, expect, it } from '@jest/globals';
import { labelUtterances, nameAsText } from './label-utterances.js';

describe('intent names as training utterances', () => {
  it('reads snake, kebab, camel and spaced names as words', () => {
    expect(nameAsText('reset_password')).toBe('reset password');
    expect(nameAsText('ResetPassword')).toBe('reset password');
    expect(nameAsText('order-status.v2')).toBe('order status v2');
    expect(nameAsText('Change Password')).toBe('change password');
  });

  it('gives one utterance per intent and skips names without words', () => {
    expect(labelUtterances(['cancel_order', '42', '__'])).toEqual([{ text: 'cancel order', intent: 'cancel_order' }]);
  });
});
