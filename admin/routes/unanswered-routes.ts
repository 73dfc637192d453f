import { Router } from 'express';
import { analyticsRangeSchema, parseOrThrow, type UnansweredGroup } from '../../core/index.js';
import { pageArray, pageOf } from '../http/paging.js';
import type { AdminAnalytics } from '../services.js';

/**
 * GET /api/unanswered?from=&to= (admin): what the bot could not answer (fallback and clarify turns), clustered by
 * analytics (paraphrases together, contact details and account numbers masked), largest cluster first. The console
 * adds one as an FAQ alternate (PUT /api/faqs/:id) or intent utterance (PUT /api/intents/:name).
 * The route only translates: analytics owns the feature (STYLE.md §9).
 */
export function unansweredRoutes(deps: { analytics: Pick<AdminAnalytics, 'unanswered'> }): Router {
  const r = Router();
  r.get('/api/unanswered', async (req, res) => {
    const range = parseOrThrow(analyticsRangeSchema, { from: req.query.from, to: req.query.to });
    const result = await deps.analytics.unanswered({ from: range.from, to: range.to });
    const groups: UnansweredGroup[] = result.clusters.map((c) => ({ key: c.label.toLowerCase(), text: c.label, count: c.count, examples: c.examples }));
    res.json({ ...pageArray(groups, pageOf(req)), total: result.total, mode: result.mode });
  });
  return r;
}
