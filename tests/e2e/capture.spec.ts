// Capture through the real UI: a track, ten procedures from the keyboard alone, a shift, the daily
// cap, the PHI guard, edit and undo, filters and bulk status.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Keyboard input that counts every key press, so the keystroke budget is measured, not claimed. */
function countingKeyboard(page: Page) {
  let count = 0;
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
    async type(text: string) {
      count += text.length;
      await page.keyboard.type(text);
    },
    async press(key: string) {
      count += 1;
      await page.keyboard.press(key);
    },
  };
}

const procedureField = (page: Page) => page.getByRole('combobox', { name: 'Procedure', exact: true });
const entries = (page: Page) => page.getByRole('region', { name: 'Entries' });
const total = (page: Page) => page.getByTestId('entry-total');

async function createTrack(page: Page) {
  await expect(page.getByRole('heading', { name: 'Start your first track' })).toBeVisible();
  await page.getByLabel('Discipline').selectOption('CT');
  await page.getByLabel('Supporting credential').fill('R.T.(R)');
  await page.getByLabel('Start date').fill('2026-01-05');
  await page.getByRole('button', { name: 'Create track' }).click();
  await expect(page.getByLabel('Track', { exact: true })).toContainText('Computed Tomography (CT)');
  // This track logs without requirements (free text): an explicit choice, which puts focus back on the procedure.
  await page.getByLabel(/Log without requirements for now/).check();
}

test('ten procedures from the keyboard alone, the daily cap warning, and the keystroke budget', async ({ page, app }) => {
  await app.open('log');
  await createTrack(page);
  const kb = countingKeyboard(page);

  // Focus starts on the procedure field: no mouse from here on.
  await expect(procedureField(page)).toBeFocused();
  await kb.type('CT Head without contrast');
  await kb.press('Tab'); // site (the date defaults to today)
  await kb.type('Mercy General');
  await kb.press('Tab'); // verifier
  await kb.type('J. Ortiz, R.T.(CT)');
  await kb.press('Enter');
  await expect(total(page)).toHaveText('1');
  await expect(procedureField(page)).toBeFocused();
  await expect(page.getByLabel('Site', { exact: true })).toHaveValue('Mercy General');

  await kb.type('CT Chest with contrast');
  await kb.press('Enter');
  await expect(total(page)).toHaveText('2');

  // Entries 3 to 10 each pick a procedure logged before: three letters, arrow down, Enter to pick, Enter to save.
  const budgets: number[] = [];
  for (let i = 3; i <= 10; i++) {
    if (i === 10) {
      await expect(page.getByTestId('day-feedback')).toContainText("Over ARRT's daily limit");
      await expect(page.getByTestId('day-feedback')).toContainText('already has 9 CT entries');
    } else {
      await expect(page.getByTestId('day-feedback')).toContainText(`Entry ${i} of 9 CT entries ARRT accepts for`);
    }
    kb.reset();
    await kb.type(i % 2 ? 'hea' : 'che');
    await kb.press('ArrowDown');
    await expect(procedureField(page)).toHaveAttribute('aria-activedescendant', /.+/);
    await kb.press('Enter');
    await expect(procedureField(page)).toHaveValue(i % 2 ? 'CT Head without contrast' : 'CT Chest with contrast');
    await kb.press('Enter');
    await expect(total(page)).toHaveText(String(i));
    await expect(procedureField(page)).toBeFocused();
    budgets.push(kb.count);
  }
  // The README states this number: 6 keystrokes per procedure after the first (free-text track).
  expect(budgets).toEqual(Array(8).fill(6));

  // Repeating the most recent procedure takes three: arrow down, Enter, Enter.
  kb.reset();
  await kb.press('ArrowDown');
  await kb.press('Enter');
  await expect(procedureField(page)).toHaveValue('CT Chest with contrast'); // the tenth entry's
  await kb.press('Enter');
  await expect(total(page)).toHaveText('11');
  expect(kb.count).toBe(3);

  // The tenth and eleventh are over CT's 9-a-day cap: kept, and the form says so.
  await expect(page.getByRole('form', { name: 'Log a procedure' }).getByText(/ARRT accepts 9 per day/)).toBeVisible();
  await expect(entries(page).getByRole('cell', { name: 'Mercy General', exact: true })).toHaveCount(11);
});

