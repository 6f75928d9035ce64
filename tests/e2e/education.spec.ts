// Structured education, version warnings and the Log's why-not column, in the real renderer
// against the real backend. The server runs with a fixed clock so dates and warnings are stable.
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { startPreviewServer } from '../../electron/preview/server';
import { expect, test, type AppHarness } from './fixtures';

async function withClock(app: AppHarness, iso: string): Promise<void> {
  await app.server.close();
  app.server = await startPreviewServer({ dataDir: app.dataDir, rendererDir: path.resolve('dist/renderer'), now: () => new Date(iso) });
}

async function dispatch<T>(app: AppHarness, channel: string, input: unknown): Promise<T> {
  const r = (await app.server.backend.dispatch(channel as never, input as never)) as { ok: boolean; value: T; error?: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
  return r.value;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test('records structured education with the keyboard, undoes a delete, and sees it on the dashboard', async ({ page, app }) => {
  await withClock(app, '2026-11-24T15:00:00Z');
  await dispatch(app, 'tracks.create', { discipline: 'CT', name: 'CT nights', startDate: '2025-06-01' });
  await app.open('education');

  await expect(page.getByRole('heading', { name: 'Education', level: 1 })).toBeVisible();
  await expect(page.getByTestId('education-summary')).toContainText('0 of 16 credits');
  await expect(page.getByTestId('education-summary')).toContainText('0 of 4 content categories covered');

  // First activity: typed and saved with Enter.
  const form = page.getByRole('form', { name: 'Record an activity' });
  await form.getByLabel('Completed on').fill('2026-03-02');
  await form.getByLabel('Title').fill('CT dose optimisation');
  await form.getByLabel('Provider').fill('ASRT');
  await form.getByLabel('CE credits').fill('4');
  await form.getByLabel('Content category').selectOption({ label: 'Safety' });
  await form.getByLabel('CE credits').press('Enter');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: 'CT dose optimisation' })).toContainText('Counts');
  // The form is ready for the next one, focus back in the title.
  await expect(form.getByLabel('Title')).toBeFocused();
  await expect(form.getByLabel('Title')).toHaveValue('');

  // A "certificate" that is not what its name says is refused at the field; nothing is saved.
  await form.getByLabel('Title').fill('Contrast reactions');
  await form.getByLabel('CE credits').fill('1.5');
  await form.getByLabel('Content category').selectOption({ label: 'Patient Care' });
  await form.getByLabel('Certificate (optional)').setInputFiles({ name: 'certificate.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not really a pdf') });
  await expect(form.getByText('"certificate.pdf" is named like a PDF but its content is not one.')).toBeVisible();
  await form.getByLabel('Certificate (optional)').setInputFiles({ name: 'certificate.pdf', mimeType: 'application/pdf', buffer: PDF });
  await form.getByRole('button', { name: 'Record activity' }).click();
  await expect(rows.filter({ hasText: 'Contrast reactions' })).toContainText('certificate.pdf');
  // The certificate opens from its activity and is saved under the name it was attached under.
  await rows.filter({ hasText: 'Contrast reactions' }).getByRole('button', { name: 'Open the certificate certificate.pdf' }).click();
  const saveCertificate = rows.filter({ hasText: 'Contrast reactions' }).getByRole('link', { name: 'Save certificate.pdf' });
  await expect(saveCertificate).toHaveAttribute('download', 'certificate.pdf');
  await expect(saveCertificate).toHaveAttribute('href', `data:application/pdf;base64,${PDF.toString('base64')}`);
  await expect(page.getByTestId('education-summary')).toContainText('5.5 of 16 credits');

  // An activity outside the window says why it does not count.
  await form.getByLabel('Completed on').fill('2024-06-01');
  await form.getByLabel('Title').fill('Old module');
  await form.getByLabel('CE credits').fill('2');
  await form.getByLabel('CE credits').press('Enter');
  await expect(rows.filter({ hasText: 'Old module' })).toContainText('Completed more than 24 months before the application date.');

  // Edit with the keyboard: Escape cancels, Enter saves.
  await page.getByRole('button', { name: 'Edit CT dose optimisation' }).click();
  const edit = page.getByRole('form', { name: 'Edit CT dose optimisation' });
  await edit.getByLabel('CE credits').fill('5');
  await edit.getByLabel('CE credits').press('Enter');
  await expect(page.getByTestId('education-summary')).toContainText('6.5 of 16 credits');

  // Delete, then undo with Ctrl+Z (the toast offers the same step).
  await page.getByRole('button', { name: 'Delete Contrast reactions' }).click();
  await expect(page.getByTestId('education-summary')).toContainText('5 of 16 credits');
  await expect(page.getByText('Deleted Contrast reactions (2026-03-02).')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('education-summary')).toContainText('6.5 of 16 credits');
  await expect(page.getByTestId('education-summary')).toContainText('2 of 4 content categories covered');

  // No accessibility violations on the page's own content (labels, contrast, table headers).
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  for (const [w, h] of [[1366, 768], [1024, 700]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `test-results/education-page-${w}x${h}.png` });
  }

  // The dashboard's card: credits and categories in words, and the chart's text equivalent.
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open('progress');
  const card = page.getByTestId('education-card');
  await expect(card).toContainText('6.5 of 16 credits');
  await expect(card).toContainText('9.5 more credits needed; no credit yet in: Image Production, Procedures.');
  await expect(card.getByText(/Chart as text: Patient Care: 1\.5 credits; Safety: 5 credits; Image Production: 0 credits \(missing\)/)).toBeAttached();
  await expect(card).toContainText('1 activity does not count: Completed more than 24 months before the application date.');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/education-dashboard-1366x768.png' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/education-dashboard-1024x700.png' });
});

