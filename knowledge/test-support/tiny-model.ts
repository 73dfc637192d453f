import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/**
 * Writes a real, tiny transformers.js model (STACK-NOTES recipe): a BERT-style
 * WordPiece tokenizer and an ONNX graph `Gather(emb, input_ids)`, so mean pooling
 * yields a seeded random bag-of-words embedding. Used by tests and the bench to
 * exercise the production loading path (worker, pipeline, pooling) offline.
 * Test/bench support only: never a production embedder.
 */
export function writeTinyModel(modelsDir: string, name: string, words: string[], dim = 32, seed = 7): string {
  const dir = join(modelsDir, name);
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  const specials = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'];
  const tokens = [...specials, ...new Set(words.map((w) => w.toLowerCase()))];
  const vocab: Record<string, number> = {};
  tokens.forEach((t, i) => (vocab[t] = i));

  let state = seed >>> 0;
  const rand = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const emb = new Float32Array(tokens.length * dim);
  for (let i = 0; i < emb.length; i++) emb[i] = rand();
  // Special tokens carry no meaning: zero them so [CLS]/[SEP] do not dominate short texts.
  emb.fill(0, 0, specials.length * dim);

  const dims = (names: string[]) => ({ dim: names.map((d) => ({ dimParam: d })) });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    producerName: 'parley-tiny-model',
    graph: {
      name: 'tiny',
      node: [{ opType: 'Gather', input: ['emb', 'input_ids'], output: ['last_hidden_state'], attribute: [{ name: 'axis', i: 0, type: onnx.AttributeProto.AttributeType.INT }] }],
      initializer: [{ name: 'emb', dataType: onnx.TensorProto.DataType.FLOAT, dims: [tokens.length, dim], rawData: new Uint8Array(emb.buffer) }],
      input: [
        { name: 'input_ids', type: { tensorType: { elemType: onnx.TensorProto.DataType.INT64, shape: dims(['b', 's']) } } },
        { name: 'attention_mask', type: { tensorType: { elemType: onnx.TensorProto.DataType.INT64, shape: dims(['b', 's']) } } },
      ],
      output: [{ name: 'last_hidden_state', type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim: [{ dimParam: 'b' }, { dimParam: 's' }, { dimValue: dim }] } } } }],
    },
  });
  const bytes = onnx.ModelProto.encode(model).finish();
  writeFileSync(join(dir, 'onnx', 'model.onnx'), bytes);
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ model_type: 'bert' }));
  writeFileSync(
    join(dir, 'tokenizer_config.json'),
    JSON.stringify({ pad_token: '[PAD]', unk_token: '[UNK]', cls_token: '[CLS]', sep_token: '[SEP]', model_max_length: 512, do_lower_case: true }),
  );
  writeFileSync(
    join(dir, 'tokenizer.json'),
    JSON.stringify({
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: specials.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
      normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
      pre_tokenizer: { type: 'BertPreTokenizer' },
      post_processor: { type: 'BertProcessing', sep: ['[SEP]', 3], cls: ['[CLS]', 2] },
      decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
      model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
    }),
  );
  return dir;
}

/** Lowercase word list of some texts: the tiny model's vocabulary. */
export function vocabularyOf(texts: string[]): string[] {
  return [...new Set(texts.flatMap((t) => t.toLowerCase().match(/[a-z0-9]+/g) ?? []))];
}
