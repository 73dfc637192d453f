import type { FieldCipher } from '../../core/index.js';
import { openDatabase, type Db } from './open-database.js';

/** Every sealed column of the embedded store, by table (keys:rotate walks these; a new sealed column goes here). */
const SEALED: readonly { table: string; key: readonly string[]; columns: readonly string[] }[] = [
  { table: 'customers', key: ['id'], columns: ['visitor_token', 'external_id', 'name', 'email', 'attributes'] },
  { table: 'conversations', key: ['id'], columns: ['last_message', 'dialogue'] },
  { table: 'messages', key: ['id'], columns: ['text'] },
  { table: 'interactions', key: ['id'], columns: ['doc'] },
  { table: 'kv', key: ['namespace', 'key'], columns: ['value'] },
];

export interface ResealProgress {
  table: string;
  scanned: number;
  total: number;
  resealed: number;
}

export interface ResealReport {
  tables: Record<string, { scanned: number; resealed: number }>;
  scanned: number;
  resealed: number;
}

type Row = Record<string, string | null>;

/**
 * Re-seals every value that is plain or sealed under a previous key under the cipher's current key, and recomputes
 * the external-id lookup hashes. Batches of `batchSize` rows, each read and rewritten in one IMMEDIATE transaction, so
 * a server running on the same file (with the new key and ENCRYPTION_KEY_PREVIOUS) never has a write overwritten.
 * Re-runnable and resumable: committed batches stay done, and rows already under the current key are skipped.
 */
export function resealDatabase(db: Db, cipher: FieldCipher, onProgress: (p: ResealProgress) => void = () => {}, batchSize = 500): ResealReport {
  const report: ResealReport = { tables: {}, scanned: 0, resealed: 0 };
  for (const spec of SEALED) {
    const keyCols = spec.key.join(', ');
    const total = (db.prepare(`SELECT COUNT(*) AS n FROM ${spec.table}`).get() as { n: number }).n;
    const first = db.prepare(`SELECT ${keyCols}, ${spec.columns.join(', ')} FROM ${spec.table} ORDER BY ${keyCols} LIMIT ?`);
    const next = db.prepare(`SELECT ${keyCols}, ${spec.columns.join(', ')} FROM ${spec.table}
      WHERE (${keyCols}) > (${spec.key.map(() => '?').join(', ')}) ORDER BY ${keyCols} LIMIT ?`);
    const extra = spec.table === 'customers' ? ', external_id_hash = @external_id_hash' : '';
    const update = db.prepare(`UPDATE ${spec.table} SET ${spec.columns.map((c) => `${c} = @${c}`).join(', ')}${extra}
      WHERE ${spec.key.map((k) => `${k} = @${k}`).join(' AND ')}`);
    const stats = { scanned: 0, resealed: 0 };
    let last: Row | null = null;
    const batch = db.transaction((): number => {
      const rows = (last === null ? first.all(batchSize) : next.all(...spec.key.map((k) => last?.[k]), batchSize)) as Row[];
      for (const row of rows) {
        const stale = spec.columns.filter((c) => row[c] !== null && row[c] !== undefined && cipher.isStale(row[c] ?? ''));
        if (stale.length === 0) continue;
        const out: Row = { ...row };
        for (const c of stale) out[c] = cipher.encrypt(cipher.decrypt(row[c] ?? ''));
        if (spec.table === 'customers') {
          const ext = row.external_id === null || row.external_id === undefined ? null : cipher.decrypt(row.external_id);
          out.external_id_hash = ext === null ? null : (cipher.lookupHashes(ext)[0] ?? null);
        }
        update.run(out);
        stats.resealed += 1;
      }
      stats.scanned += rows.length;
      last = rows[rows.length - 1] ?? null;
      return rows.length;
    });
    while (batch.immediate() === batchSize) onProgress({ table: spec.table, total, ...stats });
    onProgress({ table: spec.table, total, ...stats });
    report.tables[spec.table] = stats;
    report.scanned += stats.scanned;
    report.resealed += stats.resealed;
  }
  // Old ciphertext left in the WAL is folded into the file (secure_delete zeroes the freed cells) and the WAL truncated.
  db.pragma('wal_checkpoint(TRUNCATE)');
  return report;
}

/** `npm run keys:rotate` on the embedded store: opens (and migrates) the file, re-seals, closes. */
export function rotateEmbeddedKeys(opts: { dataDir: string; cipher: FieldCipher; fileName?: string; batchSize?: number }, onProgress?: (p: ResealProgress) => void): ResealReport {
  const db = openDatabase(opts.dataDir, opts.fileName);
  try {
    return resealDatabase(db, opts.cipher, onProgress, opts.batchSize);
  } finally {
    db.close();
  }
}