test('names the content categories where RadLedger does not know them', async ({ page, app }) => {
  await withClock(app, '2026-11-24T15:00:00Z');
  await dispatch(app, 'tracks.create', { discipline: 'BD', startDate: '2025-06-01' });
  await app.open('education');
  await expect(page.getByText('not known to RadLedger: name them from your ARRT content specification')).toBeVisible();
  await page.getByLabel('Content categories (one per line)').fill('Patient Care\nImage Production\nProcedures');
  await page.getByRole('button', { name: 'Save categories' }).click();
  await expect(page.getByTestId('education-summary')).toContainText('0 of 3 content categories covered');
  await expect(page.getByText('Categories named by you from ARRT’s content specification: not known to RadLedger.')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Record an activity' }).getByLabel('Content category')).toContainText('Image Production');
});

test('the Log says for each entry whether it counts and why not, and filters by it without picking a track', async ({ page, app }) => {
  await withClock(app, '2026-11-24T15:00:00Z');
  const track = await dispatch<{ id: number }>(app, 'tracks.create', { discipline: 'CT', name: 'CT nights', startDate: '2026-01-05' });
  // Ten on one day: CT's daily cap is 9, so the last one (by time) cannot be reported for that day.
  for (let i = 0; i < 10; i++) {
    await dispatch(app, 'entries.create', {
      trackId: track.id, performedOn: '2026-11-20', performedAt: `${String(8 + i).padStart(2, '0')}:00`, procedureName: i === 9 ? 'CTA Chest' : 'Routine Head',
      siteName: 'Mercy General',
    });
  }
  await app.open('log');
  const table = page.getByRole('table', { name: 'Log entries' });
  await expect(table.getByRole('columnheader', { name: 'Counts' })).toBeVisible();
  const over = table.getByRole('row').filter({ hasText: 'CTA Chest' });
  await expect(over.getByRole('cell').filter({ hasText: 'Over the daily limit of 9 entries' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Routine Head' }).first()).toContainText('Counts');

  // One track, none picked: the counts filter works as it is.
  const counts = page.getByRole('combobox', { name: 'Counts filter' });
  await expect(counts).toBeEnabled();
  await counts.selectOption('not-counting');
  await expect(page.getByTestId('entry-total')).toHaveText('1');
  await expect(table.getByRole('row').filter({ hasText: 'CTA Chest' })).toBeVisible();
  await counts.selectOption('all');
  await expect(page.getByTestId('entry-total')).toHaveText('10');

  for (const [w, h] of [[1366, 768], [1024, 700]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.getByRole('table', { name: 'Log entries' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/log-counts-${w}x${h}.png` });
  }
});

test('a requirement version that is ending is shown on Today and on the dashboard, with its derived date', async ({ page, app }) => {
  await withClock(app, '2027-06-01T15:00:00Z');
  await dispatch(app, 'tracks.create', { discipline: 'M', name: 'Mammo', startDate: '2025-02-01' });
  await app.open('today');
  const today = page.getByTestId('version-warnings');
  await expect(today).toContainText('Mammo');
  await expect(today).toContainText('92 days left');
  await expect(today).toContainText('expire on 2027-09-01 (derived: 24 months after 2025-09-01)');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'test-results/today-version-1366x768.png' });
  await app.open('progress');
  await expect(page.getByTestId('dashboard-warning').filter({ hasText: 'The 2020-07-01 requirements expire on 2027-09-01' })).toBeVisible();
  await expect(page.getByTestId('window-rule')).toContainText('Entries count for 24 months');
  // The 2020 list is partial and marks nothing mandatory: no "every requirement is met".
  await expect(page.getByText('Nothing remains: every requirement is met.')).toHaveCount(0);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: 'test-results/dashboard-version-1024x700.png' });

  // The requirements list tells the derived end date from one ARRT prints.
  await app.open('catalogs');
  const m2020 = page.locator('[data-catalog-key="arrt-m-2020-07"]');
  await expect(m2020).toContainText('accepted until 2027-09-01 (derived: 24 months after 2025-09-01)');
  await m2020.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/catalogs-derived-1024x700.png' });
});
