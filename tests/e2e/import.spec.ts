// A newcomer brings the messy workbook they already keep: the log is on the second sheet under a
// title row, dates come in several forms, names are their own. They get it in without editing the
// file, map their names to the catalog so the entries count, and undo the import a day later.
import { value } from '../helpers/backend';
import { europeanCsv, largeWorkbook, messyWorkbook, problemCsv } from '../helpers/import-fixtures';
import { test, expect } from './fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('import the messy workbook as a newcomer, map names so entries count, undo a day later', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open('log');
  // First run: a new track starting today, on a catalog that lists its procedures.
  const form = page.getByRole('form', { name: 'New track' });
  const catalog = form.getByLabel('Catalog');
  const example = await catalog.locator('option', { hasText: /example/i }).first().getAttribute('value');
  await catalog.selectOption(example!);
  await form.getByRole('button', { name: 'Create track' }).click();
  await expect(page.getByLabel('Track', { exact: true })).toBeVisible();

  await app.open('settings');
  await page.getByLabel('Spreadsheet file (CSV or XLSX)').setInputFiles({ name: 'my CT log.xlsx', mimeType: XLSX, buffer: await messyWorkbook() });

  // The log is found on its sheet, under the title row; the data shows before anything is mapped.
  await expect(page.getByLabel('Sheet', { exact: true })).toHaveValue('1');
  await expect(page.getByLabel('Header row (the column names)')).toHaveValue('3');
  await expect(page.getByText('Row 3 names the columns; the rows above it are skipped.')).toBeVisible();
  await expect(page.getByLabel('Date (required)')).toHaveValue('0');
  await expect(page.getByLabel('Verifier', { exact: true })).toHaveValue('3');

  // Each date is shown as it will be saved, beside the cell as written.
  const sample = page.getByRole('table', { name: /as they will be saved/ });
  await expect(sample.getByRole('row', { name: /Mar 4, 2025 Mar 4, 2025/ })).toBeVisible();
  await expect(sample.getByRole('row', { name: /^8 45725 Mar 9, 2025/ })).toBeVisible();
  await expect(page.getByText('Date order from the file: "3/14/25" can only be month/day/year.')).toBeVisible();
  await expect(page.getByText(/Skipped a total row \(not a procedure\): row 12/)).toBeVisible();

  // The track started today: offered to move its start, not told to fix the file.
  await expect(page.getByText(/8 rows are dated before the start date of the track Computed Tomography/)).toBeVisible();
  await page.getByText('Where is the log in this file?').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('.mapping')?.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'test-results/import-where-1366.png' });
  await page.evaluate(() => document.querySelectorAll('.mapping')[1]?.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'test-results/import-mapping-1366.png' });
  await page.evaluate(() => document.querySelector('[aria-label="Import check"]')?.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'test-results/import-check-1366.png' });
  await page.getByLabel(/Move the track's start date to 2025-03-03/).check();

  // Names: the user's own, matched to the catalog by suggestion, confirmed in one table.
  const names = page.getByRole('region', { name: 'Procedure names' }).or(page.locator('section', { has: page.getByRole('heading', { name: 'Procedure names' }) }));
  await names.getByRole('button', { name: /Use all 4 suggestions/ }).click();
  await expect(page.getByLabel('Save "CT head w/o" as')).toHaveValue('routine-head');
  await expect(page.getByLabel('Save "CTA chest PE" as')).toHaveValue('cta-chest-pe');
  await expect(page.getByLabel('Save "CT sinus" as')).toHaveValue('sinuses');
  await page.getByLabel('Save "CT chest routine" as').selectOption('routine-chest');

  // Sites: "St Marys" is the same place as "St. Mary's".
  await page.getByRole('button', { name: "Save under “St. Mary's”" }).click();
  await expect(page.getByText("1 new site will be created: St. Mary's", { exact: false })).toBeHidden();
  await expect(page.getByText(/2 new sites will be created: St. Mary's, Valley Imaging/)).toBeVisible();

  await expect(page.getByText('Checked 9 rows: 8 entries to import, 1 total row skipped.')).toBeVisible();
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.evaluate(() => document.querySelector('.mapping')?.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'test-results/import-where-1024.png' });
  await page.evaluate(() => document.querySelector('#import-procedures-title')?.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'test-results/import-names-1024.png' });
  await page.evaluate(() => document.querySelector('#import-sites-title')?.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'test-results/import-sites-1024.png' });
  await page.getByRole('button', { name: 'Import 8 entries' }).click();
  await expect(page.getByText(/Imported 8 entries into Computed Tomography, skipped 1 total row; the track now starts 2025-03-03/)).toBeVisible();

  const d = app.server.backend.dispatch;
  const trackId = value<Array<{ id: number; startDate: string }>>(await d('tracks.list', undefined))[0]!.id;
  const evaluation = value<{ evaluation: { entries: Array<{ counts: boolean }> } }>(await d('progress.evaluate', { trackId, verdicts: 'all' }));
  expect(evaluation.evaluation.entries.filter((e) => e.counts)).toHaveLength(8); // every imported entry counts
  const sites = value<{ sites: Array<{ name: string }> }>(await d('entries.filterOptions', {})).sites.map((s) => s.name);
  expect(sites).toEqual(["St. Mary's", 'Valley Imaging']);

  // Logged after the import: the undo must leave it alone.
  expect((await d('entries.create', { trackId, performedOn: '2025-03-04', procedureName: 'Routine Head', siteName: "St. Mary's" })).ok).toBe(true);

  // A day later: the app restarted, the import page left long ago.
  await app.restart({ now: () => new Date(Date.now() + 24 * 3600 * 1000) });
  await app.open('settings');
  const history = page.getByRole('table', { name: 'Spreadsheet imports, newest first' });
  await expect(history.getByRole('row', { name: /my CT log\.xlsx/ })).toContainText('8 of 9 rows');
  await history.getByRole('button', { name: 'Undo import of my CT log.xlsx' }).click();
  await history.getByRole('button', { name: 'Delete 8 entries' }).click();
  await expect(page.getByText('Import undone: 8 entries removed. Entries logged since were kept.')).toBeVisible();
  await expect(history).toContainText('Undone');
  await history.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/import-history-1024.png' });
  const left = value<{ total: number; rows: Array<{ procedureName: string }> }>(await app.server.backend.dispatch('entries.list', {}));
  expect(left.total).toBe(1);
  expect(left.rows[0]!.procedureName).toBe('Routine Head');
});

