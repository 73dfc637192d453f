import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { InstalledModel } from './embed/model-files.js';

/** Bus topic: a node installed the embedding model (auto-fetch) and switched to hybrid retrieval. */
export const MODEL_INSTALLED = 'knowledge.model.installed';
export const modelInstalledShape = { model: z.string().min(1).max(200) };

/** Moves a model that downloaded fine but does not load out of the loader's way (kept for a post-mortem). */
export async function quarantine(model: InstalledModel): Promise<void> {
  const dir = join(model.modelsDir, model.name);
  await rename(dir, `${dir}.broken-${Date.now()}`).catch(() => undefined);
}
