import { Router } from 'express';
import { nluTestSchema, parseOrThrow, type FaqSearchResult, type IntentStore, type NluAnalysis } from '../../core/index.js';
import { staffOf } from '../auth/require-role.js';
import type { Auditor } from '../http/audit.js';
import type { JobRegistry } from '../jobs/job-registry.js';
import { enqueueTraining } from '../jobs/training-job.js';
import type { AdminKnowledge, AdminNlu } from '../services.js';
import type { DecisionPreview } from './test-decision.js';
import { createTurnPreview } from '../../bot/index.js';

export interface NluRouteDeps {
  nlu: AdminNlu;
  knowledge: AdminKnowledge;
  intents: IntentStore;
  jobs: JobRegistry;
  audit: Auditor;
  /** What the bot would do with this analysis on a fresh conversation. */
  regressionMargin: number;
  preview: (analysis: NluAnalysis, faq: FaqSearchResult, text?: string) => Promise<DecisionPreview>;
}

/** POST /api/nlu/train (202 + job), GET /api/jobs/:id, POST /api/nlu/test (admin). */
export function nluRoutes(deps: NluRouteDeps): Router {
  const r = Router();
  // The Test page plays forms turn by turn: the page carries the dialogue state, nothing is stored.
  const turn = createTurnPreview({ nlu: deps.nlu, knowledge: deps.knowledge, intents: deps.intents, policy: { escalateAfterFallbacks: 2, escalateNegativeStreak: 2 } });

  r.post('/api/nlu/train', async (_req, res) => {
    const actor = staffOf(res);
    // The job runs beside live traffic: nlu keeps serving the active model until the new one passes its regression check.
    // While a training runs, the request joins the one queued follow-up (202 with that job), never a failed job.
    const job = enqueueTraining(deps.jobs, deps.nlu, {
      regressionMargin: deps.regressionMargin,
      after: async ({ result, error }) =>
        error === undefined
          ? deps.audit(actor, 'nlu.train.finished', undefined, { result: summariseResult(result) })
          : deps.audit(actor, 'nlu.train.failed', undefined, { error: error instanceof Error ? error.message : String(error) }),
    });
    await deps.audit(actor, 'nlu.train', job.id);
    res.status(202).json({ jobId: job.id, state: job.state });
  });

  r.get('/api/jobs/:id', (req, res) => {
    res.json(deps.jobs.get(req.params.id));
  });

  r.post('/api/nlu/test', async (req, res) => {
    const { text, dialogue } = parseOrThrow(nluTestSchema, req.body);
    const [analysis, faq] = await Promise.all([deps.nlu.analyze(text), deps.knowledge.search(text)]);
    const preview = await deps.preview(analysis, faq, text);
    const played = dialogue === undefined ? null : await turn(text, dialogue);
    res.json({
      text,
      intent: analysis.intent ? { name: analysis.intent.name, confidence: analysis.intent.confidence } : null,
      alternatives: analysis.alternatives,
      entities: analysis.entities,
      sentiment: analysis.sentiment,
      outOfScope: analysis.outOfScope,
      modelVersion: analysis.modelVersion,
      faq: { hits: faq.hits, decision: faq.decision, mode: faq.mode },
      decision: preview.decision,
      reply: preview.reply,
      ...(played ? { turn: played } : {}),
    });
  });
  return r;
}

/** Keeps audit details small: scalar fields of the training result only. */
function summariseResult(result: unknown): Record<string, unknown> {
  if (!result || typeof result !== 'object') return {};
  return Object.fromEntries(Object.entries(result).filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v)));
}
