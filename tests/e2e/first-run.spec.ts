// A newcomer's first run, from an empty data folder, reading only the screen: the guided start
// (credential and start date), the worksheet PDF imported through the file chooser (a scanned one
// first, which is refused with a clear message), the list checked in the preview and saved — which
// applies it to the track — ten procedures logged, and the Progress dashboard showing how far she
// is, what is missing and her structured education. Screenshots of every step at 1366×768 and 1024×700 go to
// test-results/first-run/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { subMonths } from 'date-fns';
import { localIsoDate } from '../../shared/dates';
import { scannedWorksheetPdf, TABLE_ROWS, tableWorksheetPdf, twoColumnWorksheetPdf } from '../helpers/worksheet-pdfs';
import { expect, test } from './fixtures';

/** A section's link in the navigation; below 1100 px it sits behind the Menu button. */
async function navLink(page: Page, name: RegExp) {
  const menu = page.getByRole('button', { name: 'Menu' });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name });
}

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 700 },
];
const shotDir = path.resolve('test-results/first-run');

function daysAgo(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return localIsoDate(d);
}

/** Ten procedures over five days (never over CT's daily cap), as she would log them. */
const TEN = [
  ['Routine head', 9],
  ['Routine head', 9],
  ['Routine chest', 8],
  ['CT angiography chest', 8],
  ['Routine abdomen and pelvis', 6],
  ['Routine abdomen and pelvis', 6],
  ['Renal stone protocol', 5],
  ['Soft tissue neck', 5],
  ['Sinuses', 2],
  ['Orbits', 2],
] as const;

