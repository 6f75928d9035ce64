// The browser row: Chromium (Debian's, as the E2E tests use) opens the preview server on a seeded
// data folder and goes to the dashboard. One fresh browser context per sample (empty cache).
// The figure runs from the navigation start to the moment the dashboard's heading is visible and
// every API request the page started has answered, plus one painted frame.
import { chromium, type Page } from '@playwright/test';
import { startPreviewServer } from '../../electron/preview/server';
import { chromiumExecutable } from '../../tests/e2e/browser';
import { BENCH_NOW } from './dataset';
import { collect, type Summary } from './stats';

/** The section the dashboard lives in, and what shows it is there. */
export const DASHBOARD_SECTION = 'progress';
const DASHBOARD_HEADING = 'Progress';

async function settle(page: Page, inflight: () => number): Promise<void> {
  for (;;) {
    if (inflight() === 0) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
}

export function browserAvailable(): boolean {
  return chromiumExecutable() !== undefined;
}

export async function navigateToDashboard(dataDir: string, rendererDir: string, runs: number): Promise<Summary> {
  const server = await startPreviewServer({ dataDir, rendererDir, now: () => BENCH_NOW });
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    return await collect(async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      let inflight = 0;
      const isApi = (url: string) => url.includes('/api/');
      page.on('request', (r) => void (isApi(r.url()) && inflight++));
      page.on('requestfinished', (r) => void (isApi(r.url()) && inflight--));
      page.on('requestfailed', (r) => void (isApi(r.url()) && inflight--));
      const t0 = performance.now();
      await page.goto(server.openUrl);
      await page.getByRole('navigation', { name: 'Sections' }).waitFor();
      await page.evaluate((s) => (window.location.hash = `/${s}`), DASHBOARD_SECTION);
      await page.getByRole('heading', { level: 1, name: DASHBOARD_HEADING }).waitFor();
      await settle(page, () => inflight);
      const ms = performance.now() - t0;
      await context.close();
      return ms;
    }, runs, 1);
  } finally {
    await browser.close();
    await server.close();
  }
}
