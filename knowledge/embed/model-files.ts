import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface InstalledModel {
  modelsDir: string;
  name: string;
  /** transformers.js loads onnx/model_quantized.onnx when true, onnx/model.onnx otherwise. */
  quantized: boolean;
}

/**
 * Finds a transformers.js model laid out as `<modelsDir>/<name>/{config.json,
 * tokenizer.json, onnx/model*.onnx}`. Returns null when it is not installed:
 * the caller then runs in explicit lexical mode.
 */
export function findInstalledModel(modelsDir: string, name: string): InstalledModel | null {
  const dir = join(modelsDir, name);
  if (!existsSync(join(dir, 'config.json')) || !existsSync(join(dir, 'tokenizer.json'))) return null;
  if (existsSync(join(dir, 'onnx', 'model_quantized.onnx'))) return { modelsDir, name, quantized: true };
  if (existsSync(join(dir, 'onnx', 'model.onnx'))) return { modelsDir, name, quantized: false };
  return null;
}
