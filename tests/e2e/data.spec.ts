import type { Page } from '@playwright/test';
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';

async function seedTrack(app: { server: { backend: { dispatch: (c: string, i: unknown) => Promise<{ ok: boolean; value?: unknown }> } } }) {
  const r = await app.server.backend.dispatch('tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
  expect(r.ok).toBe(true);
  return (r.value as { id: number }).id;
}

async function total(app: { server: { backend: { dispatch: (c: string, i: unknown) => Promise<{ ok: boolean; value?: unknown }> } } }) {
  const r = await app.server.backend.dispatch('entries.list', {});
  return (r.value as { total: number }).total;
}

/** Thousands of entries through the import (one transaction): a backup of them spans many 512 KiB pieces. */
async function seedLargeLog(app: { server: { backend: { dispatch: (c: string, i: unknown) => Promise<{ ok: boolean; value?: unknown }> } } }) {
  const trackId = await seedTrack(app);
  const d = app.server.backend.dispatch;
  const lines = ['Date,Time,Procedure,Site,Notes'];
  for (let i = 0; i < 6_000; i++) {
    const day = new Date(Date.UTC(2026, 0, 5) + (i % 300) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${day},${String(7 + (i % 11)).padStart(2, '0')}:15,CT Head without contrast,Mercy General,"Row ${i}: routine protocol — ✓"`);
  }
  const dataBase64 = Buffer.from(lines.join('\r\n')).toString('base64');
  const preview = (await d('import.preview', { fileName: 'log.csv', dataBase64 })) as { value: { mapping: unknown } };
  const imported = await d('import.commit', { fileName: 'log.csv', dataBase64, trackId, mapping: preview.value.mapping, skipDuplicates: false });
  expect(imported).toMatchObject({ ok: true });
  return trackId;
}

async function openSettings(page: Page, app: { open: (s?: string) => Promise<void> }) {
  await app.open('settings');
  await expect(page.getByRole('heading', { name: 'Backups & restore' })).toBeVisible();
}

test('import a CSV through the column-mapping preview', async ({ page, app }) => {
  await seedTrack(app);
  await openSettings(page, app);
  const csv = [
    'Exam Date,Start,Procedure,Where,Comments',
    '3/2/2026,8:30 AM,CT Head without contrast,Mercy General,routine',
    '2026-03-03,14:10,CT Chest with contrast,Valley Imaging,',
    '3/4/2026,,CT Abdomen/Pelvis,Mercy General,phantom study',
  ].join('\n');
  await page.getByLabel('Spreadsheet file (CSV or XLSX)').setInputFiles({ name: 'my-log.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  // Guessed from the headers; "Start" and "Where" are not guessed, so the user maps them.
  await expect(page.getByLabel('Date (required)')).toHaveValue('0');
  await expect(page.getByLabel('Procedure (required)')).toHaveValue('2');
  await expect(page.getByLabel('Site', { exact: true })).toHaveValue('');
  await page.getByLabel('Site', { exact: true }).selectOption({ label: 'D: Where' });
  await page.getByLabel('Time', { exact: true }).selectOption({ label: 'B: Start' });

  // 3/2/2026 and 3/4/2026 read either way: the import asks instead of guessing.
  await expect(page.getByRole('alert').filter({ hasText: 'could be Mar 2, 2026 or Feb 3, 2026; choose the date order.' })).toBeVisible();
  await page.getByLabel('Date order').selectOption('MDY');
  const sample = page.getByRole('table', { name: /as they will be saved/ });
  await expect(sample.getByRole('columnheader', { name: 'Site' })).toBeVisible();
  await expect(sample.getByRole('row').nth(1)).toContainText('Mercy General');
  await expect(sample.getByRole('row').nth(1)).toContainText('Mar 2, 2026');
  await expect(page.getByText('Checked 3 rows: 3 entries to import.')).toBeVisible();

  await page.getByRole('button', { name: 'Import 3 entries' }).click();
  await expect(page.getByText(/Imported 3 entries into Computed Tomography/)).toBeVisible();
  expect(await total(app)).toBe(3);
  const list = await app.server.backend.dispatch('entries.list', {});
  const rows = ((list as { value: unknown }).value as { rows: Array<{ performedOn: string; performedAt: string | null; siteName: string | null }> }).rows;
  expect(rows.map((r) => [r.performedOn, r.performedAt, r.siteName])).toEqual([
    ['2026-03-04', null, 'Mercy General'],
    ['2026-03-03', '14:10', 'Valley Imaging'],
    ['2026-03-02', '08:30', 'Mercy General'],
  ]);
});

test('a CSV with a bad row imports nothing and names the row', async ({ page, app }) => {
  await seedTrack(app);
  await openSettings(page, app);
  const csv = ['date,procedure', '2026-03-02,CT Head', '2099-01-01,CT Chest'].join('\n');
  await page.getByLabel('Spreadsheet file (CSV or XLSX)').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('alert').filter({ hasText: 'Row 3: Date: The date cannot be in the future.' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import/ })).toBeDisabled();
  expect(await total(app)).toBe(0);
});

test('restore a backup after a preview, then undo the restore', async ({ page, app }) => {
  const trackId = await seedTrack(app);
  const d = app.server.backend.dispatch;
  await d('entries.create', { trackId, performedOn: '2026-03-02', procedureName: 'CT Head without contrast' });
  await d('entries.create', { trackId, performedOn: '2026-03-03', procedureName: 'CT Chest with contrast' });
  await openSettings(page, app);

  await page.getByRole('button', { name: 'Back up now' }).click();
  const backups = page.getByRole('table', { name: 'Backups, newest first' });
  await expect(backups.getByRole('row')).toHaveCount(2);
  await expect(backups).toContainText('Made by you');

  // "Back up to a file…" hands the verified backup to the browser as a download (a SQLite file).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up to a file…' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^radledger-.*-manual\.sqlite$/);
  const saved = await download.path();
  expect(readFileSync(saved).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
  await expect(backups.getByRole('row')).toHaveCount(3);

  await d('entries.create', { trackId, performedOn: '2026-03-04', procedureName: 'CT Sinus, undo check' });
  expect(await total(app)).toBe(3);

  await backups.getByRole('button', { name: /Preview and restore/ }).last().click(); // the older of the two
  const preview = page.getByRole('region', { name: 'Restore preview' });
  await expect(preview).toContainText('2 entries in 1 track, from 2026-03-02 to 2026-03-03');
  await expect(preview.getByRole('cell', { name: 'Computed Tomography' })).toBeVisible();
  expect(await total(app)).toBe(3); // the preview changed nothing

  await preview.getByRole('button', { name: 'Restore this' }).click();
  await expect(page.getByText(/Restored the backup of .*backed up first/)).toBeVisible();
  expect(await total(app)).toBe(2);
  await expect(backups).toContainText('Before a restore');

  await page.getByRole('button', { name: 'Undo restore' }).click();
  await expect(page.getByText('Restore undone: your data is back as it was before.')).toBeVisible();
  expect(await total(app)).toBe(3);

  // The log itself shows the entry that the restore removed and the undo brought back.
  await page.getByRole('link', { name: /Log/ }).click();
  await expect(page.getByText('CT Sinus, undo check', { exact: true }).filter({ visible: true }).first()).toBeVisible();
});

test('a backup of a large log saved to a file is the backup, byte for byte, and leaves no copy behind', async ({ page, app }, info) => {
  await seedLargeLog(app);
  await openSettings(page, app);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up to a file…' }).click()]);
  const name = download.suggestedFilename();
  expect(name).toMatch(/^radledger-.*-manual\.sqlite$/);
  const file = info.outputPath(name);
  await download.saveAs(file);
  await expect(page.getByText(`Saved ${name}.`)).toBeVisible();
  await page.screenshot({ path: info.outputPath('backup-saved-1366x768.png') });

  const backup = readFileSync(path.join(app.dataDir, 'backups', name));
  expect(backup.length).toBeGreaterThan(4 * 512 * 1024);
  expect(readFileSync(file).equals(backup)).toBe(true);
  expect(readdirSync(path.join(app.dataDir, 'exports'))).toEqual([]);

  // "Save…" on the same backup in the list gives the same file again.
  const backups = page.getByRole('table', { name: 'Backups, newest first' });
  const [again] = await Promise.all([page.waitForEvent('download'), backups.getByRole('button', { name: /^Save the backup of/ }).first().click()]);
  expect(again.suggestedFilename()).toBe(name);
  expect(readFileSync(await again.path()).equals(backup)).toBe(true);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: info.outputPath('backup-saved-1024x700.png') });
  expect(readdirSync(path.join(app.dataDir, 'exports'))).toEqual([]);
});

test('restore from a file sends a large backup in pieces, previews it, restores it, and refuses a file that is not a backup', async ({ page, app }, info) => {
  const trackId = await seedLargeLog(app);
  const d = app.server.backend.dispatch;
  const made = (await d('backups.create', undefined)) as { value?: { name: string } };
  const file = info.outputPath('my-backup.sqlite');
  copyFileSync(path.join(app.dataDir, 'backups', made.value!.name), file);
  expect(statSync(file).size).toBeGreaterThan(4 * 512 * 1024); // several pieces
  await d('entries.create', { trackId, performedOn: '2026-03-04', procedureName: 'CT Sinus, after the backup' });
  expect(await total(app)).toBe(6_001);
  await openSettings(page, app);

  // A file that is not a database: refused at the section, nothing staged, nothing changed.
  const notes = info.outputPath('notes.sqlite');
  writeFileSync(notes, 'not a database, '.repeat(50_000));
  await page.getByLabel('Backup file to restore').setInputFiles(notes);
  await expect(page.getByText(/This file cannot be restored\./)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Restore preview' })).toHaveCount(0);

  await page.getByLabel('Backup file to restore').setInputFiles(file);
  const preview = page.getByRole('region', { name: 'Restore preview' });
  await expect(preview).toContainText('Restore the file my-backup.sqlite?');
  await expect(preview).toContainText('6,000 entries');
  expect(readdirSync(path.join(app.dataDir, 'exports'))).toEqual([]);
  await page.screenshot({ path: info.outputPath('restore-file-1366x768.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: info.outputPath('restore-file-1024x700.png') });

  await preview.getByRole('button', { name: 'Restore this' }).click();
  await expect(page.getByText(/Restored the file my-backup\.sqlite\..*backed up first/)).toBeVisible();
  expect(await total(app)).toBe(6_000);
});

test('a JSON export of a large log is sent in pieces, previewed and imported', async ({ page, app }, info) => {
  const trackId = await seedLargeLog(app);
  const d = app.server.backend.dispatch;
  const exported = (await d('exportjson.export', undefined)) as { value?: { json: string } };
  const file = info.outputPath('radledger-export.json');
  writeFileSync(file, exported.value!.json);
  expect(statSync(file).size).toBeGreaterThan(2 * 512 * 1024); // several pieces
  await d('entries.create', { trackId, performedOn: '2026-03-04', procedureName: 'CT Sinus, after the export' });
  expect(await total(app)).toBe(6_001);
  await app.open('settings');

  await page.getByLabel('RadLedger JSON export file').setInputFiles(file);
  const preview = page.getByRole('region', { name: 'JSON import preview' });
  await expect(preview).toContainText('6,000 entries');
  expect(await total(app)).toBe(6_001); // the preview changed nothing
  await preview.getByRole('button', { name: 'Replace my data with this export' }).click();
  await expect(page.getByText('Your data was replaced with the export.').first()).toBeVisible();
  expect(await total(app)).toBe(6_000);
  expect(readdirSync(path.join(app.dataDir, 'exports'))).toEqual([]);
});
