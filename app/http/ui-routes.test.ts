import { expect, it } from '@jest/globals';
import express from 'express';
import request from 'supertest';
import { createLogger } from '../logger.js';
import { uiRoutes } from './ui-routes.js';

it('serves the demo shop in DEMO_LANGUAGE at / and each language at /en/ and /zh/', async () => {
  const app = express();
  const assets = { widgetJs: async () => '', demoPage: (l: 'en' | 'zh') => `page:${l}`, demoLanguage: 'zh' as const };
  app.use(uiRoutes(assets, createLogger('silent')));
  expect((await request(app).get('/')).text).toBe('page:zh');
  expect((await request(app).get('/en/')).text).toBe('page:en');
  expect((await request(app).get('/zh/')).text).toBe('page:zh');
  expect((await request(app).get('/zh')).text).toBe('page:zh');
});
