import { Router } from 'express';
import { analyticsRangeSchema, parseOrThrow, type InteractionLog, type UnansweredGroup } from '../../core/index.js';
import { pageArray, pageOf } from '../http/paging.js';

/** Case, punctuation and spacing do not make a different question. */
export function normaliseQuestion(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}\s']/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Group extends UnansweredGroup {
  variants: Map<string, number>;
}

/**
 * GET /api/unanswered?from=&to= (admin): customer questions that got fallback or
 * clarify, grouped by normalised text, most frequent first. The console adds a group
 * as an FAQ alternate (PUT /api/faqs/:id) or intent utterance (PUT /api/intents/:name).
 */
export function unansweredRoutes(deps: { interactions: InteractionLog }): Router {
  const r = Router();
  r.get('/api/unanswered', async (req, res) => {
    const range = parseOrThrow(analyticsRangeSchema, { from: req.query.from, to: req.query.to });
    const groups = new Map<string, Group>();
    for await (const batch of deps.interactions.scan({ decisions: ['fallback', 'clarify'], from: range.from, to: range.to })) {
      for (const i of batch) {
        const key = normaliseQuestion(i.text);
        if (!key) continue;
        let g = groups.get(key);
        if (!g) {
          g = { key, text: i.text, count: 0, fallback: 0, clarify: 0, lastAt: i.createdAt, conversationIds: [], variants: new Map() };
          groups.set(key, g);
        }
        g.count++;
        if (i.decision === 'fallback') g.fallback++;
        else g.clarify++;
        if (i.createdAt > g.lastAt) g.lastAt = i.createdAt;
        if (g.conversationIds.length < 5 && !g.conversationIds.includes(i.conversationId)) g.conversationIds.push(i.conversationId);
        g.variants.set(i.text, (g.variants.get(i.text) ?? 0) + 1);
      }
    }
    const all = [...groups.values()]
      .map(({ variants, ...g }): UnansweredGroup => ({
        ...g,
        // Show the spelling customers used most often.
        text: [...variants.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? g.text,
      }))
      .sort((a, b) => b.count - a.count || (a.lastAt < b.lastAt ? 1 : -1));
    res.json(pageArray(all, pageOf(req)));
  });
  return r;
}