test('a shift, the PHI guard, edit and undo, delete and undo, history, filters and bulk status', async ({ page, app }) => {
  await app.open('log');
  await createTrack(page);

  // One entry through the quick log with notes that look like PHI.
  await procedureField(page).fill('CT Head without contrast');
  await page.getByLabel('Date performed').fill('2026-11-19');
  await page.getByLabel('Site', { exact: true }).fill('Mercy General');
  const notes = page.getByLabel('Notes', { exact: true });
  await notes.fill('Motion artifact, MRN 48213377, repeated');
  const guard = page.getByTestId('phi-warning');
  await expect(guard).toContainText('medical record number');
  await expect(guard).toContainText('48213377');
  await guard.getByRole('button', { name: 'Remove them' }).click();
  await expect(notes).toHaveValue('Motion artifact, MRN [removed], repeated');
  await expect(guard).toBeHidden();
  // Typed again and saved: the guard asks first.
  await notes.fill('pt John Smith tolerated well');
  await page.getByRole('button', { name: 'Save entry' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Notes may identify a patient' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Remove them and save' }).click();
  await expect(total(page)).toHaveText('1');
  await expect(entries(page).getByRole('cell', { name: /tolerated well/ })).not.toContainText('John Smith');

  // A shift: five procedures at another site, all in one go.
  await page.getByText('Log a shift').click();
  const shift = page.getByRole('form', { name: 'Log a shift' });
  await shift.getByLabel('Shift date').fill('2026-11-20');
  await shift.getByLabel('Shift site').fill('Valley Imaging');
  await shift.getByRole('combobox', { name: 'Shift procedure 1' }).fill('CT Abdomen/Pelvis');
  await shift.getByLabel('Count 1').fill('3');
  await shift.getByRole('combobox', { name: 'Shift procedure 2' }).fill('CT Sinus');
  await shift.getByLabel('Count 2').fill('2');
  await shift.getByRole('button', { name: 'Save shift (5 entries)' }).click();
  await expect(total(page)).toHaveText('6');

  // A shift with a bad row saves nothing.
  await shift.getByRole('combobox', { name: 'Shift procedure 1' }).fill('CT Neck');
  await shift.getByLabel('Count 1').fill('0');
  await shift.getByRole('button', { name: /Save shift/ }).click();
  await expect(shift.getByRole('alert')).toContainText('At least 1');
  await expect(total(page)).toHaveText('6');

  // Edit inline, then Ctrl+Z puts the old value back.
  const table = entries(page);
  await table.getByRole('button', { name: 'Edit CT Head without contrast on 2026-11-19' }).click();
  const editProcedure = table.getByLabel('Edit procedure');
  await expect(page.getByLabel('Edit date')).toBeFocused();
  await editProcedure.fill('CT Head with contrast');
  await editProcedure.press('Enter');
  await expect(table.getByRole('cell', { name: 'CT Head with contrast', exact: true })).toBeVisible();
  // The saved row's Edit button has the focus back, so Ctrl+Z is not taken by some text field.
  await expect(table.getByRole('button', { name: 'Edit CT Head with contrast on 2026-11-19' })).toBeFocused();
  await page.keyboard.press('Control+z');
  // The toast comes once the undo is saved (other rows also read "CT Head without contrast").
  await expect(page.getByText(/^Undone: /).first()).toBeVisible();
  await expect(table.getByRole('cell', { name: 'CT Head without contrast', exact: true }).first()).toBeVisible();
  await expect(table.getByRole('cell', { name: 'CT Head with contrast', exact: true })).toHaveCount(0);

  // The history shows both edits with before and after.
  await table.getByRole('button', { name: 'History of CT Head without contrast on 2026-11-19' }).click();
  const history = page.getByRole('dialog', { name: /History of entry/ });
  await expect(history.getByText('Logged')).toBeVisible();
  await expect(history.getByText('Edited')).toHaveCount(2);
  await expect(history.getByRole('deletion').first()).toHaveText('CT Head without contrast');
  await history.getByRole('button', { name: 'Close' }).click();

  // Inline edit guards notes too: the first Enter asks, "Remove them" cleans, the next Enter saves.
  await table.getByRole('button', { name: 'Edit CT Abdomen/Pelvis on 2026-11-20' }).first().click();
  const editNotes = table.getByLabel('Edit notes');
  await editNotes.fill('Recheck MRN 48213377');
  await editNotes.press('Enter');
  await expect(table.getByText('Save again to keep the notes as typed.')).toBeVisible();
  await table.getByRole('button', { name: 'Remove them' }).click();
  await expect(editNotes).toHaveValue('Recheck MRN [removed]');
  await editNotes.press('Enter');
  await expect(table.getByRole('cell', { name: 'Recheck MRN [removed]', exact: true })).toBeVisible();

  // Delete, then Undo from the toast.
  await table.getByRole('button', { name: 'Delete CT Sinus on 2026-11-20' }).first().click();
  await expect(total(page)).toHaveText('5');
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).last().click();
  await expect(total(page)).toHaveText('6');

  // Filters: site, procedure, search, date range.
  await page.getByLabel('Site filter').selectOption({ label: 'Valley Imaging' });
  await expect(total(page)).toHaveText('5');
  await page.getByLabel('Procedure filter').selectOption('CT Sinus');
  await expect(total(page)).toHaveText('2');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(total(page)).toHaveText('6');
  await page.getByLabel('Search').fill('abdomen');
  await expect(total(page)).toHaveText('3');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('From').fill('2026-11-20');
  await page.getByLabel('To', { exact: true }).fill('2026-11-20');
  await expect(total(page)).toHaveText('5');

  // Bulk status: select the five, mark them entered in ARRT, filter by that status.
  await page.getByLabel('Select all loaded entries').check();
  await page.getByLabel('Set status to').selectOption('entered');
  await page.getByRole('button', { name: 'Apply to selected' }).click();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Status filter').selectOption('entered');
  await expect(total(page)).toHaveText('5');
  await page.getByLabel('Status filter').selectOption('draft');
  await expect(total(page)).toHaveText('1');
});

