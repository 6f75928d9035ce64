import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

test('the desktop app opens sandboxed on app://, logs an entry, and keeps it across a restart', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'radledger-electron-'));
  const launch = () =>
    electron.launch({
      executablePath: process.env.ELECTRON_BINARY,
      args: ['.', ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      env: { ...process.env, RADLEDGER_DATA_DIR: dataDir },
    });
  let app = await launch();
  let page = await app.firstWindow();
  expect(page.url()).toBe('app://radledger/index.html');
  // The renderer has the contract's verbs and nothing of Node.
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof window.api?.tracks.create)).toBe('function');

  await page.evaluate(() => (window.location.hash = '/log'));
  await page.getByLabel('Discipline').selectOption('CT');
  await page.getByLabel('Start date').fill('2026-01-05');
  await page.getByRole('button', { name: 'Create track' }).click();
  // No requirements filled in: logging names as typed is an explicit choice.
  await page.getByLabel(/Log without requirements for now/).check();
  await page.getByLabel('Date performed').fill('2026-02-02');
  await page.getByRole('textbox', { name: 'Procedure', exact: true }).fill('CT Head without contrast');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByRole('cell', { name: 'CT Head without contrast' })).toBeVisible();

  // Navigation away from our origin is blocked by the guards.
  await page.evaluate(() => (window.location.href = 'https://example.com/'));
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^app:\/\/radledger\//);

  await app.close();
  app = await launch();
  page = await app.firstWindow();
  await page.evaluate(() => (window.location.hash = '/log'));
  await expect(page.getByRole('cell', { name: 'CT Head without contrast' })).toBeVisible();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});
