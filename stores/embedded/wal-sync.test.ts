import { describe, expect, it } from '@jest/globals';
import { walSyncer } from './wal-sync.js';

/** A datasync the test finishes by hand. */
function manual() {
  const started: (() => void)[] = [];
  const datasync = () => new Promise<void>((resolve) => started.push(resolve));
  return { datasync, started };
}

describe('walSyncer: coalesced fdatasync', () => {
  it('runs one sync at a time; callers during a running sync share exactly one next sync', async () => {
    const { datasync, started } = manual();
    const { sync } = walSyncer('/unused', datasync);
    const first = sync();
    const second = sync();
    const third = sync();
    expect(started).toHaveLength(1); // the running sync may predate the later callers' commits
    started[0]!();
    await first;
    await new Promise((r) => setImmediate(r));
    expect(started).toHaveLength(2);
    started[1]!();
    await Promise.all([second, third]);
    expect(started).toHaveLength(2);
    const later = sync();
    expect(started).toHaveLength(3);
    started[2]!();
    await later;
  });

  it('syncs a real file', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'parley-wal-')), 'x-wal');
    writeFileSync(file, 'frames');
    const wal = walSyncer(file);
    await expect(wal.sync()).resolves.toBeUndefined();
    await expect(wal.sync()).resolves.toBeUndefined(); // the handle is kept open
    await wal.close();
    await expect(walSyncer(`${file}-missing`).sync()).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