test('bad input is refused at the field and nothing is saved half-way', async ({ page, app }) => {
  await app.open('log');
  await createTrack(page);
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Name the procedure.' })).toBeVisible();
  await procedureField(page).fill('CT Head');
  await page.getByLabel('Date performed').fill('2025-12-31');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'before this track starts (2026-01-05)' })).toBeVisible();
  await page.getByLabel('Date performed').fill('2026-11-02');
  await page.getByLabel('Notes', { exact: true }).fill('x'.repeat(2001));
  await expect(page.getByRole('alert').filter({ hasText: 'Keep notes under 2000 characters' })).toBeVisible();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByText('No entries yet for this track.')).toBeVisible();
  await expect(procedureField(page)).toHaveValue('CT Head');
});

test('with a catalog: type-ahead from it, five keystrokes per entry, the requirement it moves, unknown names refused', async ({ page, app }) => {
  const dispatch = app.server.backend.dispatch;
  await dispatch('tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
  const saved = await dispatch('catalogs.save', {
    catalog: {
      format: 1, key: 'school-ct', kind: 'custom', title: 'School CT competencies', discipline: 'CUSTOM', versionLabel: '2026',
      effectiveDate: null, dailyCap: { value: 2, source: 'School list', confirmed: true }, windowMonths: null, proceduresStatus: 'complete',
      categories: [
        { id: 'head', name: 'Head', procedures: [{ id: 'ct-head', name: 'CT Head', kind: 'mandatory', repetitionsRequired: { value: 3, source: 'School list', confirmed: true } }] },
        { id: 'chest', name: 'Chest', procedures: [{ id: 'ct-chest', name: 'CT Chest', kind: 'mandatory', repetitionsRequired: { value: 2, source: 'School list', confirmed: true } }] },
      ],
    },
  });
  expect(saved.ok).toBe(true);
  const catalogId = saved.ok ? (saved.value as { summary: { id: number } }).summary.id : 0;
  expect(await dispatch('catalogs.assign', { trackId: 1, catalog: { id: catalogId } })).toMatchObject({ ok: true });
  await app.open('log');
  await page.getByLabel('Date performed').fill('2026-11-20');
  await page.getByLabel('Site', { exact: true }).fill('Mercy General');
  await procedureField(page).focus();
  // The school's own daily limit, named as the list's: never as ARRT's.
  await expect(page.getByTestId('day-feedback')).toHaveText('Entry 1 of 2 CT entries your requirement list counts for Nov 20.');

  const kb = countingKeyboard(page);
  for (let i = 1; i <= 2; i++) {
    kb.reset();
    await kb.type('che');
    await expect(page.getByRole('listbox', { name: 'Matching procedures' }).getByRole('option', { name: /CT Chest/ })).toHaveAttribute('aria-selected', 'true');
    await kb.press('Enter');
    await expect(page.getByTestId('requirement-hint')).toHaveText(
      i === 1 ? 'CT Chest: 0 of 2 counted — this one makes 1, 1 to go.' : 'CT Chest: 1 of 2 counted — this one completes it.',
    );
    await kb.press('Enter');
    await expect(total(page)).toHaveText(String(i));
    // The README states this number: 5 keystrokes per procedure on a track whose catalog lists procedures.
    expect(kb.count).toBe(5);
  }

  await expect(page.getByTestId('day-feedback')).toContainText("Over your requirement list's daily limit: Nov 20 already has 2 CT entries (limit 2)");
  await expect(page.getByTestId('day-feedback')).not.toContainText('ARRT');

  await kb.type('CT Knee');
  await kb.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: /not in this track.s catalog/ })).toBeVisible();
  await expect(total(page)).toHaveText('2');
});
