import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

/**
 * DATA_DIR holds the database (customer PII, messages), its WAL, generated secrets and the indexes: only the
 * service's own user may read it. The umask makes everything created from now on 0600/0700 (SQLite gives its WAL and
 * shm files the database's mode); existing entries from older installs are tightened once here.
 * Symlinks are left alone (chmod would follow them out of the directory).
 */
export function secureDataDir(dataDir: string): void {
  if (isMainThread) process.umask(0o077);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  tighten(dataDir);
}

function tighten(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
    for (const name of readdirSync(path)) tighten(join(path, name));
  } else if (stat.mode & 0o077) {
    chmodSync(path, stat.mode & 0o700);
  }
}
