// Requirement catalogs in the real renderer against the real backend: paste a worksheet table, see
// the preview and the lines that were not read, fix cells from the keyboard, save a revision (and
// the one CT track takes it in the same step), import a catalog file and export it back.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { CatalogDocument } from '../../shared/ipc/catalogs';
import { test, expect } from './fixtures';

const CT_TITLE = /^Fill from worksheet: ARRT Computed Tomography/;

/** A worksheet copied from a spreadsheet: header row, tabs, a bad count and a page footer. */
const TAB_TABLE = [
  'Category\tProcedure\tRepetitions\tMandatory/Elective',
  'Head\tRoutine head\t10\tMandatory',
  'Head\tSinus study\t3\tElective',
  'Chest\tRoutine chest\t10\tMandatory',
  'Chest\tCT angiography chest\tten\tMandatory',
  'Page 2 of 4',
  'Abdomen\tAbdomen and pelvis\t8\tM',
].join('\n');

/** Text from a PDF: category lines, columns separated by runs of spaces, no header. */
const SPACED_TABLE = [
  'HEAD',
  'Routine head          10      Mandatory',
  'Sinus study           3       Elective',
  'CHEST',
  'Routine chest         10      Mandatory',
  'Page 2 of 4',
].join('\n');

const focusedCell = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

async function getCatalog(app: { server: { backend: { dispatch: (c: string, i: unknown) => Promise<unknown> } } }, ref: unknown) {
  const r = (await app.server.backend.dispatch('catalogs.get', ref)) as { ok: true; value: CatalogDocument };
  expect(r.ok).toBe(true);
  return r.value.catalog;
}

