import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The security gate itself: npm test must fail when a HIGH finding appears.
describe('electronegativity gate', () => {
  it('fails on an app with nodeIntegration on and contextIsolation off', () => {
    const r = spawnSync(process.execPath, ['scripts/electronegativity.mjs', 'tests/fixtures/insecure-app'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/UNREVIEWED HIGH\s+HIGH\s+(NODE_INTEGRATION_JS_CHECK|CONTEXT_ISOLATION_JS_CHECK)/);
  }, 120_000);
});
