import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaqInput } from '../../core/index.js';
import { demoFaqs } from '../faq/demo-faqs.js';
import { vocabularyOf, writeTinyModel } from './tiny-model.js';

export const TINY_MODEL = 'parley-test/tiny-bow';

/** TEST SUPPORT ONLY: a temp dir with a generated tiny model whose vocabulary covers the given texts. */
export function tinyModelDir(extraTexts: string[] = [], faqs: FaqInput[] = demoFaqs): string {
  const modelsDir = mkdtempSync(join(tmpdir(), 'parley-models-'));
  const texts = faqs.flatMap((f) => [f.question, f.answer, ...(f.alternates ?? [])]);
  writeTinyModel(modelsDir, TINY_MODEL, vocabularyOf([...texts, ...extraTexts]), 48);
  return modelsDir;
}

/** A logger that records what it was told, for asserting on logged events. */
export function recordingLogger(): { logger: { info: Log; warn: Log; error: Log }; lines: { level: string; msg: string; obj: object }[] } {
  const lines: { level: string; msg: string; obj: object }[] = [];
  const at = (level: string): Log => (obj, msg) => void lines.push({ level, msg, obj });
  return { logger: { info: at('info'), warn: at('warn'), error: at('error') }, lines };
}
type Log = (obj: object, msg: string) => void;
