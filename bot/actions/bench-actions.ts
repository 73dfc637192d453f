/**
 * `npm run bench:actions`: what an http intent action costs beyond the backend's own time. A local backend
 * answers at once; the same request is timed as a bare `fetch` (the backend plus HTTP, what any caller pays) and
 * through the action runner (customer read, body, HMAC signature, breaker and concurrency gate, capped streaming
 * read, zod), interleaved so both see the same machine. Overhead = runner - bare, at p50 and p99.
 * Progress on stderr; the last stdout line is one JSON object.
 */
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { hmacHex, type HttpAction, type Stores } from '../../core/index.js';
import { createActionRunner } from './action-runner.js';

const SECRET = 'bench-secret-bench-secret';

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const round = (n: number) => Math.round(n * 1000) / 1000;

export async function runActionsBench(stores: Stores, opts: { calls?: number } = {}): Promise<void> {
  const calls = opts.calls ?? 3000;
  const answer = JSON.stringify({ text: 'Your order A10023 shipped yesterday.', suggestions: [{ label: 'Track', text: 'track A10023' }] });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) }).end(answer));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/action`;
  const customer = await stores.customers.create({ externalId: 'identity:bench-1', name: 'Bench Customer' });
  const runner = createActionRunner({ stores, secret: SECRET, logger: { warn: (o) => process.stderr.write(`warn ${JSON.stringify(o)}\n`) } });
  const action: HttpAction = { type: 'http', url, timeoutMs: 3000, maxConcurrent: 64 };
  const req = { intent: 'order_status', action, text: 'where is my order A10023', language: 'en' as const, conversationId: 'bench', customerId: customer.id, entities: [], slots: {} };
  const body = JSON.stringify({ intent: 'order_status', entities: {}, text: req.text, locale: 'en', conversationId: 'bench', customer: { id: customer.id, externalId: 'bench-1', name: 'Bench Customer' } });

  const bare = async () => {
    const t = performance.now();
    const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-parley-signature': hmacHex(SECRET, body) } });
    await res.json();
    return performance.now() - t;
  };
  const viaRunner = async () => {
    const t = performance.now();
    const r = await runner.run(req);
    if (r.kind !== 'answer') throw new Error(`action failed: ${JSON.stringify(r)}`);
    return performance.now() - t;
  };

  process.stderr.write(`warming up…\n`);
  for (let i = 0; i < 300; i++) await (i % 2 ? bare() : viaRunner());
  const sequential = { bare: [] as number[], runner: [] as number[] };
  for (let i = 0; i < calls; i++) {
    sequential.bare.push(await bare());
    sequential.runner.push(await viaRunner());
    if ((i + 1) % 1000 === 0) process.stderr.write(`sequential ${i + 1}/${calls}\n`);
  }
  // 16 in flight at once (16 conversations acting together): the gate and breaker under contention.
  const concurrent = { bare: [] as number[], runner: [] as number[] };
  for (let i = 0; i < calls / 16; i++) {
    concurrent.bare.push(...(await Promise.all(Array.from({ length: 16 }, bare))));
    concurrent.runner.push(...(await Promise.all(Array.from({ length: 16 }, viaRunner))));
  }
  process.stderr.write('concurrent done\n');
  // CPU per call (this process serves the backend too, equally for both): robust on a machine shared with others.
  const cpuPerCall = async (fn: () => Promise<number>): Promise<number> => {
    const start = process.cpuUsage();
    for (let i = 0; i < calls; i++) await fn();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000 / calls;
  };
  const cpuBare = await cpuPerCall(bare);
  const cpuRunner = await cpuPerCall(viaRunner);
  runner.close();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));

  const summary = (s: { bare: number[]; runner: number[] }) => {
    const b = [...s.bare].sort((x, y) => x - y);
    const r = [...s.runner].sort((x, y) => x - y);
    return {
      bareP50Ms: round(pct(b, 50)),
      bareP99Ms: round(pct(b, 99)),
      runnerP50Ms: round(pct(r, 50)),
      runnerP99Ms: round(pct(r, 99)),
      overheadP50Ms: round(pct(r, 50) - pct(b, 50)),
      overheadP99Ms: round(pct(r, 99) - pct(b, 99)),
    };
  };
  const result = {
    calls,
    sequential: summary(sequential),
    concurrent16: summary(concurrent),
    cpu: { bareMsPerCall: round(cpuBare), runnerMsPerCall: round(cpuRunner), overheadMsPerCall: round(cpuRunner - cpuBare) },
    loadAverage: round(loadavg()[0] ?? 0),
    targetOverheadMs: 2,
  };
  process.stderr.write(`sequential overhead p50 ${result.sequential.overheadP50Ms} ms, p99 ${result.sequential.overheadP99Ms} ms\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
