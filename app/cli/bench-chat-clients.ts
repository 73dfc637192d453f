/**
 * The client side of `npm run bench:chat`, run as a CHILD process (forked by bench-chat.ts) so the
 * clients' CPU never shows up in the server's event-loop delay or RSS. Driven over IPC:
 *   { cmd: 'load', url, clients, messages, warmup, texts, echo }  -> { type: 'load', ...LoadResult }
 *   { cmd: 'probe', url, texts } -> { type: 'probe', kept }
 *   { cmd: 'idle-open', url, count }                              -> { type: 'idle-open', opened, failed }
 *   { cmd: 'idle-close' } -> { type: 'idle-close' };  { cmd: 'exit' }
 *   { cmd: 'soak', url, clients, rate, seconds, texts }           -> { type: 'soak', ...SoakResult } (bench:soak)
 * Each client is closed-loop: send, wait for the ack AND the end of the bot's reply (typing false), send the next.
 */
import { io as connect, type Socket } from 'socket.io-client';

export interface LoadCommand { cmd: 'load'; url: string; clients: number; messages: number; warmup: number; texts: string[]; echo: boolean }
export interface LoadResult { sent: number; acked: number; replied: number; missing: number; errors: number; escalations: number; elapsedMs: number; ack: number[]; reply: number[] }

const REPLY_TIMEOUT_MS = 10_000;
const send = (msg: object): void => void process.send?.(msg);

function open(url: string, forceNew = true): Promise<Socket> {
  const s = connect(`${url}/widget`, { transports: ['websocket'], reconnection: false, forceNew, timeout: 60_000 });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', (err) => { s.close(); reject(err); });
  });
}

interface Turn { started: number; acked: boolean; ended: boolean; firstReply: number | null; done: () => void }

/** One customer: its socket plus the turn in flight. On escalation (the bot goes silent) it becomes a new customer. */
class Client {
  socket!: Socket;
  turn: Turn | null = null;
  escalations = 0;
  constructor(private readonly url: string, private readonly echo: boolean) {}

  async connect(): Promise<void> {
    this.socket = await open(this.url);
    this.socket.on('message', (m: { author: string }) => {
      if (m.author !== 'bot' || !this.turn) return;
      if (this.turn.firstReply === null) this.turn.firstReply = performance.now();
      if (this.echo) this.finish();
    });
    this.socket.on('typing', (t: { typing: boolean }) => { if (!t.typing) this.finish(); });
    this.socket.on('status', (s: { state: string }) => {
      if (s.state === 'queued' || s.state === 'agent') { this.escalations++; this.finish(); }
    });
  }

  private finish(): void {
    if (!this.turn) return;
    this.turn.ended = true;
    if (this.turn.acked) this.turn.done();
  }

  /** Returns [ackMs, replyMs | null] or throws on a failed ack. */
  async turnOnce(id: string, text: string): Promise<[number, number | null, boolean]> {
    const started = performance.now();
    let done!: () => void;
    const ended = new Promise<void>((r) => (done = r));
    const turn: Turn = { started, acked: false, ended: false, firstReply: null, done };
    this.turn = turn;
    const ack = (await this.socket.timeout(REPLY_TIMEOUT_MS).emitWithAck('message', { clientMessageId: id, text })) as { ok: boolean; error?: { code: string } };
    const ackMs = performance.now() - started;
    if (!ack.ok) { this.turn = null; throw new Error(ack.error?.code ?? 'ack not ok'); }
    turn.acked = true;
    // The reply may already be complete (typing false before the ack reached us).
    if (turn.ended) done();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([ended.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), REPLY_TIMEOUT_MS)))]);
    clearTimeout(timer);
    this.turn = null;
    return [ackMs, turn.firstReply === null ? null : turn.firstReply - started, timedOut];
  }
}

async function load(cmd: LoadCommand): Promise<LoadResult> {
  const clients = await Promise.all(Array.from({ length: cmd.clients }, async () => { const c = new Client(cmd.url, cmd.echo); await c.connect(); return c; }));
  const res: LoadResult = { sent: 0, acked: 0, replied: 0, missing: 0, errors: 0, escalations: 0, elapsedMs: 0, ack: [], reply: [] };
  const run = async (c: Client, i: number, count: number, measured: boolean, tag: string): Promise<void> => {
    for (let j = 0; j < count; j++) {
      const text = cmd.texts[(i * 7 + j * 13) % cmd.texts.length]!;
      if (measured && ++res.sent % 500 === 0) send({ type: 'progress', sent: res.sent });
      try {
        const [ackMs, replyMs, timedOut] = await c.turnOnce(`${tag}-${i}-${j}`, text);
        if (!measured) continue;
        res.acked++;
        res.ack.push(ackMs);
        if (replyMs !== null && !timedOut) { res.replied++; res.reply.push(replyMs); } else res.missing++;
      } catch {
        if (measured) res.errors++;
      }
      if (c.escalations > 0 && !cmd.echo) { // a silent bot would stall this client: continue as a new customer
        res.escalations += c.escalations;
        c.socket.close();
        await c.connect();
      }
    }
  };
  await Promise.all(clients.map((c, i) => run(c, i, cmd.warmup, false, 'w')));
  send({ type: 'warm' });
  const t0 = performance.now();
  await Promise.all(clients.map((c, i) => run(c, i, cmd.messages, true, 'm')));
  res.elapsedMs = performance.now() - t0;
  for (const c of clients) c.socket.close();
  return res;
}

