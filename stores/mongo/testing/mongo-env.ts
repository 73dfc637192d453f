/** The one place the MongoDB-gated suites learn their server (MONGODB_URI) and declare the skip. */
import { describe } from '@jest/globals';
import mongoose from 'mongoose';
import { createFieldCipher } from '../../../core/index.js';

export const uri = process.env.MONGODB_URI ?? '';
export const withServer = uri ? describe : describe.skip;
export const skipReason = uri ? null : 'skip: MONGODB_URI not set';
export const cipher = createFieldCipher('test-key-test-key-test-key-test-key-0123');

let n = 0;
export const freshDbName = (tag: string) => `parley_${tag}_${process.pid}_${Date.now()}_${n++}`;

/** A raw connection to one test database (seeding old-shape documents, dropping). */
export async function rawDb(dbName: string): Promise<mongoose.Connection> {
  return mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: 3000 }).asPromise();
}

export async function dropDb(dbName: string): Promise<void> {
  const conn = await rawDb(dbName);
  await conn.dropDatabase();
  await conn.close();
}
