import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router } from 'express';

const uiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley API reference</title><link rel="stylesheet" href="/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div><script src="/docs/swagger-ui-bundle.js"></script><script src="/docs/docs-init.js"></script></body></html>`;

// A file, not an inline script: the CSP allows same-origin scripts only.
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null, tryItOutEnabled: false });`;

/** `GET /api/openapi.json` and `/docs`: the reference page is Swagger UI from node_modules, so it works offline. */
export function docsRoutes(document: () => Record<string, unknown>): Router {
  const r = Router();
  let json: string | null = null;
  r.get('/api/openapi.json', (_req, res) => {
    json ??= JSON.stringify(document());
    res.setHeader('Cache-Control', 'no-cache');
    res.type('application/json').send(json);
  });
  r.get('/docs', (_req, res) => {
    res.type('html').send(PAGE);
  });
  const file = (path: string, name: string, type: string) => {
    let body: Buffer | null = null;
    r.get(path, (_req, res) => {
      body ??= readFileSync(join(uiDir, name));
      res.type(type).setHeader('Cache-Control', 'public, max-age=3600');
      res.send(body);
    });
  };
  file('/docs/swagger-ui.css', 'swagger-ui.css', 'text/css');
  file('/docs/swagger-ui-bundle.js', 'swagger-ui-bundle.js', 'application/javascript');
  r.get('/docs/docs-init.js', (_req, res) => {
    res.type('application/javascript').send(INIT);
  });
  return r;
}
