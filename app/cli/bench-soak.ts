/**
 * npm run bench:soak [-- --rate 200 --minutes 10 --clients 50 --warmup-minutes 1 --dir <data dir>]
 * The whole product in this process (embedded store, lexical retrieval, demo bot + FAQ, RATE_LIMITS=off), fed an
 * open-loop `--rate` messages/s through the widget by socket.io clients in a child process, for `--minutes`.
 * Every 10 s: event-loop delay p99 and RSS. After the warm-up: event-loop p99 over the run, RSS growth from the end
 * of warm-up to the end, errors, missing replies, skipped sends (the server fell behind the rate).
 * Targets (issue 18): event-loop p99 <= 50 ms, RSS growth <= 10 %, zero errors. Progress on stderr; the last
 * stdout line is one JSON object. A benchmark, not a CI test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { composeApp } from '../compose.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import type { SoakResult } from './bench-chat-clients.js';
import { ask, demoTexts, forkClients, log, pct, round, rssMb } from './bench-support.js';

const argv = process.argv;
const num = (name: string, fallback: number): number => {
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const RATE = num('rate', 200);
const MINUTES = num('minutes', 10);
const CLIENTS = num('clients', 50);
const WARMUP_MIN = Math.min(num('warmup-minutes', 1), MINUTES / 2);
const dirArg = argv.includes('--dir') ? argv[argv.indexOf('--dir') + 1] : undefined;
const WINDOW_MS = 10_000;

async function main(): Promise<void> {
  const dir = dirArg ?? mkdtempSync(join(tmpdir(), 'parley-bench-soak-'));
  log(`bench:soak — ${RATE} msg/s for ${MINUTES} min (warm-up ${WARMUP_MIN} min) over ${CLIENTS} widget sockets; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const env = { DATA_DIR: dir, MODELS_DIR: join(dir, 'models'), PORT: '0', LOG_LEVEL: 'silent', DEMO_CONTENT: 'true', NODE_ENV: 'development', RATE_LIMITS: 'off', MODELS_AUTO_FETCH: 'false' };
  const app = await composeApp(loadConfig(env), createLogger('silent'));
  const url = await app.listen();
  await app.warmup;
  const health = await app.health();
  const child = await forkClients();
  const texts = (await ask<{ kept: string[] }>(child, { cmd: 'probe', url, texts: demoTexts() }, 'probe')).kept;
  log(`product up at ${url} (retrieval ${health.retrieval}); ${texts.length} demo texts kept after the hand-off probe`);

  const whole = monitorEventLoopDelay({ resolution: 10 });
  const window = monitorEventLoopDelay({ resolution: 10 });
  window.enable();
  const started = Date.now();
  const warmupEnds = started + WARMUP_MIN * 60_000;
  let rssAtWarm: number | null = null;
  const windows: { minute: number; loopP99Ms: number; rssMb: number }[] = [];
  const sampler = setInterval(() => {
    const now = Date.now();
    if (rssAtWarm === null && now >= warmupEnds) {
      global.gc?.();
      rssAtWarm = rssMb();
      whole.enable();
      log(`warm-up over: rss ${rssAtWarm} MB`);
    }
    const w = { minute: round((now - started) / 60_000), loopP99Ms: round(window.percentile(99) / 1e6), rssMb: rssMb() };
    windows.push(w);
    window.reset();
    log(`  t=${w.minute} min loop p99 ${w.loopP99Ms} ms rss ${w.rssMb} MB load ${loadavg()[0]!.toFixed(2)}`);
  }, WINDOW_MS);

  const cpu0 = process.cpuUsage();
  const r = await ask<SoakResult>(child, { cmd: 'soak', url, clients: CLIENTS, rate: RATE, seconds: MINUTES * 60, texts }, 'soak');
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpu0);
  const rssEnd = rssMb();
  const warm = rssAtWarm ?? windows[0]?.rssMb ?? rssEnd;
  const eventLoopP99Ms = round(whole.percentile(99) / 1e6);
  whole.disable();
  window.disable();
  child.send({ cmd: 'exit' });
  await app.close('bench');
  if (!dirArg) rmSync(dir, { recursive: true, force: true });

  const result = {
    rate: RATE, minutes: MINUTES, clients: CLIENTS, warmupMinutes: WARMUP_MIN,
    achievedPerSec: round(r.acked / (r.elapsedMs / 1000)),
    eventLoopP99Ms, worstWindowLoopP99Ms: Math.max(...windows.filter((w) => w.minute > WARMUP_MIN).map((w) => w.loopP99Ms), 0),
    rssAfterWarmupMb: warm, rssEndMb: rssEnd, rssGrowthPct: round(((rssEnd - warm) / warm) * 100),
    errors: r.errors, missingReplies: r.missing, skipped: r.skipped, escalations: r.escalations, sent: r.sent,
    ackP99Ms: pct(r.ack, 99), replyP50Ms: pct(r.reply, 50), replyP99Ms: pct(r.reply, 99),
    serverCpuMsPerMsg: round((cpu.user + cpu.system) / 1000 / Math.max(1, r.acked)),
    loadAverage: loadavg().map((l) => round(l)), retrieval: health.retrieval,
    targets: { eventLoopP99: eventLoopP99Ms <= 50, rssGrowth: (rssEnd - warm) / warm <= 0.1, zeroErrors: r.errors === 0 && r.missing === 0 },
  };
  log(`soak: ${result.achievedPerSec} msg/s, loop p99 ${eventLoopP99Ms} ms, rss ${warm} -> ${rssEnd} MB (${result.rssGrowthPct} %), errors ${r.errors}, missing ${r.missing}, skipped ${r.skipped}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

main().catch((err: unknown) => {
  log(`bench:soak failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
