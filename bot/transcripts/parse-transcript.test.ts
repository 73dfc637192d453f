import { describe, expect, it } from '@jest/globals';
import { parseTranscript } from './parse-transcript.js';

describe('parseTranscript', () => {
  it('reads scripts, steps and line numbers', () => {
    const scripts = parseTranscript(['## a comment', '# first', 'user: hi', 'bot: ~fallback', '', '# second', 'bot: Hello!', 'suggestions: A | B', 'csat: 4 !ERR_CSAT_ALREADY_GIVEN', 'csat: 5 great job', 'claim: Ann'].join('\n'));
    expect(scripts.map((s) => s.title)).toEqual(['first', 'second']);
    expect(scripts[0]?.steps).toEqual([
      { kind: 'user', text: 'hi', line: 3 },
      { kind: 'bot-decision', decision: 'fallback', line: 4 },
    ]);
    expect(scripts[1]?.steps).toEqual([
      { kind: 'bot', text: 'Hello!', line: 7 },
      { kind: 'suggestions', texts: ['A', 'B'], line: 8 },
      { kind: 'csat', score: 4, expectError: 'ERR_CSAT_ALREADY_GIVEN', line: 9 },
      { kind: 'csat', score: 5, comment: 'great job', line: 10 },
      { kind: 'claim', agent: 'Ann', line: 11 },
    ]);
  });

  it('names the file and line of a mistake', () => {
    expect(() => parseTranscript('# t\nbot: ~maybe', 'x.dlg')).toThrow('x.dlg:2: unknown decision ~maybe');
    expect(() => parseTranscript('user: hi', 'x.dlg')).toThrow('x.dlg:1: a script starts with a "# title" line');
    expect(() => parseTranscript('# t\nshout: hi', 'x.dlg')).toThrow('unknown keyword "shout"');
    expect(() => parseTranscript('# t\ncsat: 9', 'x.dlg')).toThrow('x.dlg:2');
  });
});