test('paste a tab-separated worksheet, fix cells from the keyboard, save a revision that the track with an empty list takes in the same step', async ({ page, app }) => {
  // A track already measured against the shipped CT catalog (copied in as revision 1).
  await app.server.backend.dispatch('tracks.create', { discipline: 'CT', startDate: '2026-01-05', name: 'CT 2026' });
  await app.server.backend.dispatch('catalogs.assign', { trackId: 1, catalog: { key: 'arrt-ct' } });

  await app.open('catalogs');
  const ct = page.locator('[data-catalog-key="arrt-ct"]');
  await expect(ct.getByText("ARRT's procedure list is not included: fill it from your ARRT worksheet.")).toBeVisible();
  await expect(page.locator('[data-catalog-key="example-ct-like"]').getByText('Example — not ARRT requirements')).toBeVisible();
  await ct.getByRole('button', { name: CT_TITLE }).click();

  // ARRT's confirmed rules are shown read-only with their source.
  await expect(page.getByText('at most 9')).toBeVisible();
  await expect(page.getByText('ARRT, confirmed').first()).toBeVisible();

  await page.getByLabel('Paste the table').fill(TAB_TABLE);
  await expect(page.getByText('tab-separated (spreadsheet or worksheet copy)')).toBeVisible();
  await expect(page.getByLabel('Column 2 “Procedure”')).toHaveValue('name');
  const preview = page.getByRole('table', { name: 'Parsed preview' });
  await expect(preview.locator('tbody tr')).toHaveCount(4);
  await expect(preview.getByRole('row', { name: /Abdomen and pelvis/ })).toContainText('Mandatory');
  const unparsed = page.locator('.cat-unparsed');
  await expect(unparsed).toContainText('Line 5');
  await expect(unparsed).toContainText('"ten" is not a whole number of repetitions.');
  await expect(unparsed).toContainText('Line 6');
  await page.getByRole('button', { name: 'Use these 4 procedures' }).click();

  const grid = page.getByRole('table', { name: 'Procedures' });
  await expect(grid.getByRole('textbox', { name: /^Procedure name/ })).toHaveCount(4);

  // The unread line, typed in by keyboard: Ctrl+Enter inserts a row below "Routine chest".
  await grid.getByRole('textbox', { name: 'Procedure name, row 3' }).focus();
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('Routine chest');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('CT angiography chest');
  await page.keyboard.press('Tab'); // kind (a new row starts as mandatory)
  await page.keyboard.press('Tab'); // repetitions
  await page.keyboard.type('1x');
  const reps = grid.getByRole('textbox', { name: 'Repetitions, CT angiography chest' });
  await expect(reps).toHaveAttribute('aria-invalid', 'true');
  await expect(grid.getByText('"1x" is not a whole number.')).toBeVisible();
  await expect(page.getByText('1 problem to fix before saving')).toBeVisible();
  await page.keyboard.press('Backspace');
  await page.keyboard.type('0');
  await expect(reps).toHaveValue('10');
  await expect(reps).not.toHaveAttribute('aria-invalid', 'true');
  // Enter moves down a row in the same column; ArrowUp comes back.
  await page.keyboard.press('Enter');
  expect(await focusedCell(page)).toBe('Repetitions, Abdomen and pelvis');
  await page.keyboard.press('ArrowUp');
  expect(await focusedCell(page)).toBe('Repetitions, CT angiography chest');
  // Alt+ArrowUp moves the row above "Routine chest" within its category.
  await page.keyboard.press('Alt+ArrowUp');
  await expect(grid.getByRole('textbox', { name: 'Procedure name, row 3' })).toHaveValue('CT angiography chest');
  // The typed number is marked as the user's own, never as ARRT's.
  await expect(grid.getByRole('row', { name: /CT angiography chest/ }).getByText('from my worksheet')).toBeVisible();

  // Fix a pasted cell: Sinus study is mandatory on this worksheet.
  await grid.getByRole('combobox', { name: 'Mandatory or elective, Sinus study' }).selectOption('mandatory');
  // Enter on the last row adds a row; a blank row is not saved.
  await grid.getByRole('textbox', { name: 'Repetitions, Abdomen and pelvis' }).focus();
  await page.keyboard.press('Enter');
  await expect(grid.getByRole('textbox', { name: /^Procedure name/ })).toHaveCount(6);
  expect(await focusedCell(page)).toBe('Procedure name, row 6');

  // Leaving for another section and coming back keeps the unsaved draft.
  await page.keyboard.press('Alt+2');
  await expect(grid).toHaveCount(0);
  await page.evaluate(() => (window.location.hash = '/catalogs'));
  await expect(grid.getByRole('textbox', { name: /^Procedure name/ })).toHaveCount(6);
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await expect(grid.getByRole('combobox', { name: 'Mandatory or elective, Sinus study' })).toHaveValue('mandatory');

  await expect(page.getByTestId('cat-tracks-note')).toContainText('Tracks using revision 1 keep it while their entries are measured against it');
  // Opened with one CT track: the revision is saved for it.
  await expect(page.getByLabel('Use it for').locator('option:checked')).toHaveText('CT 2026');
  await page.getByRole('button', { name: 'Save as revision 2' }).click();
  await expect(page.getByText('Saved as revision 2.').first()).toBeVisible();
  await expect(page.getByTestId('cat-revision')).toHaveText('Revision 2');

  const saved = await getCatalog(app, { key: 'arrt-ct' });
  expect(saved.proceduresStatus).toBe('complete');
  expect(saved.categories.map((c) => [c.name, c.procedures.map((p) => `${p.name}:${p.kind}:${p.repetitionsRequired?.value}`)])).toEqual([
    ['Head', ['Routine head:mandatory:10', 'Sinus study:mandatory:3']],
    ['Chest', ['CT angiography chest:mandatory:10', 'Routine chest:mandatory:10']],
    ['Abdomen', ['Abdomen and pelvis:mandatory:8']],
  ]);
  const typed = saved.categories[1]!.procedures[0]!.repetitionsRequired!;
  expect(typed).toEqual({ value: 10, source: 'My ARRT worksheet (entered by me)', confirmed: false });
  expect(saved.dailyCap).toMatchObject({ value: 9, confirmed: true });

  // Its list was empty and it had no entries, so the track takes revision 2 in the same step (no
  // separate switch); a track whose entries are measured against a filled list keeps it (unit-tested).
  const tracks = page.locator('.cat-track-list');
  await expect(page.getByTestId('cat-assignment')).toHaveText('CT 2026 now uses revision 2.');
  await expect(tracks).toContainText('CT 2026 — revision 2');
  await expect(tracks.getByText('on the latest revision')).toBeVisible();

  await page.getByRole('button', { name: '← All catalogs' }).click();
  await expect(ct.getByText('Revision 2')).toBeVisible();
  await expect(ct).toContainText('5 procedures');
  await expect(ct).toContainText('1 earlier revision');
});