/** No WCAG A/AA violations inside the given part of the page. */
async function expectAccessible(page: Page, selector: string) {
  const result = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const size of SIZES) {
  test(`a newcomer goes from an empty data folder to a progress picture (${size.width}×${size.height})`, async ({ page, app }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    mkdirSync(shotDir, { recursive: true });
    let n = 0;
    // The window as the user sees it (the main area scrolls inside the window, like the desktop app).
    const shot = async (name: string, scrollTo?: Locator) => {
      n++;
      if (scrollTo) await scrollTo.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shotDir, `${size.width}x${size.height}-${String(n).padStart(2, '0')}-${name}.png`) });
    };

    // The app opens on the guided start: nothing else is needed to begin.
    await app.open();
    await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
    const start = page.getByRole('region', { name: /Welcome to RadLedger/ });
    await expect(start).toBeVisible();
    await expect(start.getByText('24 months before you apply')).toBeVisible();
    await shot('guided-start');
    await expectAccessible(page, '.start-card');

    // Step 1: the credential and a start date that covers the procedures she already did.
    await start.getByLabel('Discipline').selectOption({ label: 'Computed Tomography (CT)' });
    await start.getByRole('button', { name: /Use 24 months ago/ }).click();
    await expect(start.getByLabel('Start date')).toHaveValue(localIsoDate(subMonths(new Date(), 24)));
    await start.getByRole('button', { name: 'Create the track and continue' }).click();

    // Step 2: the requirements. A scanned PDF is refused with a message that says what to do.
    await expect(start.getByRole('heading', { name: '2. Get your requirements in' })).toBeVisible();
    await expect(start.getByRole('list', { name: 'Steps' }).getByRole('listitem').first()).toContainText('(done)');
    await shot('requirements-choices');
    let chooser = page.waitForEvent('filechooser');
    await start.getByRole('button', { name: 'Import the worksheet file' }).click();
    await (await chooser).setFiles({ name: 'scanned-worksheet.pdf', mimeType: 'application/pdf', buffer: await scannedWorksheetPdf() });
    await expect(start.getByRole('alert')).toContainText('This PDF has no text');
    await expect(start.getByRole('alert')).toContainText('paste the table or type it');
    await shot('scanned-pdf-refused');

    chooser = page.waitForEvent('filechooser');
    await start.getByRole('button', { name: 'Import the worksheet file' }).click();
    await (await chooser).setFiles({ name: 'ct-worksheet.pdf', mimeType: 'application/pdf', buffer: await tableWorksheetPdf() });

    // The Requirements editor opens with what was read, for her to check before anything is saved.
    await expect(page.getByRole('heading', { name: 'Requirements', level: 1 })).toBeVisible();
    await expect(page.locator('#sections-nav a[aria-current="page"]')).toHaveText(/Requirements/);
    await expect(page.getByTestId('worksheet-note')).toHaveText(/Read 2 pages of text from “ct-worksheet\.pdf”/);
    const preview = page.getByRole('table', { name: 'Parsed preview' });
    await expect(preview.locator('tbody tr')).toHaveCount(TABLE_ROWS.length);
    await expect(preview.getByRole('row', { name: /Virtual cystoscopy/ })).toContainText('ABDOMEN AND PELVIS');
    await expect(page.getByText('0 lines not read', { exact: false })).toBeVisible();
    await shot('worksheet-preview');
    await page.getByRole('button', { name: `Use these ${TABLE_ROWS.length} procedures` }).click();

    // Saving applies the list to her track in the same step: no "assign" step to find.
    await expect(page.getByLabel('Use it for')).toHaveValue(/\d+/);
    await expect(page.getByLabel('Use it for').locator('option:checked')).toHaveText('Computed Tomography');
    await page.getByRole('button', { name: 'Save as revision 1' }).click();
    await expect(page.getByTestId('cat-assignment')).toHaveText('Computed Tomography now uses revision 1.');
    await shot('requirements-saved', page.getByTestId('cat-assignment'));

    // Today now lists what is left to do; each step links where it says.
    await (await navLink(page, /^Today/)).click();
    const here = page.getByRole('region', { name: /Start here/ });
    await expect(here.getByRole('listitem', { name: 'Create your track: done' })).toBeVisible();
    await expect(here.getByRole('listitem', { name: 'Get your requirements in: done' })).toBeVisible();
    await expect(here.getByRole('listitem', { name: 'Log your first procedure: to do' })).toBeVisible();
    await shot('today-start-here');
    await expectAccessible(page, '.start-here');
    await here.getByRole('link', { name: 'Log a procedure' }).click();

    // Ten procedures, picked from her own list.
    await expect(page.getByRole('heading', { name: 'Log', level: 1 })).toBeVisible();
    const form = page.getByRole('form', { name: 'Log a procedure' });
    await expect(form.getByTestId('no-requirements')).toHaveCount(0);
    await expect(form.getByText('Type to search this track’s catalog.')).toBeVisible();
    await form.getByLabel('Site', { exact: true }).fill('Mercy General');
    await form.getByLabel('Verifier', { exact: true }).fill('J. Ortiz, R.T.(CT)');
    for (const [i, [name, ago]] of TEN.entries()) {
      await form.getByLabel('Date performed').fill(daysAgo(ago));
      const field = form.getByRole('combobox', { name: 'Procedure', exact: true });
      await field.fill(name.slice(0, 8));
      // Each suggestion reads as the procedure and its category from the worksheet.
      const category = TABLE_ROWS.find((r) => r.name === name)!.category;
      await page.getByRole('option', { name: `${name} ${category}`, exact: true }).click();
      await expect(field).toHaveValue(name);
      await form.getByRole('button', { name: 'Save entry' }).click();
      await expect(page.getByTestId('entry-total')).toHaveText(String(i + 1));
    }
    await shot('ten-logged');

    // The dashboard: how far she is, and what is still missing, by name.
    await (await navLink(page, /^Progress/)).click();
    await expect(page.getByText('Measured against')).toContainText('Computed Tomography');
    const overall = page.getByRole('region', { name: 'Overall' });
    await expect(overall.getByTestId('overall-percent')).toHaveText(/^\d+%$/);
    await expect(overall).toContainText('of 180 required repetitions done');
    await expect(overall.getByRole('progressbar', { name: 'Overall completion' })).toBeVisible();
    const missing = page.getByRole('region', { name: 'What is missing' });
    await expect(missing.getByTestId('missing-list').getByRole('listitem').first()).toBeVisible();
    await expect(missing).toContainText('Temporal bone');
    await shot('progress');
    await shot('progress-missing', missing);

    // Structured education: recorded on its own page, then part of the same progress picture.
    await (await navLink(page, /^Education/)).click();
    const edu = page.getByRole('form', { name: 'Record an activity' });
    await edu.getByLabel('Completed on').fill(daysAgo(3));
    await edu.getByLabel('Title').fill('CT dose optimisation');
    await edu.getByLabel('Provider').fill('ASRT');
    await edu.getByLabel('CE credits').fill('4');
    await edu.getByLabel('Content category').selectOption({ label: 'Safety' });
    await edu.getByRole('button', { name: 'Record activity' }).click();
    await expect(page.getByRole('table').getByRole('row').filter({ hasText: 'CT dose optimisation' })).toContainText('Counts');
    await (await navLink(page, /^Progress/)).click();
    const education = page.getByTestId('education-card');
    await expect(education).toContainText('4 of 16 credits');
    await shot('progress-education', education);

    // Every step done: Today no longer shows "Start here".
    await (await navLink(page, /^Today/)).click();
    await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: /Start here/ })).toHaveCount(0);
    await expect(page.getByRole('region', { name: /Welcome to RadLedger/ })).toHaveCount(0);
  });
}

