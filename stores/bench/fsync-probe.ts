import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * The disk's own floor for one durable write: a 4 KiB overwrite + fdatasync, repeated.
 * A sequential durable append can never beat this, so the bench prints it beside its figures.
 */
export function probeFsync(dir: string, rounds = 200): { p50Ms: number; p99Ms: number } {
  const file = path.join(dir, 'fsync-probe.bin');
  const fd = fs.openSync(file, 'w');
  const block = Buffer.alloc(4096, 7);
  const times: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const start = performance.now();
      fs.writeSync(fd, block, 0, block.length, (i % 16) * 4096);
      fs.fdatasyncSync(fd);
      times.push(performance.now() - start);
    }
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => Number((times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(3));
  return { p50Ms: q(0.5), p99Ms: q(0.99) };
}