test('paste a spaced-columns PDF table into a new custom catalog, remap a column, save it', async ({ page, app }) => {
  await app.open('catalogs');
  await page.getByRole('button', { name: 'New custom catalog' }).click();
  await page.getByLabel('Title').fill('School CT competencies');
  await page.getByLabel('Paste the table').fill(SPACED_TABLE);

  await expect(page.getByText('columns separated by spaces (PDF text)')).toBeVisible();
  const preview = page.getByRole('table', { name: 'Parsed preview' });
  await expect(preview.locator('tbody tr')).toHaveCount(3);
  await expect(preview.getByRole('row', { name: /Sinus study/ })).toContainText('Elective');
  await expect(preview.getByRole('row', { name: /Routine chest/ })).toContainText('CHEST');
  await expect(page.locator('.cat-unparsed')).toContainText('Line 6');
  await expect(page.locator('.cat-unparsed')).toContainText('Looks like a page number or footer.');

  // The third column is the user's own note, not the kind: ignore it; the kind becomes "not stated".
  await page.getByLabel('Column 1').selectOption('name');
  await page.getByLabel('Column 2').selectOption('repetitions');
  await page.getByLabel('Column 3').selectOption('ignore');
  await expect(preview.getByRole('row', { name: /Sinus study/ })).toContainText('not stated');
  await expect(preview.getByRole('row', { name: /Sinus study/ })).toContainText('3');
  await expect(page.locator('.cat-unparsed')).toContainText('Line 6');
  await page.getByRole('button', { name: 'Use the detected columns' }).click();
  await expect(preview.getByRole('row', { name: /Sinus study/ })).toContainText('Elective');

  await page.getByRole('button', { name: 'Use these 3 procedures' }).click();
  await page.getByRole('button', { name: 'Save as revision 1' }).click();
  await expect(page.getByTestId('cat-revision')).toHaveText('Revision 1');

  const saved = await getCatalog(app, { key: 'school-ct-competencies' });
  expect(saved.kind).toBe('custom');
  expect(saved.categories.map((c) => c.name)).toEqual(['HEAD', 'CHEST']);
  expect(saved.categories[0]!.procedures[1]).toMatchObject({ name: 'Sinus study', kind: 'elective', repetitionsRequired: { value: 3, confirmed: false } });

  // A second save is revision 2 of the same catalog, not a new one.
  await page.getByRole('textbox', { name: 'Repetitions, Sinus study' }).fill('4');
  await page.getByRole('button', { name: 'Save as revision 2' }).click();
  await expect(page.getByTestId('cat-revision')).toHaveText('Revision 2');

  await page.getByRole('button', { name: '← All catalogs' }).click();
  const own = page.locator('[data-catalog-key="school-ct-competencies"]');
  await expect(own).toContainText('School CT competencies');
  await expect(own).toContainText('Revision 2');
  await expect(page.locator('.cat-item[data-catalog-key^="school-ct-competencies"]')).toHaveCount(1);
});

test('import a catalog file, see clear errors for a broken one, export it back', async ({ page, app }) => {
  const example = await getCatalog(app, { key: 'example-ct-like' });
  const shared = { ...example, key: 'shared-ct-list', kind: 'custom', label: null, title: 'Shared CT list (from a classmate)' };

  await app.open('catalogs');
  const fileInput = page.locator('#cat-import-file');
  await fileInput.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') });
  await expect(page.getByRole('alert')).toContainText('“notes.json” was not imported.');
  await expect(page.getByRole('alert')).toContainText('This is not a JSON file');

  const broken = structuredClone(shared);
  broken.categories[0]!.procedures[0]!.name = '';
  broken.categories[1]!.procedures[0]!.repetitionsRequired!.value = 0;
  await fileInput.setInputFiles({ name: 'broken.catalog.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(page.getByRole('alert')).toContainText('It is not a valid catalog file');
  await expect(page.getByRole('alert')).toContainText('category 1 (Head) › procedure 1 › name:');
  await expect(page.getByRole('alert')).toContainText('Name the procedure.');
  await expect(page.getByRole('alert')).toContainText('category 2 (Neck and Spine) › procedure 1 (Soft Tissue Neck) › repetitions: Use a whole number of 1 or more.');

  await fileInput.setInputFiles({ name: 'shared.catalog.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(shared)) });
  await expect(page.getByRole('heading', { name: 'Shared CT list (from a classmate)' })).toBeVisible();
  await expect(page.getByTestId('cat-revision')).toHaveText('Revision 1');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export revision 1' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('shared-ct-list-r1.catalog.json');
  const exported = JSON.parse(readFileSync((await file.path())!, 'utf8'));
  expect(exported).toEqual(shared);
});