test('a track without requirements: the quick log says so, offers the fix, and logs free text only when asked', async ({ page, app }) => {
  await app.server.backend.dispatch('tracks.create', { discipline: 'MR', startDate: '2026-01-05' });
  await app.open('log');
  const form = page.getByRole('form', { name: 'Log a procedure' });
  const notice = form.getByTestId('no-requirements');
  await expect(notice).toContainText('This track has no requirements yet.');
  await page.screenshot({ path: path.join(shotDir, 'log-no-requirements.png') });
  await expectAccessible(page, '[data-testid="no-requirements"]');
  await form.getByRole('combobox', { name: 'Procedure', exact: true }).fill('Brai');
  await form.getByRole('button', { name: 'Save entry' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'no requirements yet' })).toBeVisible();
  await expect(page.getByText('No entries yet for this track.')).toBeVisible();

  // The explicit choice: logged as typed, and the choice is remembered for this track.
  await notice.getByLabel(/Log without requirements for now/).check();
  await expect(form.getByRole('combobox', { name: 'Procedure', exact: true })).toBeFocused();
  await form.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByTestId('entry-total')).toHaveText('1');

  // The fix lands on the MR requirements, opened for this track.
  await notice.getByRole('link', { name: 'Fill in the requirements' }).click();
  await expect(page.getByRole('heading', { name: 'Requirements', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Magnetic Resonance/, level: 2 })).toBeVisible();
  await expect(page.getByLabel('Use it for').locator('option:checked')).toHaveText('Magnetic Resonance Imaging');
});

test('a shared catalog is labelled “Not verified by RadLedger” after a restart; two revisions compare; a custom list sets its own cap and window', async ({
  page,
  app,
}) => {
  const doc = (await app.server.backend.dispatch('catalogs.get', { key: 'example-ct-like' })) as { ok: true; value: { catalog: Record<string, unknown> } };
  const shared = { ...doc.value.catalog, key: 'dana-ct-list', kind: 'custom', label: null, title: 'Dana’s CT list' };
  await app.open('catalogs');
  await page.locator('#cat-import-file').setInputFiles({ name: 'dana-ct.catalog.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(shared)) });
  await expect(page.getByRole('heading', { name: 'Dana’s CT list', level: 2 })).toBeVisible();
  await expect(page.getByText('Not verified by RadLedger').first()).toBeVisible();
  await expect(page.getByText('imported from “dana-ct.catalog.json”')).toBeVisible();

  // Her own cap and window, then a changed count: revision 2.
  await page.getByLabel('Daily cap (entries per day)').fill('6');
  await page.getByLabel('Window (months)').fill('x');
  await page.getByRole('button', { name: 'Save as revision 2' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not a whole number' })).toBeVisible();
  await page.getByLabel('Window (months)').fill('18');
  await page.getByRole('textbox', { name: /^Repetitions, / }).first().fill('21');
  await page.getByRole('button', { name: 'Save as revision 2' }).click();
  await expect(page.getByTestId('cat-revision')).toHaveText('Revision 2');

  const compare = page.getByRole('region', { name: 'Compare revisions' });
  await compare.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByTestId('cat-diff-summary')).toHaveText('From revision 1 to 2: 0 procedures added, 0 removed, 1 changed; 2 rules changed.');
  await expect(compare).toContainText('repetitions 15 → 21');
  await expect(compare).toContainText('Daily cap: 9 → 6');
  await expect(compare).toContainText('Window (months): 24 → 18');
  await compare.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shotDir, 'compare-revisions.png') });

  await app.restart();
  await page.getByRole('link', { name: /Requirements/ }).click();
  const row = page.locator('[data-catalog-key="dana-ct-list"]');
  await expect(row.getByText('Not verified by RadLedger')).toBeVisible();
  await expect(row).toContainText('Revision 2');
});

