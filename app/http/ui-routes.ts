import { Router } from 'express';
import type { Logger } from '../logger.js';

export interface UiAssets {
  /** Widget bundle (built once per process, cached). */
  widgetJs: () => Promise<string>;
  demoPage: () => string;
  console?: { html: () => string; js: () => Promise<string> };
}

/** Memoises an async builder so concurrent first requests share one esbuild run. */
export function once<T>(build: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= build().catch((err: unknown) => {
      pending = null;
      throw err;
    });
    return pending;
  };
}

/** GET / (demo shop), /widget.js (the one-tag widget), /console/ (staff console). */
export function uiRoutes(assets: UiAssets, logger: Logger): Router {
  const r = Router();
  r.get('/', (_req, res) => {
    res.type('html').send(assets.demoPage());
  });
  r.get('/widget.js', async (_req, res, next) => {
    try {
      res.type('application/javascript').setHeader('Cache-Control', 'public, max-age=300');
      res.send(await assets.widgetJs());
    } catch (err) {
      logger.error({ err }, 'widget bundle failed to build');
      next(err);
    }
  });
  const ui = assets.console;
  if (ui) {
    // Express matches `/console` and `/console/` alike (non-strict routing); asset URLs are absolute.
    r.get('/console/', (_req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.type('html').send(ui.html());
    });
    r.get('/console/app.js', async (_req, res, next) => {
      try {
        res.type('application/javascript').setHeader('Cache-Control', 'no-cache');
        res.send(await ui.js());
      } catch (err) {
        next(err);
      }
    });
  }
  return r;
}
