import { Router } from 'express';
import {
  actionUrlProblem,
  ParleyError,
  BUILTIN_ENTITIES,
  entityDefinitionSchema,
  intentSchema,
  unknownSlotEntities,
  type Intent,
  parseOrThrow,
  type IntentStore,
  type NluModelStore,
} from '../../core/index.js';
import { staffOf } from '../auth/require-role.js';
import type { Auditor } from '../http/audit.js';
import { intentAccuracy } from './model-metrics.js';

function sameName(param: string, body: { name: string }): void {
  if (body.name !== param) {
    throw new ParleyError('ERR_VALIDATION', { issues: [{ path: 'name', message: 'must match the name in the URL' }] });
  }
}

/** A non-http(s) action URL gets its own code (not a generic validation error): the console names the fix. */
function checkActionUrl(body: unknown): void {
  const action = (body as { action?: { type?: unknown; url?: unknown } } | null)?.action;
  if (action?.type !== 'http' || typeof action.url !== 'string') return;
  const problem = actionUrlProblem(action.url.trim());
  if (problem) throw new ParleyError('ERR_INTENT_ACTION_URL', { issues: [{ path: 'action.url', message: problem }] });
}

/** A form slot naming an entity that does not exist is refused with the slot's path. */
async function checkEntities(intents: IntentStore, intent: Intent): Promise<void> {
  if (!intent.slots?.length) return;
  const defined = (await intents.listEntities()).map((e) => e.name);
  const unknown = unknownSlotEntities(intent, defined);
  if (unknown.length === 0) return;
  const known = [...BUILTIN_ENTITIES, ...defined].join(', ');
  throw new ParleyError('ERR_VALIDATION', {
    issues: unknown.map((u) => ({ path: `slots.${u.index}.entity`, message: `Unknown entity "${u.entity}" (known: ${known})` })),
  });
}

/** /api/intents and /api/entities (admin). Edits take effect at the next training. */
export function intentRoutes(deps: { intents: IntentStore; nluModels: NluModelStore; audit: Auditor }): Router {
  const { intents, audit } = deps;
  const r = Router();

  r.get('/api/intents', async (_req, res) => {
    const [list, model, entities] = await Promise.all([intents.listIntents(), deps.nluModels.active(), intents.listEntities()]);
    const defined = entities.map((e) => e.name);
    const items = list.map((i) => ({
      ...i,
      // A form whose entity was deleted since: the console flags it (the bot offers a human instead of asking).
      unknownEntities: unknownSlotEntities(i, defined).map((u) => u.entity),
      utteranceCount: i.utterances.length,
      accuracy: intentAccuracy(model?.metrics, i.name),
    }));
    const held = model?.metrics?.heldOutAccuracy;
    res.json({
      items,
      nextCursor: null,
      model: model ? { version: model.version, createdAt: model.createdAt, heldOutAccuracy: typeof held === 'number' ? held : null, metrics: model.metrics } : null,
    });
  });

  r.post('/api/intents', async (req, res) => {
    checkActionUrl(req.body);
    const intent = parseOrThrow(intentSchema, req.body);
    if (await intents.getIntent(intent.name)) throw new ParleyError('ERR_INTENT_DUPLICATE', { name: intent.name });
    await checkEntities(intents, intent);
    const saved = await intents.putIntent(intent);
    await audit(staffOf(res), 'intent.create', saved.name, { utterances: saved.utterances.length });
    res.status(201).json(saved);
  });

  r.get('/api/intents/:name', async (req, res) => {
    const intent = await intents.getIntent(req.params.name);
    if (!intent) throw new ParleyError('ERR_INTENT_NOT_FOUND', { name: req.params.name });
    res.json(intent);
  });

  r.put('/api/intents/:name', async (req, res) => {
    checkActionUrl(req.body);
    const intent = parseOrThrow(intentSchema, { name: req.params.name, ...req.body });
    sameName(req.params.name, intent);
    if (!(await intents.getIntent(intent.name))) throw new ParleyError('ERR_INTENT_NOT_FOUND', { name: intent.name });
    await checkEntities(intents, intent);
    const saved = await intents.putIntent(intent);
    await audit(staffOf(res), 'intent.update', saved.name, { utterances: saved.utterances.length });
    res.json(saved);
  });

  r.delete('/api/intents/:name', async (req, res) => {
    if (!(await intents.getIntent(req.params.name))) throw new ParleyError('ERR_INTENT_NOT_FOUND', { name: req.params.name });
    await intents.deleteIntent(req.params.name);
    await audit(staffOf(res), 'intent.delete', req.params.name);
    res.status(204).end();
  });

  r.get('/api/entities', async (_req, res) => {
    res.json({ items: await intents.listEntities(), nextCursor: null });
  });

  const findEntity = async (name: string) => (await intents.listEntities()).find((e) => e.name === name) ?? null;

  r.post('/api/entities', async (req, res) => {
    const entity = parseOrThrow(entityDefinitionSchema, req.body);
    if (await findEntity(entity.name)) throw new ParleyError('ERR_VALIDATION', { issues: [{ path: 'name', message: 'An entity with this name already exists' }] });
    const saved = await intents.putEntity(entity);
    await audit(staffOf(res), 'entity.create', saved.name, { type: saved.type });
    res.status(201).json(saved);
  });

  r.get('/api/entities/:name', async (req, res) => {
    const entity = await findEntity(req.params.name);
    if (!entity) throw new ParleyError('ERR_ENTITY_NOT_FOUND', { name: req.params.name });
    res.json(entity);
  });

  r.put('/api/entities/:name', async (req, res) => {
    const entity = parseOrThrow(entityDefinitionSchema, { name: req.params.name, ...req.body });
    sameName(req.params.name, entity);
    if (!(await findEntity(entity.name))) throw new ParleyError('ERR_ENTITY_NOT_FOUND', { name: entity.name });
    const saved = await intents.putEntity(entity);
    await audit(staffOf(res), 'entity.update', saved.name, { type: saved.type });
    res.json(saved);
  });

  r.delete('/api/entities/:name', async (req, res) => {
    if (!(await findEntity(req.params.name))) throw new ParleyError('ERR_ENTITY_NOT_FOUND', { name: req.params.name });
    await intents.deleteEntity(req.params.name);
    await audit(staffOf(res), 'entity.delete', req.params.name);
    res.status(204).end();
  });
  return r;
}
