import { entityDefinitionSchema, intentSchema, type EntityDefinition, type Intent } from '../../core/index.js';

/**
 * Intents and entities are stored as JSON documents; reading them back goes through
 * the same schemas as the API, so a form's slots reach the bot typed (never a cast).
 * A document that no longer parses is a bug worth hearing about, not something to serve half-read.
 */
export function intentFromDoc(doc: string): Intent {
  return intentSchema.parse(JSON.parse(doc));
}

export function entityFromDoc(doc: string): EntityDefinition {
  return entityDefinitionSchema.parse(JSON.parse(doc));
}
