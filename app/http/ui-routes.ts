import { Router } from 'express';
import type { Logger } from '../logger.js';

export interface UiAssets {
  /** Widget bundle (built once per process, cached). */
  widgetJs: () => Promise<string>;
  /** The demo shop in one language; `/` shows `demoLanguage`'s (default English), `/en/` and `/zh/` each one. */
  demoPage: (language: 'en' | 'zh') => string;
  demoLanguage?: 'en' | 'zh';
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

/** GET / (demo shop; /en/ and /zh/ by language), /widget.js (the one-tag widget), /console/ (staff console). */
export function uiRoutes(assets: UiAssets, logger: Logger): Router {
  const r = Router();
  r.get('/', (_req, res) => {
    res.type('html').send(assets.demoPage(assets.demoLanguage ?? 'en'));
  });
  for (const language of ['en', 'zh'] as const) r.get(`/${language}/`, (_req, res) => void res.type('html').send(assets.demoPage(language)));
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
