/** Helpers shared by the chat benchmarks (bench:chat, bench:soak): texts, percentiles, the client child's IPC. */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { demoFaqs } from '../../knowledge/index.js';
import { demoIntents } from '../../nlu/index.js';

export const log = (msg: string): void => void process.stderr.write(`${msg}\n`);
export const rssMb = (): number => Math.round(process.memoryUsage().rss / 1048576);
export const round = (n: number): number => Math.round(n * 100) / 100;

export function pct(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

/** What customers of the demo store ask: FAQ questions, greetings, thanks and non-escalating intents. */
export function demoTexts(): string[] {
  // Obvious hand-off wording is left out here; the probe phase drops whatever else escalates.
  const risky = /\b(human|agent|person|manager|operator|representative)\b/i;
  const faq = demoFaqs.flatMap((f) => [f.question, ...(f.alternates ?? [])]);
  const keep = new Set(['greeting', 'thanks', 'order_status', 'reset_password', 'opening_hours', 'refund']);
  const intents = demoIntents.filter((i) => keep.has(i.name)).flatMap((i) => i.utterances);
  return [...faq, ...intents].filter((t) => !risky.test(t));
}

export function filesystemOf(dir: string): string {
  try {
    const line = execFileSync('df', ['-PT', dir], { encoding: 'utf8' }).trim().split('\n').pop() ?? '';
    const [device, type, , , , , mount] = line.split(/\s+/);
    return `${type} (${device} on ${mount})`;
  } catch {
    return 'unknown';
  }
}

/** Request/response over the child's IPC channel; `progress` messages are logged on the way. */
export function ask<T>(child: ChildProcess, cmd: object, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMsg = (raw: unknown): void => {
      const m = raw as { type: string; error?: string } & Record<string, unknown>;
      if (m.type === 'progress') return log(`  ${JSON.stringify(m)}`);
      if (m.type === 'warm') return void child.emit('bench-warm');
      if (m.type !== type) return;
      child.off('message', onMsg);
      if (m.error) reject(new Error(m.error));
      else resolve(m as unknown as T);
    };
    child.on('message', onMsg);
    child.send(cmd);
  });
}

/** Forks the socket clients (bench-chat-clients.ts) so their CPU is not the server's; resolves when ready. */
export async function forkClients(): Promise<ChildProcess> {
  const child = fork(fileURLToPath(new URL('./bench-chat-clients.js', import.meta.url)).replace(/\.js$/, '.ts'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve) => child.once('message', () => resolve()));
  return child;
}
