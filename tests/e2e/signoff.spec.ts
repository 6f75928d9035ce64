import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

async function seed(dispatch: (c: string, i?: unknown) => Promise<unknown>) {
  const call = async <T,>(c: string, i?: unknown) => {
    const r = (await dispatch(c, i)) as { ok: boolean; value: T; error?: { message: string } };
    if (!r.ok) throw new Error(`${c}: ${r.error?.message}`);
    return r.value;
  };
  const track = await call<{ id: number }>('tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
  const ids: number[] = [];
  for (const [day, time, name] of [
    ['2026-03-02', '08:10', 'CT Head without contrast'],
    ['2026-03-02', '09:40', 'CT Chest with contrast'],
    ['2026-03-03', '13:05', 'CT Abdomen and Pelvis'],
  ] as const) {
    ids.push((await call<{ id: number }>('entries.create', { trackId: track.id, performedOn: day, performedAt: time, procedureName: name, siteName: 'Mercy General' })).id);
  }
  const { sites } = await call<{ sites: Array<{ id: number; name: string }> }>('signoff.options');
  await call('signoff.saveCandidate', { name: 'Jamie Rivera', arrtId: '123456' });
  await call('verifiers.save', { name: 'Dana Okafor', credentials: 'R.T.(R)(CT)(ARRT)', siteIds: [sites[0]!.id] });
  return { trackId: track.id, ids, call };
}

/** Draws a signature-like stroke with real mouse moves over the canvas. */
async function drawSignature(page: Page) {
  const canvas = page.getByRole('img', { name: /Signature of Dana Okafor/ });
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const y0 = box.y + box.height * 0.6;
  await page.mouse.move(box.x + 40, y0);
  await page.mouse.down();
  for (let i = 0; i <= 40; i++) {
    const x = box.x + 40 + i * ((box.width - 100) / 40);
    const y = y0 - Math.sin(i / 3) * box.height * 0.25 - (i % 7 === 0 ? 10 : 0);
    await page.mouse.move(x, y, { steps: 2 });
  }
  await page.mouse.up();
}

test('a verifier reviews a batch, attests the checklist and signs by drawing; an edit voids that entry\'s signature', async ({ page, app }) => {
  const { ids, call } = await seed(app.server.backend.dispatch);
  await app.open('signoff');
  await expect(page.getByRole('heading', { name: 'Sign-off', level: 1 })).toBeVisible();
  await page.getByLabel('Signer').selectOption({ label: 'Dana Okafor, R.T.(R)(CT)(ARRT)' });
  await page.getByLabel('Site').selectOption({ label: 'Mercy General' });
  await page.getByLabel('Status').selectOption('draft');
  await page.getByRole('button', { name: 'Open the batch for signing' }).click();

  const session = page.getByRole('region', { name: /Verifier sign-off: Dana Okafor/ });
  const entries = session.getByLabel('Entries to review');
  await expect(entries.getByRole('radiogroup')).toHaveCount(3);
  await expect(entries.getByText('CT Chest with contrast')).toBeVisible();
  await expect(session.getByText('Not known to RadLedger:')).toBeVisible();

  await expect(session.getByRole('button', { name: 'Record the review' })).toBeDisabled(); // nothing decided yet
  await session.getByRole('button', { name: 'Accept all shown' }).click();
  const sign = session.getByRole('button', { name: 'Sign 3 accepted' });
  await expect(sign).toBeDisabled();
  for (const label of ['Facility.', 'Date and time.', 'Equipment.', 'Candidate physically present.', 'Diagnostic quality and protocol.']) {
    await session.getByRole('checkbox', { name: new RegExp(`^${label.replace('.', '\\.')}`) }).check();
  }
  await expect(sign).toBeDisabled(); // still no signature drawn
  await drawSignature(page);
  await expect(session.getByText('Signature drawn.')).toBeVisible();
  await page.screenshot({ path: 'test-results/signoff-session.png', fullPage: true });
  await sign.click();

  await expect(page.getByText('Dana Okafor signed 3 entries.')).toBeVisible();
  const list = page.getByRole('list', { name: 'Signatures' });
  await expect(list.getByText('Valid')).toBeVisible();
  await expect(list.getByText(/drawn signature/)).toBeVisible();
  await expect(page.getByLabel('Signature coverage')).toContainText('Signed: 3');

  // The drawn image was stored and ends up on the packet.
  const sigs = await call<Array<{ id: number; method: string }>>('signoff.list', {});
  expect(sigs).toHaveLength(1);
  const png = app.server.backend.db.prepare('SELECT length(signature_png) AS n FROM signatures').get() as { n: number };
  expect(png.n).toBeGreaterThan(1000);
  const states = await call<{ statuses: Record<number, string> }>('signoff.entryStates', { trackId: 1 });
  expect(ids.map((id) => states.statuses[id])).toEqual(['signed', 'signed', 'signed']);

  // Edit one signed entry through the entries service: the signature is void, visibly.
  await call('entries.update', {
    id: ids[1],
    performedOn: '2026-03-02',
    performedAt: '10:40',
    procedureName: 'CT Chest with contrast',
    siteName: 'Mercy General',
    notes: '',
    simulated: false,
    status: 'signed',
  });
  await page.reload();
  await expect(page.getByRole('list', { name: 'Signatures' }).getByText(/Void for 1 entry \(1 signed entry was edited on \d{4}-\d{2}-\d{2}\); valid for the rest/)).toBeVisible();
  await expect(page.getByLabel('Signature coverage')).toContainText('Signature void: 1');
  await expect(page.getByLabel('Signature coverage')).toContainText('Signed: 2');
  await page.screenshot({ path: 'test-results/signoff-void.png', fullPage: true });

  // "Sign again" reopens the batch; this time the verifier types their name.
  await page.getByRole('button', { name: 'Sign again' }).click();
  const again = page.getByRole('region', { name: /Verifier sign-off: Dana Okafor/ });
  await expect(again.getByLabel('Entries to review').getByText('Signature void')).toHaveCount(1);
  await again.getByRole('button', { name: 'Accept all shown' }).click();
  for (const box of await again.getByRole('checkbox').all()) await box.check();
  await again.getByRole('radio', { name: 'Type name' }).check();
  await again.getByRole('button', { name: 'Sign 3 accepted' }).click();
  await expect(page.getByLabel('Signature coverage')).toContainText('Signed: 3');
  await expect(page.getByRole('list', { name: 'Signatures' }).getByText('Valid', { exact: true })).toBeVisible();
});

test('documents: save a packet PDF, run the integrity check, and see a raw SQL change reported', async ({ page, app }) => {
  await seed(app.server.backend.dispatch);
  await app.open('documents');
  await expect(page.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save packet PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^verification-packet_CT.*\.pdf$/);
  await expect(page.getByText(/Last packet: 3 entries, \d+ pages?/)).toBeVisible();

  await expect(page.getByRole('list', { name: 'Days to enter in ARRT' }).getByRole('heading', { name: /2026-03-02 · 2 to enter/ })).toBeVisible();

  await page.getByRole('button', { name: 'Run integrity check' }).click();
  await expect(page.getByText(/No changes outside RadLedger/)).toBeVisible();
  app.server.backend.db.prepare("UPDATE entries SET procedure_name = 'CT Forged' WHERE id = 2").run();
  await page.getByRole('button', { name: 'Run integrity check' }).click();
  await expect(page.getByText(/Entry 2: This entry differs .* Changed: procedureName\./)).toBeVisible();
  await page.screenshot({ path: 'test-results/documents.png', fullPage: true });
});
