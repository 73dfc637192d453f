import { open, type FileHandle } from 'node:fs/promises';

export interface WalSync {
  /** Resolves once everything committed before the call is on stable storage. */
  sync(): Promise<void>;
  /** Releases the file handle (the connection is closing). */
  close(): Promise<void>;
}

export interface Datasync {
  (path: string): Promise<void>;
  close?(): Promise<void>;
}

/**
 * fdatasync of the WAL file on libuv's thread pool, coalesced (group commit): a call made while an
 * fsync is running waits for the next one, which starts when the running one ends, because the
 * running one may have started before the caller's commit. Callers arriving meanwhile share it.
 *
 * Why this is enough: in WAL mode a COMMIT appends its frames to the WAL with write(2); once the
 * WAL is synced they survive power loss (SQLite's synchronous=FULL does exactly this, inline).
 * A checkpoint that moves frames into the database file fsyncs both files itself.
 */
export function walSyncer(walPath: string, datasync: Datasync = walDatasync()): WalSync {
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  const start = (): Promise<void> => {
    const current = datasync(walPath).finally(() => {
      if (running === current) running = null;
    });
    running = current;
    return current;
  };

  return {
    sync() {
      if (running === null) return start();
      queued ??= running
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return start();
        });
      return queued;
    },
    async close() {
      await Promise.allSettled([running, queued]);
      await datasync.close?.();
    },
  };
}

/**
 * One handle kept open for the life of the connection: SQLite never deletes or replaces the WAL
 * while a connection is open (truncating keeps the inode). Reopened if a sync fails.
 */
function walDatasync(): Datasync {
  let handle: Promise<FileHandle> | null = null;
  const datasync: Datasync = async (path) => {
    handle ??= open(path, 'r');
    const current = handle;
    try {
      await (await current).datasync();
    } catch (err) {
      if (handle === current) handle = null;
      void current.then((h) => h.close()).catch(() => undefined);
      throw err;
    }
  };
  datasync.close = async () => {
    const current = handle;
    handle = null;
    await current?.then((h) => h.close()).catch(() => undefined);
  };
  return datasync;
}
