import { describe, expect, it } from '@jest/globals';
import { answerLead } from './answer-lead.js';

describe('answerLead', () => {
  it('takes the first sentence that says something', () => {
    expect(answerLead('Yes. Orders ship within two working days. Tracking follows by email.')).toBe('Orders ship within two working days.');
  });

  it('reads through markup and markdown, and cuts run-on sentences', () => {
    expect(answerLead('## Returns\n<p>You can <b>return</b> any item within 30 days.</p>')).toBe('You can return any item within 30 days.');
    expect(answerLead(`${'very long '.repeat(60)}end.`)).toHaveLength(300);
  });

  it('is empty when no sentence is long enough', () => {
    expect(answerLead('Yes. No.')).toBe('');
    expect(answerLead('')).toBe('');
  });
});
