// Planning around a night roster and a site matrix that matches documents by kind, against the real
// backend with the seeded CT log (tests/helpers/progress-seed.ts) and a fixed clock (Tue 2026-11-24).
import path from 'node:path';
import { startPreviewServer } from '../../electron/preview/server';
import { seedProgressLog } from '../helpers/progress-seed';
import { expect, test, type AppHarness } from './fixtures';

const NOW = new Date('2026-11-24T15:00:00Z');

async function seededApp(app: AppHarness): Promise<void> {
  await app.server.close();
  app.server = await startPreviewServer({ dataDir: app.dataDir, rendererDir: path.resolve('dist/renderer'), now: () => NOW });
  await seedProgressLog((channel, input) => app.server.backend.dispatch(channel as never, input) as never);
}

async function shoot(page: import('@playwright/test').Page, name: string) {
  for (const [w, h] of [
    [1366, 768],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `test-results/${name}-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 820 });
}

test('a 3-on/4-off night roster: the proposal keeps the rest rule and the finish date shows on the dashboard', async ({ page, app }) => {
  await seededApp(app);
  await app.open('today');
  // Today's link lands on the plan, which has its own place in the navigation.
  await page.getByTestId('rotation-today').getByRole('link', { name: 'Plan rotations' }).click();
  await expect(page.getByRole('heading', { name: 'Plan', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Plan' })).toHaveAttribute('aria-current', 'page');

  // Nights 19:00-07:00, three on (Mon 23 - Wed 25 Nov), four off, 10 h rest.
  await page.getByLabel('Days on / days off').check();
  await page.getByRole('spinbutton', { name: 'Days on' }).fill('3');
  await page.getByRole('spinbutton', { name: 'Days off' }).fill('4');
  await page.getByLabel('Shift worked').selectOption('N');
  await page.getByLabel('First day on').fill('2026-11-23');
  await expect(page.getByLabel('Rest after / before a shift (h)')).toHaveValue('10');
  await page.getByLabel('Target date').fill('2027-01-31');
  await page.getByRole('button', { name: 'Save roster' }).click();
  await expect(page.getByText('Not saved yet')).toHaveCount(0);
  await page.getByRole('heading', { name: 'Your work roster' }).scrollIntoViewIfNeeded();
  await shoot(page, 'plan-roster');

  const calendar = page.getByTestId('calendar');
  await expect(calendar.locator('[data-date="2026-11-25"]')).toContainText('N 19:00–07:00');
  await expect(calendar.locator('[data-date="2026-11-26"]')).not.toContainText('N 19:00');

  // A one-off change from the calendar: take the night of Mon 7 Dec off.
  await page.getByRole('button', { name: 'Next month' }).click();
  await calendar.getByRole('button', { name: 'Change the roster on Monday 7 December 2026' }).click();
  const change = page.getByRole('form', { name: 'Add a roster change' });
  await expect(change.getByLabel('Instead')).toBeFocused();
  await expect(change.getByLabel('Day')).toHaveValue('2026-12-07');
  await change.getByLabel('Note').fill('swapped with Sam');
  await change.getByRole('button', { name: 'Add change' }).click();
  await expect(page.getByRole('list', { name: 'Roster changes' })).toContainText('Mon 7 Dec 2026: Day off');
  await expect(calendar.locator('[data-date="2026-12-07"]')).toContainText('Day off (changed)');
  await page.getByRole('button', { name: 'Previous month' }).click();

  await page.getByRole('button', { name: 'Propose rotation days' }).click();
  const result = page.getByTestId('plan-result');
  // The headline names the real cause for what cannot be planned.
  await expect(result).toContainText('Lakeside Regional offers Soft Tissue Neck but its round trip of 190 min is over your limit of 120 min');
  const rows = result.getByRole('table', { name: 'Proposed rotation days' }).getByRole('row');
  // Thu 26: the last night ends at 07:00, so 10 h rest + 25 min travel leave no 8 h session; Fri 27 is the first day.
  await expect(rows.nth(1)).toContainText('Fri 27 Nov 2026');
  await expect(rows.nth(1)).toContainText('08:00–16:00');
  const proposed = (await rows.allTextContents()).slice(1).join(' | ');
  // Never on a night, the morning after the last night, or the day a night block starts.
  for (const day of ['Thu 26 Nov', 'Mon 30 Nov', 'Tue 1 Dec', 'Wed 2 Dec', 'Thu 3 Dec', 'Tue 8 Dec', 'Thu 10 Dec']) {
    expect(proposed).not.toContain(day);
  }
  const unusable = page.getByTestId('unusable-days');
  await unusable.getByText(/Days it could not use/).click();
  await expect(unusable).toContainText('Thu 26 Nov: you finish a night at 07:00; with 10 h rest and 25 min travel each way, no 8 h session fits');
  await expect(unusable).toContainText('Mon 30 Nov: you start a night at 19:00');
  await shoot(page, 'plan-proposal');

  const count = (await rows.count()) - 1;
  await page.getByRole('button', { name: `Accept ${count} proposed ${count === 1 ? 'day' : 'days'}` }).click();
  await expect(page.getByText(`${count} rotation ${count === 1 ? 'day' : 'days'} added to your plan.`)).toBeVisible();
  await expect(calendar.locator('[data-date="2026-11-27"]')).toContainText('08:00 Mercy General');

  // The finish date on the dashboard, with its basis (this log has months of history: the pace).
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Progress' }).click();
  const finish = page.getByTestId('finish-date');
  await expect(finish).toContainText('Tue 15 Dec 2026');
  await expect(finish).toContainText('from your pace');
  await shoot(page, 'dashboard-finish');

  // And on Today.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Today' }).click();
  await expect(page.getByTestId('finish-today')).toContainText('Tue 15 Dec 2026');
  await expect(page.getByTestId('rotation-today')).toContainText('Next: Mercy General on Fri 27 Nov 2026');
  await shoot(page, 'today-finish');
});

test('the finish date comes from the accepted plan while the log is too young for a pace', async ({ page, app }) => {
  await app.server.close();
  app.server = await startPreviewServer({ dataDir: app.dataDir, rendererDir: path.resolve('dist/renderer'), now: () => NOW });
  const d = async (channel: string, input: unknown) => {
    const r = (await app.server.backend.dispatch(channel as never, input as never)) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
    return r.value as never;
  };
  const track: { id: number } = await d('tracks.create', { discipline: 'CT', startDate: '2026-11-16' });
  await d('catalogs.assign', { trackId: track.id, catalog: { key: 'example-ct-like' } });
  // One site that offers everything the catalog asks for, and a single entry: too little for a pace.
  const report: { evaluation: { procedures: Array<{ name: string; needed: boolean }> } } = await d('progress.evaluate', { trackId: track.id, verdicts: 'none' });
  const names = report.evaluation.procedures.filter((p) => p.needed).map((p) => ({ name: p.name }));
  await d('sites.create', { name: 'Mercy General', kind: 'hospital', travelMinutes: 20, status: 'active', offered: names });
  await d('entries.create', { trackId: track.id, performedOn: '2026-11-17', procedureName: 'Routine Head', siteName: 'Mercy General' });
  await app.open('progress');
  await expect(page.getByTestId('finish-date')).toContainText('Accept a plan on the Plan page');

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Plan' }).click();
  await page.getByLabel('Target date').fill('2027-12-31');
  await page.getByRole('button', { name: 'Save roster' }).click();
  await page.getByRole('button', { name: 'Propose rotation days' }).click();
  const finishText = await page.getByTestId('plan-result').locator('.banner').first().textContent();
  const planFinish = /done by (\d{4}-\d{2}-\d{2})/.exec(finishText ?? '')?.[1];
  expect(planFinish, finishText ?? '').toBeTruthy();
  await page.getByRole('button', { name: /^Accept \d+ proposed days?$/ }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Progress' }).click();
  const finish = page.getByTestId('finish-date');
  await expect(finish).toContainText('from your accepted plan');
  await expect(finish).toContainText(`By ${planFinish}`);
});

test('the site matrix matches documents by kind (no false "Missing") and takes a link by hand', async ({ page, app }) => {
  const d = (channel: string, input: unknown) => app.server.backend.dispatch(channel as never, input as never);
  await d('sites.create', {
    name: 'St. Luke Imaging',
    kind: 'imaging-center',
    status: 'contacted',
    requirements: [
      { kind: 'flu-vaccination', label: '' },
      { kind: 'tb-test', label: '' },
      { kind: 'bls-cpr', label: '' },
      { kind: 'custom', label: 'Respirator fit' },
    ],
  });
  // Filed the way people file them: a flu shot under its season's name, a TB test as an "other item".
  await d('compliance.create', { kind: 'flu-vaccination', label: 'Influenza 2026-27', expiresOn: '2027-08-31' });
  await d('compliance.create', { kind: 'custom', label: 'TB test (QuantiFERON)', expiresOn: '2027-10-01' });
  await d('compliance.create', { kind: 'bls-cpr', label: 'AHA BLS Provider', expiresOn: '2028-03-31' });
  await d('compliance.create', { kind: 'custom', label: 'N95 fit test 2026', expiresOn: '2027-11-01' });

  await app.open('sites');
  await page.getByRole('tab', { name: 'Requirements by site' }).click();
  const matrix = page.getByRole('table', { name: 'Requirements by site' });
  const row = matrix.getByRole('row').filter({ hasText: 'St. Luke Imaging' });
  await expect(row).toContainText('1 gap');
  await expect(row.getByRole('cell').filter({ hasText: 'Missing' })).toHaveCount(1);
  await expect(row).toContainText('Flu vaccination: Influenza 2026-27');
  await expect(row).toContainText('TB test: TB test (QuantiFERON)');

  // The fit test is named differently: link it by hand.
  await row.getByRole('button', { name: 'Link a document to Other item: Respirator fit' }).click();
  await row.getByLabel('Document that satisfies Other item: Respirator fit').selectOption({ label: 'Other item: N95 fit test 2026 (until 2027-11-01)' });
  await expect(row).toContainText('No gaps');
  await expect(row).toContainText('(linked)');
  await expect(row.getByText('Missing')).toHaveCount(0);
  await shoot(page, 'site-matrix');

  // The link survives a restart; unlinking brings the gap back.
  await app.restart();
  await page.evaluate(() => (window.location.hash = '/sites'));
  await page.getByRole('tab', { name: 'Requirements by site' }).click();
  const again = page.getByRole('table', { name: 'Requirements by site' }).getByRole('row').filter({ hasText: 'St. Luke Imaging' });
  await expect(again).toContainText('No gaps');
  await again.getByRole('button', { name: 'Unlink the document from Other item: Respirator fit' }).click();
  await expect(again).toContainText('1 gap');
});
