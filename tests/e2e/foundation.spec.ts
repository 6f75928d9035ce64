import { test, expect } from './fixtures';

test('create a track, log an entry, restart the server on the same data, find the entry again', async ({ page, app }) => {
  await app.open('log');
  await expect(page.getByRole('heading', { name: 'Start your first track' })).toBeVisible();
  await page.getByLabel('Discipline').selectOption('MR');
  await page.getByLabel('Start date').fill('2026-01-05');
  await page.getByRole('button', { name: 'Create track' }).click();
  // No requirements filled in yet: logging names as typed is an explicit choice.
  await page.getByLabel(/Log without requirements for now/).check();

  await expect(page.getByLabel('Track', { exact: true })).toContainText('Magnetic Resonance Imaging (MR)');
  await page.getByLabel('Date performed').fill('2026-03-02');
  await page.getByRole('combobox', { name: 'Procedure', exact: true }).fill('MRI Brain without contrast');
  await page.getByRole('textbox', { name: 'Site', exact: true }).fill('Mercy General');
  await page.getByRole('textbox', { name: 'Notes', exact: true }).fill('Routine protocol, good cooperation.');
  await page.getByRole('button', { name: 'Save entry' }).click();

  const entries = page.getByRole('region', { name: 'Entries' });
  await expect(entries.getByRole('cell', { name: 'MRI Brain without contrast', exact: true })).toBeVisible();

  await app.restart();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /Log/ }).click();
  await expect(page.getByLabel('Track', { exact: true })).toContainText('Magnetic Resonance Imaging (MR)');
  await expect(entries.getByRole('cell', { name: 'MRI Brain without contrast', exact: true })).toBeVisible();
  await expect(entries.getByRole('cell', { name: 'Mercy General', exact: true })).toBeVisible();
});

test('a future date is refused at the field and nothing is saved', async ({ page, app }) => {
  await app.open('log');
  await page.getByLabel('Discipline').selectOption('CT');
  await page.getByLabel('Start date').fill('2026-01-05');
  await page.getByRole('button', { name: 'Create track' }).click();
  // No requirements filled in yet: logging names as typed is an explicit choice.
  await page.getByLabel(/Log without requirements for now/).check();
  await page.getByLabel('Date performed').fill('2099-01-01');
  await page.getByRole('combobox', { name: 'Procedure', exact: true }).fill('CT Chest');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'cannot be in the future' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Procedure', exact: true })).toHaveValue('CT Chest');
  await expect(page.getByText('No entries yet for this track.')).toBeVisible();
});

test('every section is reachable from the keyboard, and every one is built', async ({ page, app }) => {
  await app.open();
  const sections = ['Today', 'Log', 'Progress', 'Plan', 'Requirements', 'Education', 'Sites', 'Sign-off', 'Documents', 'Settings'];
  for (const [i, name] of sections.entries()) {
    await page.keyboard.press(`Alt+${(i + 1) % 10}`); // the tenth is Alt+0
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: new RegExp(`^${name}`) })).toHaveAttribute('aria-current', 'page');
  }
  await expect(page.getByTestId('data-dir')).toHaveText(app.dataDir);
});
