import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hmacHex, intentActionReplySchema } from '../core/index.js';

// The README's Integrate snippets, run as written: a drifted snippet fails here before an integrator copies it.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
function snippet(marker: string, lang: string): string {
  const m = new RegExp(`<!-- integrate:${marker} -->\\s*\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!m?.[1]) throw new Error(`README has no ${marker} snippet`);
  return m[1];
}

const SECRET = 'actions-secret-for-the-readme-test';
const call = { intent: 'order_status', entities: { order_id: 'o-1001' }, text: 'where is o-1001? 🚚', locale: 'en', conversationId: 'cnv_1', customer: { id: 'cus_1', externalId: 'shop-42' } };
let server: ChildProcess | undefined;
afterAll(() => void server?.kill());

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe('README Integrate guide', () => {
  it('the Node action server verifies Parley\'s signature (core hmacHex, as Parley signs) and answers in the protocol\'s shape', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-readme-'));
    writeFileSync(join(dir, 'action-server.mjs'), snippet('node', 'js'));
    const port = await freePort();
    server = spawn(process.execPath, [join(dir, 'action-server.mjs')], { env: { PATH: process.env.PATH, PORT: String(port), ACTIONS_SECRET: SECRET }, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      server!.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      server!.once('exit', (code) => reject(new Error(`action server exited ${code}`)));
    });
    const body = JSON.stringify(call);
    const post = (signature: string, raw = body) => fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-parley-signature': signature }, body: raw });
    const ok = await post(hmacHex(SECRET, body));
    expect(ok.status).toBe(200);
    const reply = intentActionReplySchema.parse(await ok.json());
    expect(reply.text).toContain('o-1001');
    expect((await post(hmacHex(SECRET, body), body.replace('o-1001', 'o-9999'))).status).toBe(401);
    expect((await post(hmacHex('wrong-secret', body))).status).toBe(401);
    expect((await post('abc')).status).toBe(401);
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  if (!python) console.log('skip: python3 not installed (the Python snippet is not run)');
  (python ? it : it.skip)('the Python check accepts Parley\'s signature and refuses a changed body', () => {
    const body = JSON.stringify(call);
    const script = `${snippet('python', 'python')}\nimport sys\nraw = sys.stdin.buffer.read()\nprint(verify_parley_signature(raw, ${JSON.stringify(hmacHex(SECRET, body))}, ${JSON.stringify(SECRET)}), verify_parley_signature(raw + b" ", ${JSON.stringify(hmacHex(SECRET, body))}, ${JSON.stringify(SECRET)}))`;
    const run = spawnSync('python3', ['-c', script], { input: Buffer.from(body, 'utf8'), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('True False');
  });
});
