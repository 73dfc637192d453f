import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { ParleyError } from '../../../core/index.js';

/**
 * A static embedding table (model2vec style): one vector per tokenizer piece, with the piece's unigram log
 * probability (for the tokenizer) and its SIF weight (for pooling). File layout: 4-byte magic, uint32 header
 * length, JSON header, then float32 weights, float32 per-row scales and int8 vectors (count x dimensions).
 * Int8 rows with a per-row scale keep an 8k x 256 table near 2 MB, well under the 10 MB budget.
 */
export interface StaticTable {
  source: string;
  dimensions: number;
  pieces: string[];
  /** Unigram log probabilities of the pieces (SentencePiece scores). */
  scores: number[];
  /** Pooling weight per piece (0 for reserved pieces). */
  weights: Float32Array;
  /** Row-major count x dimensions, already dequantised. */
  vectors: Float32Array;
}

const MAGIC = 'PSE1';
const headerSchema = z.object({
  format: z.literal('parley-static-embedding'),
  version: z.literal(1),
  source: z.string(),
  dimensions: z.number().int().positive(),
  pieces: z.array(z.string()),
  scores: z.array(z.number()),
});

export function encodeTable(t: StaticTable): Buffer {
  const count = t.pieces.length;
  const header = Buffer.from(JSON.stringify({ format: 'parley-static-embedding', version: 1, source: t.source, dimensions: t.dimensions, pieces: t.pieces, scores: t.scores }));
  const scales = new Float32Array(count);
  const q = new Int8Array(count * t.dimensions);
  for (let r = 0; r < count; r++) {
    let max = 0;
    for (let d = 0; d < t.dimensions; d++) max = Math.max(max, Math.abs(t.vectors[r * t.dimensions + d]!));
    const s = max > 0 ? max / 127 : 1;
    scales[r] = s;
    for (let d = 0; d < t.dimensions; d++) q[r * t.dimensions + d] = Math.round(t.vectors[r * t.dimensions + d]! / s);
  }
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  return Buffer.concat([Buffer.from(MAGIC), len, header, Buffer.from(t.weights.buffer, t.weights.byteOffset, t.weights.byteLength), Buffer.from(scales.buffer), Buffer.from(q.buffer)]);
}

export function decodeTable(buf: Buffer): StaticTable {
  const bad = (reason: string) => new ParleyError('ERR_MODEL_LOAD', { reason: `static embedding table: ${reason}` });
  if (buf.length < 8 || buf.subarray(0, 4).toString() !== MAGIC) throw bad('not a table file');
  const hlen = buf.readUInt32LE(4);
  let header: z.infer<typeof headerSchema>;
  try {
    header = headerSchema.parse(JSON.parse(buf.subarray(8, 8 + hlen).toString()));
  } catch {
    throw bad('unreadable header');
  }
  const count = header.pieces.length;
  const dims = header.dimensions;
  if (header.scores.length !== count || buf.length !== 8 + hlen + count * 8 + count * dims) throw bad('truncated or inconsistent');
  // Copies keep the typed arrays aligned whatever the header length was.
  let off = 8 + hlen;
  const weights = new Float32Array(buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + off + count * 4));
  off += count * 4;
  const scales = new Float32Array(buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + off + count * 4));
  off += count * 4;
  const q = new Int8Array(buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + off + count * dims));
  const vectors = new Float32Array(count * dims);
  for (let r = 0; r < count; r++) for (let d = 0; d < dims; d++) vectors[r * dims + d] = q[r * dims + d]! * scales[r]!;
  return { source: header.source, dimensions: dims, pieces: header.pieces, scores: header.scores, weights, vectors };
}

export async function writeTable(path: string, t: StaticTable): Promise<number> {
  const buf = encodeTable(t);
  await writeFile(`${path}.tmp`, buf);
  await rename(`${path}.tmp`, path);
  return buf.length;
}

export async function readTable(path: string): Promise<StaticTable> {
  return decodeTable(await readFile(path));
}
