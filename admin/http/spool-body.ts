import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { newId, ParleyError } from '../../core/index.js';

export interface SpooledBody {
  path: string;
  bytes: number;
  remove(): Promise<void>;
}

const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'];

/**
 * Streams a CSV request body to a temp file, never holding it in memory: the import job then reads
 * the file as a stream while the client already has its 202. Over `maxBytes` (by Content-Length up
 * front, or counted while streaming) -> ERR_IMPORT_TOO_LARGE and the partial file is removed.
 */
export async function spoolCsvBody(req: Request, res: Response, maxBytes: number, dir = tmpdir()): Promise<SpooledBody> {
  const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!CSV_TYPES.includes(type)) {
    throw new ParleyError('ERR_VALIDATION', { issues: [{ path: '(body)', message: `Send the file as text/csv (got ${type || 'no Content-Type'})` }] });
  }
  const tooLarge = () => {
    // The rest of the upload is not read: close the connection once the 413 is sent.
    res.setHeader('Connection', 'close');
    return new ParleyError('ERR_IMPORT_TOO_LARGE', { limitBytes: maxBytes });
  };
  const declared = Number(req.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const path = join(dir, `parley-import-${newId()}.csv`);
  const remove = () => rm(path, { force: true });
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? tooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(req, count, createWriteStream(path, { flags: 'wx' }));
  } catch (err) {
    await remove();
    throw err instanceof ParleyError ? err : new ParleyError('ERR_VALIDATION', { issues: [{ path: '(body)', message: 'The upload was interrupted' }] });
  }
  return { path, bytes, remove };
}
