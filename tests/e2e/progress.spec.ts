// Progress dashboard and rotation plan against the real backend, with the example catalog and a
// realistic seeded log (tests/helpers/progress-seed.ts: 294 entries, four sites). The server runs
// with a fixed clock (Tuesday 2026-11-24) so every number below is the hand-computed one.
import { readFileSync } from 'node:fs';
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

test('the dashboard shows completion, categories, what is missing and the forecast', async ({ page, app }) => {
  await seededApp(app);
  await app.open('progress');

  await expect(page.getByTestId('overall-percent')).toHaveText('83%');
  await expect(page.getByText('83 of 100 required repetitions done, 17 to go')).toBeVisible();

  // The chart's text equivalent: Neck and Spine has 7 of 15 done (8 counted, Lumbar Spine's surplus included).
  const categories = page.getByRole('table', { name: 'Progress by category' });
  const neck = categories.getByRole('row', { name: /Neck and Spine/ }).getByRole('cell');
  await expect(neck).toHaveText(['7', '15', '8']);
  await expect(categories.getByRole('row', { name: /Head/ }).getByRole('cell')).toHaveText(['26', '26', '124']);

  // What is missing, hardest first, with where to get it.
  const missing = page.getByTestId('missing-list').getByRole('listitem');
  await expect(missing).toHaveCount(4);
  await expect(missing.nth(0)).toContainText('5 more Renal Stone Protocol (0 of 5)');
  await expect(missing.nth(0)).toContainText('Hard to find');
  await expect(missing.nth(1)).toContainText('Lakeside Regional (says it offers it), 95 min away');
  await expect(missing.nth(3)).toContainText('Valley Imaging (you logged 2 there)');

  // Mandatory checklist and electives.
  await expect(page.getByRole('heading', { name: /Mandatory procedures/ })).toContainText('4 of 8 met');
  await expect(page.getByTestId('elective-rule')).toContainText('5 of 5 completed');

  // Forecast at the default 8-week pace. The December 2024 entries age out, but they are extra
  // Routine Head/Chest repetitions beyond what is required, so they cost nothing.
  await expect(page.getByTestId('forecast-likely')).toHaveText('Tue 15 Dec 2026');
  await expect(page.getByTestId('expiry-risk')).toContainText('No entry you need expires before you finish');
  await expect(page.getByTestId('expiry-summary')).toContainText('Within 30 days: 6; 60 days: 9; 90 days: 12.');

  // The page scrolls inside <main>, so a tall viewport (not fullPage) captures the whole dashboard.
  await page.setViewportSize({ width: 1280, height: 3300 });
  await page.screenshot({ path: 'test-results/progress-dashboard-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/progress-dashboard-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 820 });

  // Another pace window gives another forecast.
  await page.getByLabel('Pace from the last').selectOption('26');
  await expect(page.getByTestId('forecast')).toContainText('(last 26 weeks)');
});

test('a catalog without numbers says so instead of showing progress', async ({ page, app }) => {
  await app.server.backend.dispatch('tracks.create', { discipline: 'MR', startDate: '2026-01-05' });
  await app.open('progress');
  await expect(page.getByTestId('numbers-unknown')).toContainText('does not list ARRT');
  await expect(page.getByTestId('overall-percent')).toHaveCount(0);
  await expect(page.getByTestId('forecast-refusal')).toContainText('does not say how many repetitions are required');
  await expect(page.getByRole('link', { name: 'Fill in the catalog' }).first()).toBeVisible();
});

test('plan: 3 on / 4 off, propose, accept, see it on Today, export .ics', async ({ page, app }) => {
  await seededApp(app);
  await app.open('plan');

  await page.getByLabel('Days on / days off').check();
  await page.getByRole('spinbutton', { name: 'Days on' }).fill('3');
  await page.getByRole('spinbutton', { name: 'Days off' }).fill('4');
  await page.getByLabel('First day on').fill('2026-11-23');
  await page.getByLabel('Target date').fill('2027-01-31');
  await page.getByRole('button', { name: 'Save roster' }).click();
  await expect(page.getByText('Not saved yet')).toHaveCount(0);

  // The calendar shows the pattern: Mon 23 - Wed 25 worked, Thu 26 free.
  const calendar = page.getByTestId('calendar');
  await expect(calendar.locator('[data-date="2026-11-25"]')).toContainText('D 07:00–19:00');
  await expect(calendar.locator('[data-date="2026-11-26"]')).not.toContainText('D 07:00');

  await page.getByRole('button', { name: 'Propose rotation days' }).click();
  const result = page.getByTestId('plan-result');
  await expect(result).toContainText('none of your sites offers Renal Stone Protocol');
  await expect(result).toContainText('Lakeside Regional: round trip of 190 min is over your limit of 120 min');
  const rows = result.getByRole('table', { name: 'Proposed rotation days' }).getByRole('row');
  await expect(rows).toHaveCount(6); // header + 5 proposed days, all on Thu-Sun
  await expect(rows.nth(1)).toContainText('Thu 26 Nov 2026');
  await expect(rows.nth(1)).toContainText('Mercy General');
  await expect(calendar.locator('[data-date="2026-11-26"]')).toContainText('Proposed: 08:00–16:00 Mercy General');

  await page.getByRole('button', { name: 'Accept 5 proposed days' }).click();
  await expect(page.getByText('5 rotation days added to your plan.')).toBeVisible();
  await expect(calendar.locator('[data-date="2026-11-26"]')).toContainText('Mercy General');
  await expect(page.getByRole('region', { name: 'Rotation sessions' }).getByRole('row')).toHaveCount(6);
  await page.setViewportSize({ width: 1280, height: 3000 });
  await page.screenshot({ path: 'test-results/progress-plan-light.png' });
  await page.setViewportSize({ width: 1280, height: 820 });

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export plan as .ics' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('radledger-rotations-2026-11-24.ics');
  const ics = readFileSync((await download.path())!, 'utf8');
  expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(5);
  expect(ics).toMatch(/DTSTART;TZID=[^:\r\n]+:20261126T080000\r\n/);
  expect(ics).toContain('BEGIN:VTIMEZONE\r\n');
  expect(ics).toContain('SUMMARY:Rotation: Mercy General\r\n');
  expect(ics).toContain('SUMMARY:Rotation: Valley Imaging\r\n');

  // Today: the next rotation and the entries about to expire.
  await page.getByRole('link', { name: /Today/ }).click();
  await expect(page.getByTestId('rotation-today')).toContainText('Next: Mercy General on Thu 26 Nov 2026');
  await expect(page.getByTestId('expiring-entries')).toContainText('6 within 30 days');
});