/**
 * Keeps the texts the bot answers without handing off: each is sent 3 times by a fresh customer
 * (3 >= the default fallback and negative-streak thresholds), so no mix of kept texts escalates.
 */
async function probe(url: string, texts: string[]): Promise<{ kept: string[] }> {
  const kept: string[] = [];
  for (let i = 0; i < texts.length; i += 10) {
    await Promise.all(texts.slice(i, i + 10).map(async (text, k) => {
      const c = new Client(url, false);
      await c.connect();
      let ok = true;
      for (let n = 0; n < 3 && ok; n++) {
        const [, replyMs, timedOut] = await c.turnOnce(`probe-${i + k}-${n}`, text);
        ok = replyMs !== null && !timedOut && c.escalations === 0;
      }
      if (ok) kept.push(text);
      c.socket.close();
    }));
  }
  return { kept };
}

export interface SoakCommand { cmd: 'soak'; url: string; clients: number; rate: number; seconds: number; texts: string[] }
export interface SoakResult { sent: number; acked: number; replied: number; missing: number; errors: number; escalations: number; skipped: number; elapsedMs: number; ack: number[]; reply: number[] }

/**
 * Open loop: `rate` messages per second spread over the clients, whatever the server's speed. A tick that finds
 * no idle client skips its message (counted: the server is not keeping up). Latencies of every 10th turn are kept.
 */
async function soak(cmd: SoakCommand): Promise<SoakResult> {
  const clients = await Promise.all(Array.from({ length: cmd.clients }, async () => { const c = new Client(cmd.url, false); await c.connect(); return c; }));
  const res: SoakResult = { sent: 0, acked: 0, replied: 0, missing: 0, errors: 0, escalations: 0, skipped: 0, elapsedMs: 0, ack: [], reply: [] };
  const busy = new Set<Client>();
  const inFlight = new Set<Promise<void>>();
  const fire = (c: Client, n: number): void => {
    busy.add(c);
    const p = (async () => {
      try {
        const [ackMs, replyMs, timedOut] = await c.turnOnce(`s-${n}`, cmd.texts[(n * 13) % cmd.texts.length]!);
        res.acked++;
        if (replyMs !== null && !timedOut) res.replied++; else res.missing++;
        if (n % 10 === 0) { res.ack.push(ackMs); if (replyMs !== null) res.reply.push(replyMs); }
      } catch {
        res.errors++;
      }
      if (c.escalations > 0) { res.escalations += c.escalations; c.escalations = 0; c.socket.close(); await c.connect().catch(() => void res.errors++); }
      busy.delete(c);
    })();
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };
  const t0 = performance.now();
  let next = 0;
  let due = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - t0;
      if (elapsed >= cmd.seconds * 1000) return void (clearInterval(timer), resolve());
      const target = Math.floor((elapsed / 1000) * cmd.rate);
      for (; due < target; due++) {
        let c: Client | undefined;
        for (let k = 0; k < clients.length && !c; k++) { const cand = clients[next++ % clients.length]!; if (!busy.has(cand)) c = cand; }
        if (!c) { res.skipped++; continue; }
        res.sent++;
        fire(c, res.sent);
      }
      if (Math.floor(elapsed / 10_000) !== Math.floor((elapsed - 5) / 10_000)) send({ type: 'progress', sent: res.sent, acked: res.acked, errors: res.errors, skipped: res.skipped });
    }, 5);
  });
  await Promise.all(inFlight);
  res.elapsedMs = performance.now() - t0;
  for (const c of clients) c.socket.close();
  return res;
}

let idle: Socket[] = [];
async function idleOpen(url: string, count: number): Promise<{ opened: number; failed: number }> {
  let failed = 0;
  // Batches: a realistic reconnect storm, not 5,000 simultaneous handshakes on one loop.
  for (let i = 0; i < count; i += 100) {
    const batch = await Promise.allSettled(Array.from({ length: Math.min(100, count - i) }, () => open(url)));
    for (const b of batch) b.status === 'fulfilled' ? idle.push(b.value) : failed++;
    if ((i / 100) % 10 === 9) send({ type: 'progress', idle: idle.length });
  }
  return { opened: idle.length, failed };
}

process.on('message', (raw: unknown) => {
  const msg = raw as { cmd: string } & Record<string, unknown>;
  const reply = (p: Promise<object>, type: string): void =>
    void p.then((r) => send({ type, ...r }), (err: unknown) => send({ type, error: String(err) }));
  if (msg.cmd === 'probe') reply(probe(String(msg.url), msg.texts as string[]), 'probe');
  else if (msg.cmd === 'load') reply(load(msg as unknown as LoadCommand), 'load');
  else if (msg.cmd === 'soak') reply(soak(msg as unknown as SoakCommand), 'soak');
  else if (msg.cmd === 'idle-open') reply(idleOpen(String(msg.url), Number(msg.count)), 'idle-open');
  else if (msg.cmd === 'idle-close') {
    for (const s of idle) s.close();
    idle = [];
    send({ type: 'idle-close' });
  } else if (msg.cmd === 'exit') process.exit(0);
});
send({ type: 'ready' });
