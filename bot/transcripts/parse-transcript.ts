import type { TurnDecision } from '../../core/index.js';

/**
 * `.dlg` transcripts (STYLE.md §6): readable conversation scripts.
 *   # title                 starts a new script (fresh customer); `## note` lines are comments
 *   user: text              the customer says something (waits for the bot's turn)
 *   bot: text | ~decision   next reply: exact text, or the turn's decision (~intent ~faq ~clarify ~fallback ~escalate)
 *   bot: ~silent            no reply at all (queued / agent-owned conversation)
 *   system: text            next system notice ("Connecting you to an agent…", "Ann joined")
 *   suggestions: a | b      the suggestions of the reply just matched, in order
 *   status: queued          the conversation's state now
 *   escalate: [reason]      the customer presses "talk to a human"
 *   claim: Ann | release: Ann | close: Ann   staff actions (name = agent)
 *   agent: text             the assignee answers
 *   csat: 5 [comment]       the customer rates; `csat: 4 !ERR_CSAT_ALREADY_GIVEN` expects a refusal
 *   wait: 31m               the bot's clock moves on (s, m or h): expiry of forms and topics
 */
export type Step =
  | { kind: 'user'; text: string; line: number }
  | { kind: 'bot'; text: string; line: number }
  | { kind: 'bot-decision'; decision: TurnDecision | 'silent'; line: number }
  | { kind: 'system'; text: string; line: number }
  | { kind: 'suggestions'; texts: string[]; line: number }
  | { kind: 'status'; state: string; line: number }
  | { kind: 'escalate'; reason?: string; line: number }
  | { kind: 'claim' | 'release' | 'close'; agent: string; line: number }
  | { kind: 'agent'; text: string; line: number }
  | { kind: 'csat'; score: number; comment?: string; expectError?: string; line: number }
  | { kind: 'wait'; ms: number; line: number };

export interface Script {
  title: string;
  steps: Step[];
}

const DECISIONS = new Set(['intent', 'faq', 'clarify', 'fallback', 'escalate', 'handoff', 'silent']);

export function parseTranscript(source: string, file = 'transcript'): Script[] {
  const scripts: Script[] = [];
  let current: Script | null = null;
  source.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (!text) return;
    const fail = (why: string) => new Error(`${file}:${line}: ${why}: ${text}`);
    if (text.startsWith('#')) {
      if (/^#\s/.test(text) || text === '#') {
        current = { title: text.replace(/^#\s*/, ''), steps: [] };
        scripts.push(current);
      }
      return;
    }
    const m = /^([a-z]+):\s?(.*)$/.exec(text);
    if (!m) throw fail('expected "<keyword>: ..."');
    if (!current) throw fail('a script starts with a "# title" line');
    const [, key, rest = ''] = m;
    const value = rest.trim();
    const steps: Step[] = (current as Script).steps;
    switch (key) {
      case 'user':
      case 'system':
      case 'agent':
        if (!value) throw fail('text expected');
        steps.push({ kind: key, text: value, line });
        break;
      case 'bot':
        if (value.startsWith('~')) {
          const decision = value.slice(1);
          if (!DECISIONS.has(decision)) throw fail(`unknown decision ~${decision}`);
          steps.push({ kind: 'bot-decision', decision: decision as TurnDecision | 'silent', line });
        } else if (value) steps.push({ kind: 'bot', text: value, line });
        else throw fail('text or ~decision expected');
        break;
      case 'suggestions':
        steps.push({ kind: 'suggestions', texts: value.split('|').map((s) => s.trim()).filter(Boolean), line });
        break;
      case 'status':
        steps.push({ kind: 'status', state: value, line });
        break;
      case 'escalate':
        steps.push({ kind: 'escalate', ...(value ? { reason: value } : {}), line });
        break;
      case 'claim':
      case 'release':
      case 'close':
        if (!value) throw fail('agent name expected');
        steps.push({ kind: key, agent: value, line });
        break;
      case 'csat': {
        const c = /^([1-5])(?:\s+!(ERR_[A-Z_]+))?(?:\s+(.+))?$/.exec(value);
        if (!c) throw fail('expected "csat: <1-5> [!ERR_CODE] [comment]"');
        steps.push({ kind: 'csat', score: Number(c[1]), ...(c[2] ? { expectError: c[2] } : {}), ...(c[3] ? { comment: c[3] } : {}), line });
        break;
      }
      case 'wait': {
        const w = /^(\d+)\s*([smh])$/.exec(value);
        if (!w) throw fail('expected "wait: <n>s|m|h"');
        steps.push({ kind: 'wait', ms: Number(w[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[w[2] as 's' | 'm' | 'h'], line });
        break;
      }
      default:
        throw fail(`unknown keyword "${key}"`);
    }
  });
  return scripts;
}
