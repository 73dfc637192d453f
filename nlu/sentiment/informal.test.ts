import { describe, expect, it } from '@jest/globals';
import { analyzeSentiment } from './analyze-sentiment.js';
import { informalToStandard } from './informal.js';

describe('informal English (social-channel messages)', () => {
  it('drops handles and links, splits hashtags, restores apostrophes, trims stretched letters', () => {
    expect(informalToStandard('@BadServiceCo see https://x.io/a #NeverAgain it didnt work sooo bad')).toBe(" see   Never Again it didn't work soo bad");
    expect(informalToStandard('email me at a@b.com')).toBe('email me at a@b.com');
  });

  it('reads negation typed without the apostrophe like the standard form', () => {
    expect(analyzeSentiment('the app doesnt work').label).toBe(analyzeSentiment("the app doesn't work").label);
    expect(analyzeSentiment('the agent wasnt helpful').label).toBe('negative');
    expect(analyzeSentiment('this is the worstttt').label).toBe('negative');
  });

  it('reads problem reports that have no evaluative word as negative', () => {
    expect(analyzeSentiment('@Shop tracking hasnt updated in 6 days').label).toBe('negative');
    expect(analyzeSentiment('delivery window came and went, no call no text').label).toBe('negative');
    expect(analyzeSentiment('the car we reserved wasnt there').label).toBe('negative');
    expect(analyzeSentiment('sat on the tarmac for ages. great way to start the holiday').label).toBe('negative');
    expect(analyzeSentiment('update broke my laptop, thanks a lot').label).toBe('negative');
  });

  it('keeps questions and neutral statements neutral', () => {
    expect(analyzeSentiment("I can't find the invoice, where is it?").label).toBe('neutral');
    expect(analyzeSentiment('what is the latest time for online check in').label).toBe('neutral');
    expect(analyzeSentiment('@Shop thanks a lot, all sorted').label).toBe('positive');
  });
});
