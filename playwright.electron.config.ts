import { defineConfig } from '@playwright/test';

// The real desktop app, driven through Playwright's _electron. Run by scripts/e2e-electron.mjs,
// which only starts it where an Electron binary exists.
export default defineConfig({
  testDir: 'tests/e2e-electron',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 90_000,
  reporter: [['list']],
  outputDir: 'test-results/electron',
});
