// Per-entry review on the candidate's device: a reviewer rejects two of twelve entries with reasons
// and signs the rest; the candidate edits one signed entry after a warning naming the signature it
// voids; only that entry's signature is void (the Log shows it, Sign-off counts 1 void).
import { readFileSync, writeFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { test, expect } from './fixtures';

async function seed(dispatch: (c: string, i?: unknown) => Promise<unknown>) {
  const call = async <T,>(c: string, i?: unknown) => {
    const r = (await dispatch(c, i)) as { ok: boolean; value: T; error?: { message: string } };
    if (!r.ok) throw new Error(`${c}: ${r.error?.message}`);
    return r.value;
  };
  const track = await call<{ id: number }>('tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
  // Ten on March 2 (ARRT's CT cap is 9 a day: the tenth is over it), two on March 3.
  for (let i = 1; i <= 12; i++) {
    const day = i <= 10 ? '2026-03-02' : '2026-03-03';
    const time = `${String(7 + (i % 10)).padStart(2, '0')}:${i <= 10 ? '05' : '30'}`;
    await call('entries.create', { trackId: track.id, performedOn: day, performedAt: time, procedureName: `CT Procedure ${String(i).padStart(2, '0')}`, siteName: 'Mercy General' });
  }
  const { sites } = await call<{ sites: Array<{ id: number; name: string }> }>('signoff.options');
  await call('signoff.saveCandidate', { name: 'Jamie Rivera', arrtId: '123456' });
  await call('verifiers.save', { name: 'Dana Okafor', credentials: 'R.T.(R)(CT)(ARRT)', siteIds: [sites[0]!.id] });
  return { trackId: track.id };
}

test('a reviewer rejects two of twelve entries and signs the rest; an edit voids that entry only', async ({ page, app }) => {
  await seed(app.server.backend.dispatch);
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open('signoff');
  await page.getByLabel('Signer').selectOption({ label: 'Dana Okafor, R.T.(R)(CT)(ARRT)' });
  await page.getByLabel('Site').selectOption({ label: 'Mercy General' });
  await page.getByRole('button', { name: 'Open the batch for signing' }).click();

  const session = page.getByRole('region', { name: /Verifier sign-off: Dana Okafor/ });
  const review = session.getByLabel('Entries to review');
  await expect(review.getByRole('heading', { name: /2026-03-02 · Mercy General · 10 entries that day, 1 over ARRT's daily cap of 9/ })).toBeVisible();
  await expect(review.getByRole('heading', { name: /2026-03-03 · Mercy General · 2 entries that day$/ })).toBeVisible();
  await expect(review.getByText('Over the daily cap')).toHaveCount(1);

  // Keyboard: focus the first entry's Accept, arrow to Reject, type the reason.
  const decision = (n: string) => review.getByRole('radiogroup', { name: new RegExp(`Decision for CT Procedure ${n} `) });
  await decision('02').getByRole('radio', { name: 'Accept' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(decision('02').getByRole('radio', { name: 'Reject' })).toBeChecked();
  // Tab leaves the radio group for the reason field that appeared.
  await page.keyboard.press('Tab');
  await page.keyboard.type('Not on my schedule that day');
  await decision('05').getByRole('radio', { name: 'Reject' }).check();
  await review.getByRole('textbox', { name: /Reason for rejecting CT Procedure 05/ }).fill('Performed by another student');
  await session.getByRole('button', { name: 'Accept all shown' }).click();
  await expect(session.getByRole('status').filter({ hasText: 'accepted' })).toContainText('10 accepted · 2 rejected · 0 need correction · 0 undecided');

  const firstDay = review.getByRole('heading', { name: /2026-03-02/ });
  await firstDay.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: test.info().outputPath('review-1366.png'), fullPage: false });
  await page.setViewportSize({ width: 1024, height: 700 });
  await firstDay.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: test.info().outputPath('review-1024.png'), fullPage: false });
  await page.setViewportSize({ width: 1366, height: 768 });

  for (const label of ['Facility.', 'Date and time.', 'Equipment.', 'Candidate physically present.', 'Diagnostic quality and protocol.']) {
    await session.getByRole('checkbox', { name: new RegExp(`^${label.replace('.', '\\.')}`) }).check();
  }
  await session.getByRole('radio', { name: 'Type name' }).check();
  await session.getByRole('button', { name: 'Sign 10 accepted, return 2 to the candidate' }).click();
  await expect(page.getByText('Dana Okafor signed 10 entries; 2 returned to you with the reason.')).toBeVisible();
  const coverage = page.getByLabel('Signature coverage');
  await expect(coverage).toContainText('Signed: 10');
  await expect(coverage).toContainText('Rejected: 2');

  // The Log shows the returned entries with the reason, then the candidate edits a signed entry.
  await app.open('log');
  const row = (name: string) => page.getByRole('row').filter({ hasText: name });
  await expect(row('CT Procedure 05')).toContainText('Rejected');
  await expect(row('CT Procedure 05')).toContainText('Dana Okafor: Performed by another student');
  await expect(row('CT Procedure 07')).toContainText('Signed');
  await page.getByRole('button', { name: 'Edit CT Procedure 07 on 2026-03-02' }).click();
  await page.getByLabel('Edit procedure').fill('CT Procedure 07 with contrast');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'voids the signature' });
  await expect(warning).toContainText('This edit voids the signature of Dana Okafor, R.T.(R)(CT)(ARRT) (verifier, signed');
  await expect(warning).toContainText('The other entries signed with it stay signed.');
  await warning.getByRole('button', { name: 'Save and void it' }).click();
  await expect(row('CT Procedure 07 with contrast')).toContainText('Signature void');
  await expect(row('CT Procedure 08')).toContainText('Signed');
  await page.screenshot({ path: test.info().outputPath('log-1366.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: test.info().outputPath('log-1024.png') });
  await page.setViewportSize({ width: 1366, height: 768 });

  await app.open('today');
  await expect(page.getByRole('list', { name: 'Returned entries' })).toContainText('Not on my schedule that day');
  await page.screenshot({ path: test.info().outputPath('today-1366.png') });

  await app.open('signoff');
  await expect(page.getByLabel('Signature coverage')).toContainText('Signature void: 1');
  await expect(page.getByLabel('Signature coverage')).toContainText('Signed: 9');
  await expect(page.getByRole('list', { name: 'Signatures' })).toContainText('Void for 1 entry');
  await page.getByRole('heading', { name: 'Signatures' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: test.info().outputPath('signoff-void-1366.png') });
});

test('remote review: send a fillable PDF, the reviewer fills it elsewhere, import it back', async ({ page, app }) => {
  await seed(app.server.backend.dispatch);
  await app.open('signoff');
  await page.getByLabel('Signer').selectOption({ label: 'Dana Okafor, R.T.(R)(CT)(ARRT)' });
  await page.getByLabel('Site').selectOption({ label: 'Mercy General' });
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Send for review (PDF form)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^CT-review-form-\d{4}-\d{2}-\d{2}-Dana-Okafor\.pdf$/);
  const sent = test.info().outputPath('review-form.pdf');
  await download.saveAs(sent);
  await expect(page.getByText(/Send it to the reviewer/)).toBeVisible();

  // The reviewer fills the form in another program (pdf-lib here): rejects entry 3, accepts the rest.
  const pdf = await PDFDocument.load(readFileSync(sent));
  const form = pdf.getForm();
  for (let n = 1; n <= 12; n++) form.getDropdown(`entry.${n}.decision`).select(n === 3 ? 'Reject' : 'Accept');
  form.getTextField('entry.3.reason').setText('Wrong site');
  for (const id of ['facility', 'date-time', 'equipment', 'present', 'quality']) form.getCheckBox(`confirm.${id}`).check();
  form.getTextField('reviewer.date').setText('2026-03-10');
  form.getTextField('reviewer.signature').setText('Dana Okafor');
  const returned = test.info().outputPath('review-form-returned.pdf');
  writeFileSync(returned, await pdf.save());

  await page.getByLabel('Import a returned form').setInputFiles(returned);
  await expect(page.getByText("Applied Dana Okafor's review: 11 signed, 1 returned. The form is kept as evidence.")).toBeVisible();
  await expect(page.getByLabel('Signature coverage')).toContainText('Signed: 11');
  await expect(page.getByLabel('Signature coverage')).toContainText('Rejected: 1');
  await expect(page.getByRole('list', { name: 'Signatures' })).toContainText('returned review form (kept as evidence)');

  // The same file again is refused with the reason.
  await page.getByLabel('Import a returned form').setInputFiles(returned);
  await expect(page.getByText(/This form was already applied on \d{4}-\d{2}-\d{2}\. Nothing was applied again\./)).toBeVisible();
});

test('the quick log remembers the verifier record, not free text', async ({ page, app }) => {
  await seed(app.server.backend.dispatch);
  await app.open('log');
  // The seeded track has no requirements list: logging a typed name is an explicit choice.
  await page.getByLabel(/Log without requirements for now/).check();
  const verifier = page.getByLabel('Verifier', { exact: true });
  await verifier.fill('dana okafor');
  await expect(page.getByText('Saved verifier (R.T.(R)(CT)(ARRT))').first()).toBeVisible();
  await page.getByLabel('Procedure', { exact: true }).fill('CT Procedure 13');
  await page.getByLabel('Procedure', { exact: true }).press('Enter');
  await expect(page.getByRole('row').filter({ hasText: 'CT Procedure 13' })).toContainText('Dana Okafor');
  const row = app.server.backend.db.prepare("SELECT verifier_id, verifier_name FROM entries WHERE procedure_name = 'CT Procedure 13'").get() as { verifier_id: number; verifier_name: string };
  expect(row).toEqual({ verifier_id: 1, verifier_name: 'Dana Okafor' });
  await page.reload();
  await expect(page.getByLabel('Verifier', { exact: true })).toHaveValue('Dana Okafor');
  await expect(page.getByText('Saved verifier (R.T.(R)(CT)(ARRT))').first()).toBeVisible();
});
