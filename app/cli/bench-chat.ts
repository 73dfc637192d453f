/**
 * npm run bench:chat — the whole product in this process (embedded store on disk, lexical retrieval,
 * demo bot + FAQ, trained NLU), driven by N socket.io clients in a forked child process so the server's
 * event-loop delay and RSS are its own. Then a bare socket.io echo server with the same clients and
 * message count (the ratio), then --idle idle widget sockets (RSS growth).
 * Options: --clients 50 --messages 40 --warmup 3 --idle 5000 --dir <data dir> (default: a fresh temp dir);
 * --models-dir <dir> --embedding-model <name>: hybrid mode with a model installed there (default: lexical).
 * RATE_LIMITS=off: the per-IP/per-socket widget limits are lifted (every client is 127.0.0.1). Progress on stderr; the last
 * stdout line is one JSON object. Profile the server with `node --cpu-prof --import tsx app/cli/bench-chat.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { composeApp } from '../compose.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { startEchoServer } from './bench-chat-echo.js';
import type { LoadResult } from './bench-chat-clients.js';
import { ask, demoTexts, filesystemOf, forkClients, log, pct, round, rssMb } from './bench-support.js';

const argv = process.argv;
const num = (name: string, fallback: number): number => {
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(argv[i + 1]) : NaN;
  return Number.isFinite(v) && v >= 0 ? v : fallback;
};
const strArg = (name: string): string | undefined => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const dirArg = strArg('dir');
const modelsDirArg = strArg('models-dir');
const modelArg = strArg('embedding-model');
const CLIENTS = num('clients', 50);
const MESSAGES = num('messages', 40);
const WARMUP = num('warmup', 3);
const IDLE = num('idle', 5000);
async function main(): Promise<void> {
  const dir = dirArg ?? mkdtempSync(join(tmpdir(), 'parley-bench-chat-'));
  log(`bench:chat — ${CLIENTS} clients x ${MESSAGES} messages (+${WARMUP} warm-up each), ${IDLE} idle sockets`);
  const filesystem = filesystemOf(dir);
  log(`data dir ${dir} on ${filesystem}`);
  const env = { DATA_DIR: dir, MODELS_DIR: modelsDirArg ?? join(dir, 'models'), ...(modelArg ? { EMBEDDING_MODEL: modelArg } : {}), PORT: '0', LOG_LEVEL: 'silent', DEMO_CONTENT: 'true', NODE_ENV: 'development', RATE_LIMITS: 'off', MODELS_AUTO_FETCH: 'false' };
  const app = await composeApp(loadConfig(env), createLogger('silent'));
  const url = await app.listen();
  await app.warmup;
  // Hybrid: the FAQ vectors build in the background after start; measure once they serve.
  for (let i = 0; modelsDirArg && i < 300 && (await app.health()).retrieval !== 'hybrid'; i++) await new Promise((r) => setTimeout(r, 100));
  const health = await app.health();
  log(`product up at ${url}: store ${health.store}, retrieval ${health.retrieval}, NLU trained`);

  const child = await forkClients();
  const probe = await ask<{ kept: string[] }>(child, { cmd: 'probe', url, texts: demoTexts() }, 'probe');
  const texts = probe.kept;
  log(`probe: ${texts.length} of ${demoTexts().length} demo texts answered by the bot without hand-off (kept)`);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  // The loop histogram covers the measured phase only (reset when the clients say warm-up is over).
  // CPU per message and monotonic timestamps (µs, the clock of --cpu-prof samples) to slice a profile.
  let cpu0 = process.cpuUsage();
  child.once('bench-warm', () => {
    loop.reset();
    cpu0 = process.cpuUsage();
    log(`measured phase starts (monotonic ${process.hrtime.bigint() / 1000n} µs)`);
  });

  const r = await ask<LoadResult>(child, { cmd: 'load', url, clients: CLIENTS, messages: MESSAGES, warmup: WARMUP, texts, echo: false }, 'load');
  const eventLoopP99Ms = round(loop.percentile(99) / 1e6);
  const cpu = process.cpuUsage(cpu0);
  log(`measured phase ends (monotonic ${process.hrtime.bigint() / 1000n} µs)`);
  loop.disable();
  const loadRss = rssMb();
  const msgPerSec = Math.round(r.acked / (r.elapsedMs / 1000));
  const serverCpuMsPerMsg = round((cpu.user + cpu.system) / 1000 / Math.max(1, r.acked));
  const serverCpuPct = Math.round(((cpu.user + cpu.system) / 1000 / r.elapsedMs) * 100);
  log(`parley: ${msgPerSec} msg/s, ack p50 ${pct(r.ack, 50)} p99 ${pct(r.ack, 99)} ms, reply p50 ${pct(r.reply, 50)} p99 ${pct(r.reply, 99)} ms, ` +
    `loop p99 ${eventLoopP99Ms} ms, rss ${loadRss} MB, server CPU ${serverCpuMsPerMsg} ms/msg (${serverCpuPct}% of one core), missing ${r.missing}, errors ${r.errors}, escalations ${r.escalations}`);

  let idle = { sockets: 0, rssMb: 0, rssGrowthMb: 0, failed: 0 };
  if (IDLE > 0) {
    global.gc?.();
    const before = rssMb();
    log(`idle: opening ${IDLE} widget sockets (rss before ${before} MB)`);
    const o = await ask<{ opened: number; failed: number }>(child, { cmd: 'idle-open', url, count: IDLE }, 'idle-open');
    await new Promise((res) => setTimeout(res, 1000)); // let the last sessions be sent
    const after = rssMb();
    idle = { sockets: o.opened, rssMb: after, rssGrowthMb: after - before, failed: o.failed };
    log(`idle: ${o.opened} open (${o.failed} failed), rss ${after} MB (+${after - before} MB)`);
    await ask(child, { cmd: 'idle-close' }, 'idle-close');
  }
  await app.close('bench');

  const echo = await startEchoServer();
  const e = await ask<LoadResult>(child, { cmd: 'load', url: echo.url, clients: CLIENTS, messages: MESSAGES, warmup: WARMUP, texts, echo: true }, 'load');
  await echo.close();
  const echoRate = Math.round(e.acked / (e.elapsedMs / 1000));
  log(`echo: ${echoRate} msg/s, p50 ${pct(e.ack, 50)} p99 ${pct(e.ack, 99)} ms`);
  child.send({ cmd: 'exit' });
  if (!dirArg) rmSync(dir, { recursive: true, force: true });

  process.stdout.write(`${JSON.stringify({
    clients: CLIENTS, messages: MESSAGES, msgPerSec,
    ackP50Ms: pct(r.ack, 50), ackP99Ms: pct(r.ack, 99), replyP50Ms: pct(r.reply, 50), replyP99Ms: pct(r.reply, 99),
    eventLoopP99Ms, rssMb: loadRss,
    echo: { msgPerSec: echoRate, p50Ms: pct(e.ack, 50), p99Ms: pct(e.ack, 99) },
    ratio: round(msgPerSec / echoRate),
    idle,
    serverCpuMsPerMsg, serverCpuPct, missingReplies: r.missing, errors: r.errors, escalations: r.escalations, retrieval: health.retrieval, filesystem,
  })}\n`);
  process.exit(0);
}

main().catch((err: unknown) => {
  log(`bench:chat failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
