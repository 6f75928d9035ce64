// Each test gets a fresh temp data dir and its own preview server on a random loopback port,
// running the real backend. `restart()` stops the server and starts a new one on the same data.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/server';

export interface AppHarness {
  dataDir: string;
  server: PreviewServer;
  /** Opens the app in the page (token in the fragment) and waits for the shell. */
  open: (section?: string) => Promise<void>;
  /** Closes the server (and the database), starts a new one on the same data dir, reopens. */
  restart: (opts?: { now?: () => Date }) => Promise<void>;
}

const rendererDir = path.resolve('dist/renderer');

async function openApp(page: Page, server: PreviewServer, section?: string) {
  await page.goto(server.openUrl);
  // The page, not the sidebar: below 1100 px the navigation is folded behind the Menu button.
  await expect(page.locator('main#main')).toBeVisible();
  await expect(page.locator('nav#sections-nav')).toBeAttached();
  if (section) {
    await page.evaluate((s) => (window.location.hash = `/${s}`), section);
  }
}

export const test = base.extend<{ app: AppHarness }>({
  app: async ({ page }, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'radledger-e2e-'));
    const harness: AppHarness = {
      dataDir,
      server: await startPreviewServer({ dataDir, rendererDir }),
      open: (section) => openApp(page, harness.server, section),
      restart: async (opts) => {
        await harness.server.close();
        harness.server = await startPreviewServer({ dataDir, rendererDir, ...(opts?.now ? { now: opts.now } : {}) });
        await openApp(page, harness.server);
      },
    };
    await use(harness);
    await harness.server.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
