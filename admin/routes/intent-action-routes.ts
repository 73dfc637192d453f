import { Router } from 'express';
import { z } from 'zod';
import { intentActionSchema, ParleyError, parseOrThrow, type IntentStore } from '../../core/index.js';
import type { ActionRunner } from '../../bot/index.js';
import { staffOf } from '../auth/require-role.js';
import type { Auditor } from '../http/audit.js';

export const actionTestBodySchema = z.strictObject({
  /** The action as edited in the console (not saved yet); default: the stored intent's action. */
  action: intentActionSchema.optional(),
  /** The customer text sent to the backend; default: the intent's first utterance. */
  text: z.string().trim().min(1).max(4000).optional(),
});

/**
 * `POST /api/intents/:name/action/test` (admin): one signed call to the intent's http action, as the bot would
 * make it for a customer without a profile; answers what the backend said, or why it gave nothing usable.
 */
export function intentActionRoutes(deps: { intents: IntentStore; actions?: ActionRunner; audit: Auditor }): Router {
  const r = Router();
  r.post('/api/intents/:name/action/test', async (req, res) => {
    const body = parseOrThrow(actionTestBodySchema, req.body ?? {});
    const intent = await deps.intents.getIntent(req.params.name);
    if (!intent) throw new ParleyError('ERR_INTENT_NOT_FOUND', { name: req.params.name });
    const action = body.action ?? intent.action;
    if (action?.type !== 'http') throw new ParleyError('ERR_VALIDATION', { issues: [{ path: 'action', message: 'Only http actions can be test-called' }] });
    if (!deps.actions) throw new ParleyError('ERR_ACTIONS_SECRET_MISSING');
    const text = body.text ?? intent.utterances[0] ?? intent.name;
    const result = await deps.actions.testHttp(intent.name, action, {
      intent: intent.name,
      action,
      text,
      language: 'en',
      conversationId: 'console-test',
      entities: [],
      slots: {},
    });
    if (!result.ok && result.reason === 'no_secret') throw new ParleyError('ERR_ACTIONS_SECRET_MISSING');
    await deps.audit(staffOf(res), 'intent.action.test', intent.name, { ok: result.ok });
    res.json({ ...result, ms: Math.round(result.ms * 10) / 10 });
  });
  return r;
}
