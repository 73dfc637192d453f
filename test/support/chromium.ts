/** TEST-ONLY: the system Chromium for the browser tests (playwright-core never downloads a browser). */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log('skip: chromium not installed (.ci/run installs the Debian package)');

/** `describe` where Chromium is installed, else a declared (printed) skip. */
export const describeWithChromium = hasChromium ? describe : describe.skip;

/** Where screenshots go (git-ignored), created on first use. */
export const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));

export function launchChromium(): Promise<Browser> {
  mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}