// Visually hidden inputs (file pickers, captions) are absolutely positioned; when their containing
// block was the page rather than the scrolling main pane, they stretched the document and the
// window scrolled past the app into blank space.
for (const section of ['settings', 'progress']) {
  test(`${section} does not scroll the window into blank space`, async ({ page, app }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const d = app.server.backend.dispatch;
    const track = value<{ id: number }>(await d('tracks.create', { discipline: 'CT', startDate: '2026-01-05' }));
    await d('entries.create', { trackId: track.id, performedOn: '2026-03-02', procedureName: 'CT Head' });
    await app.open(section);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const size = await page.evaluate(() => ({ scroll: document.documentElement.scrollHeight, view: window.innerHeight }));
    expect(size.scroll).toBeLessThanOrEqual(size.view);
  });
}

test('rename a procedure across the log (undoable, asking before it voids a signature) and merge two sites that are the same place', async ({ page, app }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const d = app.server.backend.dispatch;
  const trackId = value<{ id: number }>(await d('tracks.create', { discipline: 'CT', startDate: '2026-01-05' })).id;
  await d('entries.create', { trackId, performedOn: '2026-03-02', procedureName: 'ct head w/o', siteName: "St. Mary's" });
  await d('entries.create', { trackId, performedOn: '2026-03-03', procedureName: 'ct head w/o', siteName: 'St Marys' });
  const names = async () => value<{ rows: Array<{ procedureName: string; siteName: string | null }> }>(await d('entries.list', { sort: 'date-asc' })).rows;
  // Dana Okafor signs the entry at St. Mary's; the one at St Marys stays unsigned.
  const stMarys = value<{ sites: Array<{ id: number; name: string }> }>(await d('signoff.options', undefined)).sites.find((s) => s.name === "St. Mary's")!.id;
  value(await d('signoff.saveCandidate', { name: 'Jamie Rivera', arrtId: '123456' }));
  const verifierId = value<{ id: number }>(await d('verifiers.save', { name: 'Dana Okafor', credentials: 'R.T.(R)(CT)(ARRT)', siteIds: [stMarys] })).id;
  const batch = { trackId, siteId: stMarys };
  const preview = value<{ digest: string; entries: Array<{ id: number }> }>(await d('signoff.preview', { batch, kind: 'verifier', verifierId }));
  value(
    await d('review.submit', {
      batch, kind: 'verifier', verifierId, digest: preview.digest, signerName: 'Dana Okafor', method: 'typed',
      attested: { facility: true, 'date-time': true, equipment: true, present: true, quality: true },
      decisions: preview.entries.map((e) => ({ entryId: e.id, decision: 'accept' })),
    }),
  );
  const signedState = async () => value<{ states: Record<number, string> }>(await d('signoff.entryStates', { trackId })).states[preview.entries[0]!.id];
  expect(await signedState()).toBe('signed');

  await app.open('log');
  await page.getByText('Rename a procedure', { exact: true }).click();
  const form = page.getByRole('form', { name: 'Rename a procedure' });
  await form.getByLabel('Logged as').selectOption('ct head w/o');
  await form.getByLabel('Rename to').fill('Routine Head');
  await form.getByRole('button', { name: 'Rename' }).click();
  // The rename would void Dana's signature on the St. Mary's entry: asked first, nothing renamed yet.
  const warning = page.getByRole('alert').filter({ hasText: 'voids the signatures' });
  await expect(warning).toContainText('Renaming “ct head w/o” to “Routine Head” voids the signatures on 1 signed entry');
  await expect(warning.getByRole('list', { name: 'Signatures it voids' })).toContainText('Dana Okafor, R.T.(R)(CT)(ARRT) — verifier, signed');
  await expect(warning).toBeFocused();
  expect((await names()).map((e) => e.procedureName)).toEqual(['ct head w/o', 'ct head w/o']);
  await warning.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: test.info().outputPath('procedure-rename-warning-1024.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  await warning.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: test.info().outputPath('procedure-rename-warning-1366.png') });
  await page.setViewportSize({ width: 1024, height: 700 });

  // Escape cancels: nothing renamed, the form keeps both names, focus back on the new name.
  await page.keyboard.press('Escape');
  await expect(warning).toHaveCount(0);
  await expect(form.getByLabel('Rename to')).toBeFocused();
  await expect(form.getByLabel('Rename to')).toHaveValue('Routine Head');
  await expect(form.getByLabel('Logged as')).toHaveValue('ct head w/o');
  expect(await signedState()).toBe('signed');

  // Ask again and go ahead with the keyboard: Tab from the warning reaches "Rename anyway".
  await form.getByLabel('Rename to').press('Enter');
  await expect(warning).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(warning.getByRole('button', { name: 'Rename anyway' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Renamed 2 entries from “ct head w/o” to “Routine Head”.')).toBeVisible();
  expect((await names()).map((e) => e.procedureName)).toEqual(['Routine Head', 'Routine Head']);
  expect(await signedState()).toBe('void');
  await expect(page.getByRole('row').filter({ hasText: "St. Mary's" })).toContainText('Signature void');
  // Undo puts the signed digest back: no question, and the signature holds again.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText(/Undone: rename of “ct head w\/o”/)).toBeVisible();
  await expect(warning).toHaveCount(0);
  expect((await names()).map((e) => e.procedureName)).toEqual(['ct head w/o', 'ct head w/o']);
  expect(await signedState()).toBe('signed');

  await app.open('sites');
  await page.getByRole('button', { name: 'Open St Marys' }).click();
  const merge = page.locator('details', { hasText: 'Same place as another site?' });
  await expect(merge).toContainText('“St Marys” looks like “St. Mary\'s”.');
  await expect(merge.getByLabel('Merge into')).toHaveValue(/\d+/);
  await merge.getByRole('button', { name: 'Merge…' }).click();
  await page.screenshot({ path: 'test-results/site-merge-1024.png' });
  await merge.getByRole('button', { name: "Merge “St Marys” into “St. Mary's”" }).click();
  await expect(page.getByText("Merged St Marys into St. Mary's: 1 entry moved.")).toBeVisible();
  expect((await names()).map((e) => e.siteName)).toEqual(["St. Mary's", "St. Mary's"]);
});

test('a file with PHI and duplicates: flagged notes cleaned before import, counts agree with the button', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const d = app.server.backend.dispatch;
  const trackId = value<{ id: number }>(await d('tracks.create', { discipline: 'CT', startDate: '2025-01-01' })).id;
  await d('entries.create', { trackId, performedOn: '2025-03-10', performedAt: '08:00', procedureName: 'Routine Head', siteName: 'Mercy General' });
  await app.open('settings');
  await page.getByLabel('Spreadsheet file (CSV or XLSX)').setInputFiles({ name: 'problems.csv', mimeType: 'text/csv', buffer: problemCsv({ fixed: true }) });
  // Two identical rows, one existing entry: one duplicate, one imported; summary and button agree.
  await expect(page.getByText('Checked 5 rows: 4 entries to import, 1 duplicate skipped.')).toBeVisible();
  const flagged = page.getByRole('group', { name: 'Notes that may identify a patient' });
  await expect(flagged).toContainText('Row 4: “pt MRN 12345678 DOB 01/02/1950”');
  await expect(page.getByRole('button', { name: 'Import 4 entries' })).toBeDisabled();
  await flagged.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: 'test-results/import-phi-1366.png' });
  await flagged.getByRole('button', { name: 'Remove all flagged text' }).click();
  await expect(flagged).toContainText('Row 4: “pt MRN [removed] DOB [removed]”');
  await page.getByRole('button', { name: 'Import 4 entries' }).click();
  await expect(page.getByText(/Imported 4 entries into Computed Tomography, skipped 1 duplicate/)).toBeVisible();
  const rows = value<{ rows: Array<{ notes: string }> }>(await d('entries.list', {})).rows;
  expect(rows.map((r) => r.notes)).toContain('pt MRN [removed] DOB [removed]');
  expect(rows.map((r) => r.notes)).not.toContain('pt MRN 12345678 DOB 01/02/1950');
  expect(rows).toHaveLength(5);
});

test('the 20,000-row workbook shows progress with row counts', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 700 });
  const d = app.server.backend.dispatch;
  await d('tracks.create', { discipline: 'CT', startDate: '2025-01-01' });
  await app.open('settings');
  await page.getByLabel('Spreadsheet file (CSV or XLSX)').setInputFiles({ name: 'big.xlsx', mimeType: XLSX, buffer: await largeWorkbook(20_000) });
  await expect(page.getByText(/Checked 20,000 rows: 20,000 entries to import/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Import 20,000 entries' }).click();
  const progress = page.getByText(/^Imported [\d,]+ of 20,000 rows…$/);
  await expect(progress).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: 'test-results/import-progress-1024.png' });
  await expect(page.getByText(/Imported 20,000 entries into Computed Tomography/)).toBeVisible({ timeout: 60_000 });
  expect(value<{ total: number }>(await d('entries.list', {})).total).toBe(20_000);
});

