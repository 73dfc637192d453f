import { readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * TEST SUPPORT ONLY: a local stand-in for the model hub. Serves `<modelsDir>/<model>/<file>` at
 * `/<model>/resolve/main/<file>` (the Hugging Face layout). The first `cutWeights` requests for ONNX weights
 * stop halfway (a dropped connection after the headers promised the full length).
 */
export async function serveModels(modelsDir: string, opts: { cutWeights?: number } = {}) {
  let cuts = opts.cutWeights ?? 0;
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(req.url ?? '');
    requests.push(path);
    const m = /^\/(.+)\/resolve\/main\/(.+)$/.exec(path);
    const file = m ? join(modelsDir, m[1]!, m[2]!) : '';
    if (!m || !existsSync(file)) return void res.writeHead(404).end('Entry not found');
    const body = readFileSync(file);
    res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' });
    if (file.endsWith('.onnx') && cuts > 0) {
      cuts--;
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
      return;
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
  };
}
