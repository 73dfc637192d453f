/** TEST-ONLY: one admin harness, the console server in front of it and a Chromium, for a browser test file. */
import { afterAll, beforeAll } from '@jest/globals';
import type { Server as HttpServer } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { Server } from 'socket.io';
import { attachAgentNamespace } from '../agent/namespace.js';
import { launchChromium } from '../../test/support/chromium.js';
import { startConsoleServer } from './console-server.js';
import { JWT_SECRET, PASSWORD, openAdminHarness, type AdminHarness } from './harness.js';

export interface ConsoleBrowser {
  h: AdminHarness;
  base: string;
  browser: Browser;
  /** Opens the console, signs in as `email` (a staff user made with `h.staff`) and goes to `#/<route>`. */
  signIn(page: Page, email: string, route: string): Promise<void>;
}

/** Call inside a describeWithChromium block: opened before its tests, closed after them. */
export function useConsoleBrowser(
  options: Parameters<typeof openAdminHarness>[0] = {},
  /** The inbox's queue arrives over the /agent socket: attach it for tests of the inbox. */
  extra: { agentSocket?: boolean } = {},
): () => ConsoleBrowser {
  let h: AdminHarness | undefined;
  let http: HttpServer | undefined;
  let io: Server | undefined;
  let ctx: ConsoleBrowser | undefined;
  beforeAll(async () => {
    h = await openAdminHarness(options);
    const server = await startConsoleServer(h);
    http = server.http;
    const base = server.base;
    if (extra.agentSocket) {
      io = new Server(http);
      attachAgentNamespace(io, { dialogue: h.dialogue, stores: h.stores, jwtSecret: JWT_SECRET, knowledge: h.knowledge });
    }
    const browser = await launchChromium();
    ctx = {
      h,
      base,
      browser,
      async signIn(page, email, route) {
        await page.goto(`${base}/console/`);
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.click(`a[href="#/${route}"]`);
      },
    };
  }, 60_000);
  afterAll(async () => {
    await ctx?.browser.close();
    // io.close() also closes the http server it is attached to.
    if (io) await new Promise<void>((r) => io!.close(() => r()));
    else if (http) await new Promise<void>((r) => http!.close(() => r()));
    await h?.close();
  });
  return () => {
    if (!ctx) throw new Error('console browser not opened');
    return ctx;
  };
}
