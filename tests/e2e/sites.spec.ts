import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addDays, format } from 'date-fns';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const certificate = path.resolve('tests/fixtures/sites/bls-certificate.pdf');

async function addSite(page: Page, s: { name: string; type: string; city: string; minutes: string; requires?: string[] }) {
  await page.getByRole('button', { name: 'Add a site' }).click();
  const form = page.getByRole('form', { name: 'New site' });
  await form.getByLabel('Site name').fill(s.name);
  await form.getByLabel('Type').selectOption({ label: s.type });
  await form.getByLabel('Address or city').fill(s.city);
  await form.getByLabel('Travel time (minutes, one way)').fill(s.minutes);
  for (const r of s.requires ?? []) await form.getByRole('checkbox', { name: r }).check();
  await form.getByRole('button', { name: 'Add site' }).click();
}

test('sites: add three, work one through the pipeline, follow up from Today, attach a certificate, see the gap', async ({ page, app }) => {
  const today = format(new Date(), 'yyyy-MM-dd');
  await app.open('sites');
  await expect(page.getByRole('heading', { name: 'Sites', level: 1 })).toBeVisible();

  await addSite(page, { name: 'Mercy General Hospital', type: 'Hospital', city: 'Springfield', minutes: '45', requires: ['Liability insurance', 'BLS / CPR'] });
  await addSite(page, { name: 'Valley Imaging Center', type: 'Imaging center', city: 'Shelbyville', minutes: '380' });
  await addSite(page, { name: 'North Clinic', type: 'Large clinic', city: 'Capital City', minutes: '25' });
  const prospects = page.getByRole('listitem', { name: 'Prospect (3)' });
  await expect(prospects.getByRole('button', { name: /^Open / })).toHaveText(['Mercy General Hospital', 'North Clinic', 'Valley Imaging Center']);

  // A duplicate name (any case) is refused at the field and nothing is added.
  await page.getByRole('button', { name: 'Add a site' }).click();
  const form = page.getByRole('form', { name: 'New site' });
  await form.getByLabel('Site name').fill('mercy GENERAL hospital');
  await form.getByRole('button', { name: 'Add site' }).click();
  await expect(form.getByRole('alert')).toHaveText('A site named "Mercy General Hospital" already exists.');
  await expect(form.getByLabel('Site name')).toHaveAttribute('aria-invalid', 'true');
  // Site notes get the same patient-identifier guard as log notes.
  await form.getByRole('textbox', { name: 'Notes', exact: true }).fill('Met pt Harold Jenkins there, MRN 44810927');
  await expect(form.getByTestId('phi-warning')).toContainText('may identify a patient');
  await form.getByRole('button', { name: 'Remove them' }).click();
  await expect(form.getByRole('textbox', { name: 'Notes', exact: true })).not.toHaveValue(/Jenkins|44810927/);
  await expect(form.getByTestId('phi-warning')).toHaveCount(0);
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('listitem', { name: 'Prospect (3)' })).toBeVisible();

  // Move from the board with the keyboard: pick in the card's menu, Tab to Move, Enter.
  const mercyCard = prospects.getByRole('listitem').filter({ hasText: 'Mercy General Hospital' });
  await mercyCard.getByLabel('Move Mercy General Hospital to').selectOption('contacted');
  await mercyCard.getByLabel('Move Mercy General Hospital to').focus();
  await page.keyboard.press('Tab');
  await expect(mercyCard.getByRole('button', { name: 'Move' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listitem', { name: 'Contacted (1)' })).toContainText('Mercy General Hospital');

  // Open the site, log a contact with a follow-up due today.
  await page.getByRole('button', { name: 'Open Mercy General Hospital' }).click();
  const detail = page.getByRole('region', { name: /^Mercy General Hospital/ });
  const contact = detail.getByRole('form', { name: 'Log a contact with Mercy General Hospital' });
  await contact.getByLabel('Contact date').fill(today);
  await contact.getByLabel('Person').fill('Dana Lee');
  await contact.getByLabel('Role').fill('CT supervisor');
  await contact.getByLabel('Channel').selectOption('email');
  await contact.getByLabel('Outcome').fill('Send CV and BLS card; decision this week');
  await contact.getByLabel('Next follow-up').fill(today);
  await contact.getByRole('button', { name: 'Log contact' }).click();
  await expect(detail.getByRole('table', { name: 'Contacts with Mercy General Hospital' })).toContainText('Dana Lee');

  // A follow-up before the contact is refused at its field.
  await contact.getByLabel('Next follow-up').fill('2020-01-01');
  await contact.getByRole('button', { name: 'Log contact' }).click();
  await expect(contact.getByRole('alert')).toContainText('cannot be before the contact date');
  await contact.getByLabel('Next follow-up').fill('');

  // The contact's own office phone is not patient data; a record number in the outcome is, at its field.
  await contact.getByLabel('Role').fill('CT supervisor, (617) 555-0142');
  await contact.getByLabel('Outcome').fill('Asked about the films of MRN 00482913');
  await expect(contact.getByTestId('phi-warning')).toHaveCount(1);
  await expect(contact.getByTestId('phi-warning')).toContainText('“00482913”');
  await contact.screenshot({ path: 'test-results/sites-contact-phi.png' });
  await contact.getByTestId('phi-warning').getByRole('button', { name: 'Remove them' }).click();
  await expect(contact.getByLabel('Outcome')).toHaveValue('Asked about the films of MRN [removed]');
  await expect(contact.getByTestId('phi-warning')).toHaveCount(0);
  await contact.getByLabel('Outcome').fill('');
  await contact.getByLabel('Role').fill('CT supervisor');

  for (const [to, column] of [['follow-up', 'Follow-up (1)'], ['agreed', 'Agreed (1)']] as const) {
    await detail.getByLabel('Move Mercy General Hospital to').selectOption(to);
    await detail.getByRole('button', { name: 'Move' }).click();
    await expect(page.getByRole('listitem', { name: column })).toContainText('Mercy General Hospital');
  }

  // Declining needs a reason.
  const valleyCard = page.getByRole('listitem', { name: 'Prospect (2)' }).getByRole('listitem').filter({ hasText: 'Valley Imaging Center' });
  await valleyCard.getByLabel('Move Valley Imaging Center to').selectOption('declined');
  await valleyCard.getByRole('button', { name: 'Move' }).click();
  await expect(valleyCard.getByRole('alert')).toHaveText('Say why the site declined, so you know later.');
  await valleyCard.getByLabel('Reason declined').fill('No students this year');
  await valleyCard.getByRole('button', { name: 'Move' }).click();
  await expect(page.getByRole('listitem', { name: 'Declined (1)' })).toContainText('No students this year');

  // Today shows the follow-up, and opens the site from there.
  await page.keyboard.press('Alt+1');
  const due = page.getByRole('list', { name: 'Follow-ups due' });
  await expect(due).toContainText('Mercy General Hospital');
  await expect(due).toContainText('Due today');
  await expect(due).toContainText('Send CV and BLS card');
  await due.getByRole('button', { name: 'Open Mercy General Hospital' }).click();
  await expect(page.getByRole('region', { name: /^Mercy General Hospital/ })).toContainText('Dana Lee');

  // The wallet: a renamed program is refused at the field; a real PDF certificate is attached.
  await page.getByRole('tab', { name: 'Compliance wallet' }).click();
  await page.getByRole('button', { name: 'Add a wallet item' }).click();
  const item = page.getByRole('form', { name: 'New wallet item' });
  await item.getByLabel('Item').selectOption({ label: 'BLS / CPR' });
  await item.getByLabel('Issued on').fill('2026-01-10');
  await item.getByLabel('Expires on').fill('2026-01-09');
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
  await item.getByLabel(/^Document/).setInputFiles({ name: 'bls-card.pdf', mimeType: 'application/pdf', buffer: elf });
  await expect(item.getByRole('alert')).toHaveText('"bls-card.pdf" is a Linux program (ELF), not a document. Attach the certificate itself as a PDF, PNG or JPEG.');
  await item.getByLabel(/^Document/).setInputFiles(certificate);
  await expect(item.getByText('Ready: bls-certificate.pdf')).toBeVisible();
  await item.getByRole('button', { name: 'Add to wallet' }).click();
  await expect(item.getByRole('alert')).toHaveText('The expiry date cannot be before the issue date (2026-01-10).');
  await expect(item.getByLabel('Expires on')).toHaveAttribute('aria-invalid', 'true');
  await item.getByLabel('Expires on').fill('2099-01-10');
  await item.getByRole('button', { name: 'Add to wallet' }).click();
  const wallet = page.getByRole('table', { name: 'Compliance wallet' });
  const bls = wallet.getByRole('row').filter({ hasText: 'BLS / CPR' });
  await expect(bls).toContainText('bls-certificate.pdf (PDF, 1 KB)');
  // The stored copy comes back as a data: URL with the same bytes.
  await bls.getByRole('button', { name: 'Open bls-certificate.pdf' }).click();
  const href = await bls.getByRole('link', { name: 'Save a copy' }).getAttribute('href');
  expect(href).toBe(`data:application/pdf;base64,${readFileSync(certificate).toString('base64')}`);

  // The matrix flags the missing liability insurance for the site that requires it.
  await page.getByRole('tab', { name: /Requirements by site/ }).click();
  const matrix = page.getByRole('table', { name: 'Requirements by site' });
  const mercy = matrix.getByRole('row').filter({ hasText: 'Mercy General Hospital' });
  await expect(mercy).toContainText('1 gap');
  const headers = await matrix.getByRole('columnheader').allTextContents();
  const cells = mercy.getByRole('cell');
  await expect(cells.nth(headers.indexOf('Liability insurance') - 1).getByText('Missing', { exact: true })).toBeVisible();
  await expect(cells.nth(headers.indexOf('BLS / CPR') - 1)).toContainText('Valid');

  // Everything survives a restart of the backend on the same data.
  await app.restart();
  await page.getByRole('link', { name: /Sites/ }).click();
  await expect(page.getByRole('listitem', { name: 'Agreed (1)' })).toContainText('Mercy General Hospital');
});

test('wallet: an oversized file and a text file named .pdf are refused at the field; removing an item can be undone', async ({ page, app }) => {
  await app.open('sites');
  await page.getByRole('tab', { name: 'Compliance wallet' }).click();
  await page.getByRole('button', { name: 'Add a wallet item' }).click();
  const item = page.getByRole('form', { name: 'New wallet item' });
  const doc = item.getByLabel(/^Document/);
  const big = Buffer.concat([readFileSync(certificate), Buffer.alloc(10 * 1024 * 1024)]);
  await doc.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: big });
  await expect(item.getByRole('alert')).toHaveText('"scan.pdf" is 10.0 MB; attachments are limited to 10.0 MB.');
  await doc.setInputFiles({ name: 'hipaa.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Certificate of completion') });
  await expect(item.getByRole('alert')).toHaveText('"hipaa.pdf" is named like a PDF but its content is not one. Attach the real file (PDF, PNG or JPEG).');

  await item.getByLabel('Training came from').selectOption({ label: 'Clinical facility' });
  await item.getByLabel('Expires on').fill(format(addDays(new Date(), 20), 'yyyy-MM-dd'));
  await item.getByRole('button', { name: 'Add to wallet' }).click();
  const wallet = page.getByRole('table', { name: 'Compliance wallet' });
  await expect(wallet).toContainText('From: Clinical facility');
  await wallet.getByRole('button', { name: 'Remove HIPAA training' }).click();
  await expect(page.getByText('Nothing in the wallet yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(wallet).toContainText('From: Clinical facility');

  // Today reminds before the expiry and leads back to the wallet.
  await page.keyboard.press('Alt+1');
  const reminders = page.getByRole('list', { name: 'Compliance reminders' });
  await expect(reminders).toContainText('HIPAA training');
  await expect(reminders).toContainText('Expires in 20 days');
  await reminders.getByRole('button', { name: 'Renew in the wallet' }).click();
  await expect(page.getByRole('tab', { name: 'Compliance wallet' })).toHaveAttribute('aria-selected', 'true');
});

test('wallet: the same scan attached to two items keeps each item’s own name, also after one is removed', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open('sites');
  await page.getByRole('tab', { name: 'Compliance wallet' }).click();
  const scan = readFileSync(certificate);
  const add = async (kind: string, name: string) => {
    await page.getByRole('button', { name: 'Add a wallet item' }).click();
    const form = page.getByRole('form', { name: 'New wallet item' });
    await form.getByLabel('Item').selectOption({ label: kind });
    await form.getByLabel(/^Document/).setInputFiles({ name, mimeType: 'application/pdf', buffer: scan });
    await expect(form.getByText(`Ready: ${name}`)).toBeVisible();
    await form.getByRole('button', { name: 'Add to wallet' }).click();
    await expect(form).toBeHidden();
  };
  await add('BLS / CPR', 'BLS card 2026.pdf');
  await add('HIPAA training', 'HIPAA certificate.pdf');

  const wallet = page.getByRole('table', { name: 'Compliance wallet' });
  const bls = wallet.getByRole('row').filter({ hasText: 'BLS / CPR' });
  const hipaa = wallet.getByRole('row').filter({ hasText: 'HIPAA training' });
  await expect(bls).toContainText('BLS card 2026.pdf (PDF, 1 KB)');
  await expect(hipaa).toContainText('HIPAA certificate.pdf (PDF, 1 KB)');
  const href = `data:application/pdf;base64,${scan.toString('base64')}`;
  // Each opens the same bytes, saved under its own name.
  for (const [row, name] of [[bls, 'BLS card 2026.pdf'], [hipaa, 'HIPAA certificate.pdf']] as const) {
    await row.getByRole('button', { name: `Open ${name}` }).click();
    const save = row.getByRole('link', { name: 'Save a copy' });
    await expect(save).toHaveAttribute('download', name);
    await expect(save).toHaveAttribute('href', href);
  }
  await page.screenshot({ path: 'test-results/wallet-two-names-1366x768.png' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(hipaa.getByRole('button', { name: 'Edit HIPAA training' })).toBeInViewport();
  await page.screenshot({ path: 'test-results/wallet-two-names-1024x700.png' });
  await page.setViewportSize({ width: 1366, height: 768 });

  // Removing the BLS card leaves the HIPAA item's document and name; after a restart too.
  await wallet.getByRole('button', { name: 'Remove BLS / CPR' }).click();
  await expect(bls).toHaveCount(0);
  await app.restart();
  await page.getByRole('link', { name: /Sites/ }).click();
  await page.getByRole('tab', { name: 'Compliance wallet' }).click();
  await expect(hipaa).toContainText('HIPAA certificate.pdf (PDF, 1 KB)');
  await hipaa.getByRole('button', { name: 'Open HIPAA certificate.pdf' }).click();
  await expect(hipaa.getByRole('link', { name: 'Save a copy' })).toHaveAttribute('download', 'HIPAA certificate.pdf');
  await expect(hipaa.getByRole('link', { name: 'Save a copy' })).toHaveAttribute('href', href);
});

test('renaming or merging a site whose entries are signed asks first, naming whose signatures it voids', async ({ page, app }) => {
  const dispatch = app.server.backend.dispatch;
  const call = async <T,>(c: string, i?: unknown) => {
    const r = (await dispatch(c, i)) as { ok: boolean; value: T; error?: { message: string } };
    if (!r.ok) throw new Error(`${c}: ${r.error?.message}`);
    return r.value;
  };
  const track = await call<{ id: number }>('tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
  for (let i = 1; i <= 3; i++) {
    await call('entries.create', { trackId: track.id, performedOn: '2026-03-02', performedAt: `0${i + 6}:00`, procedureName: `CT Head ${i}`, siteName: 'Mercy General' });
  }
  await call('entries.create', { trackId: track.id, performedOn: '2026-03-03', performedAt: '09:00', procedureName: 'CT Chest St Marys', siteName: 'St Marys' });
  await call('entries.create', { trackId: track.id, performedOn: '2026-03-04', performedAt: '09:00', procedureName: 'CT Spine Valley', siteName: 'Valley Imaging' });
  const { sites } = await call<{ sites: Array<{ id: number; name: string }> }>('signoff.options');
  const siteId = (name: string) => sites.find((s) => s.name === name)!.id;
  await call('signoff.saveCandidate', { name: 'Jamie Rivera', arrtId: '123456' });
  const v = await call<{ id: number }>('verifiers.save', { name: 'Dana Okafor', credentials: 'R.T.(R)(CT)(ARRT)', siteIds: [siteId('Mercy General'), siteId('St Marys')] });
  const attested = { facility: true, 'date-time': true, equipment: true, present: true, quality: true };
  for (const site of ['Mercy General', 'St Marys']) {
    const batch = { trackId: track.id, siteId: siteId(site) };
    const p = await call<{ digest: string; entries: Array<{ id: number }> }>('signoff.preview', { batch, kind: 'verifier', verifierId: v.id });
    await call('review.submit', {
      batch, kind: 'verifier', verifierId: v.id, digest: p.digest, signerName: 'Dana Okafor', method: 'typed', attested,
      decisions: p.entries.map((e) => ({ entryId: e.id, decision: 'accept' })),
    });
  }

  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open('sites');
  await page.getByRole('button', { name: 'Open Mercy General' }).click();
  const detail = page.getByRole('region', { name: /^Mercy General/ });
  await detail.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Edit Mercy General' });
  await form.getByLabel('Site name').fill('Mercy General Hospital');
  await form.getByLabel('Equipment').fill('Siemens SOMATOM Force');
  await form.getByLabel('Site name').press('Enter');
  const warning = form.getByRole('alert').filter({ hasText: 'voids the signatures' });
  await expect(warning).toContainText('Renaming “Mercy General” voids the signatures on 3 signed entries');
  await expect(warning.getByRole('list', { name: 'Signatures it voids' })).toContainText('Dana Okafor, R.T.(R)(CT)(ARRT) — verifier, signed');
  await expect(warning).toBeFocused();
  // No serious accessibility problem in the warning (contrast of its text and buttons included).
  const axe = await new AxeBuilder({ page }).include('.site-void-warning').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  await warning.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: test.info().outputPath('site-rename-warning-1366.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await warning.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: test.info().outputPath('site-rename-warning-1024.png') });
  await page.setViewportSize({ width: 1366, height: 768 });

  // Escape cancels: nothing renamed, nothing typed is lost, focus back on the name.
  await page.keyboard.press('Escape');
  await expect(warning).toHaveCount(0);
  await expect(form.getByLabel('Site name')).toBeFocused();
  await expect(form.getByLabel('Site name')).toHaveValue('Mercy General Hospital');
  await expect(form.getByLabel('Equipment')).toHaveValue('Siemens SOMATOM Force');
  expect((await call<Array<{ name: string }>>('sites.list')).map((s) => s.name)).toContain('Mercy General');

  // Ask again and go ahead with the keyboard: Tab from the warning reaches "Rename anyway".
  await form.getByLabel('Site name').press('Enter');
  await expect(warning).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(warning.getByRole('button', { name: 'Rename anyway' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Open Mercy General Hospital' })).toBeVisible();

  // A site without signed entries is renamed without a question.
  await page.getByRole('button', { name: 'Open Valley Imaging' }).click();
  await page.getByRole('region', { name: /^Valley Imaging/ }).getByRole('button', { name: 'Edit details' }).click();
  const valley = page.getByRole('form', { name: 'Edit Valley Imaging' });
  await valley.getByLabel('Site name').fill('Valley Imaging Center');
  await valley.getByRole('button', { name: 'Save site' }).click();
  await expect(page.getByRole('button', { name: 'Open Valley Imaging Center' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'voids the signatures' })).toHaveCount(0);

  // Merging St Marys (one signed entry) into Mercy General Hospital asks the same way.
  await page.getByRole('button', { name: 'Open St Marys' }).click();
  const merge = page.locator('details').filter({ hasText: 'Same place as another site?' });
  if (!(await merge.evaluate((el) => (el as HTMLDetailsElement).open))) await merge.locator('summary').click();
  await merge.getByLabel('Merge into').selectOption({ label: 'Mercy General Hospital' });
  await merge.getByRole('button', { name: 'Merge…' }).click();
  const mergeWarning = merge.getByRole('alert').filter({ hasText: 'voids the signatures' });
  await expect(mergeWarning).toContainText('Merging “St Marys” into “Mercy General Hospital” voids the signatures on 1 signed entry');
  await expect(mergeWarning).toContainText('entries already at “Mercy General Hospital” stay signed');
  await mergeWarning.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: test.info().outputPath('site-merge-warning-1366.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await mergeWarning.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: test.info().outputPath('site-merge-warning-1024.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  await mergeWarning.getByRole('button', { name: 'Merge anyway' }).click();
  await expect(page.getByText('Merged St Marys into Mercy General Hospital: 1 entry moved.')).toBeVisible();

  // The Log shows those signatures void, as after an entry edit; the unsigned entry stays unsigned.
  await app.open('log');
  const row = (name: string) => page.getByRole('row').filter({ hasText: name });
  for (const name of ['CT Head 1', 'CT Head 2', 'CT Head 3', 'CT Chest St Marys']) await expect(row(name)).toContainText('Signature void');
  await expect(row('CT Spine Valley')).not.toContainText('Signature');
  // The Status filter goes by what the Log shows: "Signed" leaves them out, "Signature void" lists them.
  await page.getByLabel('Status filter').selectOption({ label: 'Signature void' });
  await expect(row('CT Head 1')).toBeVisible();
  await expect(row('CT Spine Valley')).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: 'Signature void' })).toHaveCount(4);
  await page.getByLabel('Status filter').selectOption({ label: 'Signed' });
  await expect(row('CT Head 1')).toHaveCount(0);
  await expect(row('CT Chest St Marys')).toHaveCount(0);
});