test('a Windows-1252 CSV: the encoding is detected, can be switched, and "Hôpital" arrives intact', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const d = app.server.backend.dispatch;
  await d('tracks.create', { discipline: 'CT', startDate: '2025-01-01' });
  await app.open('settings');
  await page.getByLabel('Spreadsheet file (CSV or XLSX)').setInputFiles({ name: 'journal.csv', mimeType: 'text/csv', buffer: europeanCsv() });
  const encoding = page.getByLabel('Text encoding');
  await expect(encoding).toHaveValue('windows-1252');
  await expect(encoding.locator('option:checked')).toHaveText(/detected/);
  const top = page.getByRole('table', { name: 'The top of the sheet, as written' });
  await expect(top).toContainText('Hôpital Saint-Éloi');
  await expect(page.getByText('Date order from the file: "25.03.2025" can only be day/month/year.')).toBeVisible();
  // The wrong encoding shows what it would do to the text.
  await encoding.selectOption('utf-8');
  await expect(top).toContainText('H\uFFFDpital Saint-\uFFFDloi');
  await encoding.selectOption('windows-1252');
  await expect(page.getByText('Checked 3 rows: 3 entries to import.')).toBeVisible();
  await page.getByRole('button', { name: 'Import 3 entries' }).click();
  await expect(page.getByText(/Imported 3 entries into Computed Tomography/)).toBeVisible();
  const rows = value<{ rows: Array<{ performedOn: string; siteName: string | null }> }>(await d('entries.list', { sort: 'date-asc' })).rows;
  expect(rows.map((r) => [r.performedOn, r.siteName])).toEqual([
    ['2025-03-04', 'Hôpital Saint-Éloi'],
    ['2025-03-25', 'Hôpital Saint-Éloi'],
    ['2025-04-02', 'Clinique Nord'],
  ]);
});