test('“Later”: the guided start ends on the Log, and Today’s “Start here” leads to the requirements of that track', async ({ page, app }) => {
  await app.open();
  const start = page.getByRole('region', { name: /Welcome to RadLedger/ });
  await start.getByLabel('Discipline').selectOption({ label: 'Magnetic Resonance Imaging (MR)' });
  await start.getByRole('button', { name: 'Create the track and continue' }).click();
  await start.getByRole('button', { name: /^Later/ }).click();
  await expect(start.getByRole('heading', { name: '3. Log your first procedure' })).toBeVisible();
  await start.getByRole('link', { name: 'Go to the Log' }).click();
  await expect(page.getByRole('heading', { name: 'Log', level: 1 })).toBeVisible();
  await expect(page.getByTestId('no-requirements')).toBeVisible();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /Today/ }).click();
  const here = page.getByRole('region', { name: /Start here/ });
  await expect(here).toContainText('2 steps to go');
  await expect(here.getByRole('listitem', { name: 'Get your requirements in: to do' })).toBeVisible();
  await here.getByRole('link', { name: 'Fill in the requirements' }).click();
  await expect(page.getByRole('heading', { name: 'Requirements', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Magnetic Resonance/, level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import the worksheet file (PDF, CSV, XLSX)' })).toBeVisible();
  await expect(page.getByLabel('Use it for').locator('option:checked')).toHaveText('Magnetic Resonance Imaging');

  // The worksheet file from the editor itself; saving before the read rows are in the list is caught.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import the worksheet file (PDF, CSV, XLSX)' }).click();
  await (await chooser).setFiles({ name: 'mr-worksheet.pdf', mimeType: 'application/pdf', buffer: await twoColumnWorksheetPdf() });
  await expect(page.getByTestId('worksheet-note')).toHaveText(/Read 1 page of text from “mr-worksheet\.pdf”/);
  await page.getByRole('button', { name: 'Save as revision 1' }).click();
  await expect(page.getByText('The 9 procedures read from your worksheet are not in the list yet')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Use these 9 procedures' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Save as revision 1' }).click();
  await expect(page.getByTestId('cat-assignment')).toHaveText('Magnetic Resonance Imaging now uses revision 1.');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /Today/ }).click();
  await expect(page.getByRole('region', { name: /Start here/ })).toContainText('1 step to go');
});

test('the guided start imports a shared catalog file for the new track, labelled as not verified', async ({ page, app }) => {
  const doc = (await app.server.backend.dispatch('catalogs.get', { key: 'example-ct-like' })) as { ok: true; value: { catalog: Record<string, unknown> } };
  const shared = { ...doc.value.catalog, key: 'classmate-ct', kind: 'custom', label: null, title: 'Classmate’s CT list' };
  await app.open();
  const start = page.getByRole('region', { name: /Welcome to RadLedger/ });
  await start.getByRole('button', { name: 'Create the track and continue' }).click();
  const chooser = page.waitForEvent('filechooser');
  await start.getByRole('button', { name: 'Import a catalog file someone shared' }).click();
  await (await chooser).setFiles({ name: 'classmate-ct.catalog.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(shared)) });
  await expect(start.getByRole('heading', { name: '3. Log your first procedure' })).toBeVisible();
  await expect(start.getByRole('status')).toContainText('Imported “Classmate’s CT list”. Computed Tomography now uses revision 1.');
  await start.getByRole('link', { name: 'Go to the Log' }).click();
  await expect(page.getByTestId('no-requirements')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /Requirements/ }).click();
  await expect(page.locator('[data-catalog-key="classmate-ct"]').getByText('Not verified by RadLedger')).toBeVisible();
});

test('a list saved before the track existed is put on it with one button, no track form needed', async ({ page, app }) => {
  const own = { source: 'Program handbook', confirmed: false };
  await app.server.backend.dispatch('catalogs.save', {
    catalog: {
      format: 1, key: 'program-ct', kind: 'custom', title: 'Program CT list', discipline: 'CUSTOM', versionLabel: '2026',
      effectiveDate: null, dailyCap: null, windowMonths: null, proceduresStatus: 'complete',
      categories: [{ id: 'head', name: 'Head', procedures: [{ id: 'ct-head', name: 'CT Head', kind: 'mandatory', repetitionsRequired: { ...own, value: 10 } }] }],
    },
  });
  await app.server.backend.dispatch('tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
  await app.open('catalogs');
  await page.getByRole('button', { name: 'Open Program CT list' }).click();
  await page.getByRole('button', { name: 'Use revision 1 for Computed Tomography' }).click();
  await expect(page.getByTestId('cat-assignment')).toHaveText('Computed Tomography now uses revision 1.');
  await expect(page.getByRole('button', { name: 'No changes to save' })).toBeDisabled();
});

test('with no track yet, every per-track page sends the newcomer to the guided start', async ({ page, app }) => {
  for (const section of ['progress', 'plan', 'education']) {
    await app.open(section);
    await expect(page.getByText('No track yet.')).toBeVisible();
    await page.getByRole('link', { name: 'Start on Today' }).click();
    await expect(page.getByRole('region', { name: /Welcome to RadLedger/ })).toBeVisible();
  }
});
