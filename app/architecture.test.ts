import { execFileSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';

// The dependency rule of ARCHITECTURE.md (core <- nlu, knowledge, stores, analytics <- bot <- widget, admin <- app),
// enforced with dependency-cruiser over the real source tree.
describe('architecture', () => {
  it('every import follows the dependency table and goes through index.ts', () => {
    let output = '';
    let failed = false;
    try {
      output = execFileSync(
        'node',
        ['node_modules/dependency-cruiser/bin/dependency-cruise.mjs', '--config', '.dependency-cruiser.cjs', '--output-type', 'err',
          'core', 'nlu', 'knowledge', 'stores', 'crm', 'analytics', 'bot', 'widget', 'admin', 'app'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (err) {
      failed = true;
      output = String((err as { stdout?: string }).stdout ?? err);
    }
    expect({ failed, output: failed ? output : '' }).toEqual({ failed: false, output: '' });
  }, 120_000);
});
