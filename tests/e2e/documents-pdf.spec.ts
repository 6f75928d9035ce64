// The packet and the progress report as the user saves them from Documents, read back with
// pdftotext: names outside Latin-1, the entries' real date range, the candidate's attestation and
// the entry over ARRT's daily cap marked on its row.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test, expect } from './fixtures';

const CANDIDATE = 'Nguyễn Thị Ánh';
const VERIFIER = 'Łukasz Wójcik';
const SITE = "Zoë O'Brien Imaging Center";

async function seed(dispatch: (c: string, i?: unknown) => Promise<unknown>) {
  const call = async <T,>(c: string, i?: unknown) => {
    const r = (await dispatch(c, i)) as { ok: boolean; value: T; error?: { message: string } };
    if (!r.ok) throw new Error(`${c}: ${r.error?.message}`);
    return r.value;
  };
  const track = await call<{ id: number }>('tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
  await call('entries.create', { trackId: track.id, performedOn: '2026-02-27', performedAt: '10:00', procedureName: 'CT Sinus', siteName: SITE });
  // Ten on one day: CT's cap is 9, so the last of them (17:00) cannot be reported.
  for (let i = 0; i < 10; i++) {
    await call('entries.create', {
      trackId: track.id,
      performedOn: '2026-03-02',
      performedAt: `${String(8 + i).padStart(2, '0')}:00`,
      procedureName: i === 9 ? 'CT Chest with contrast' : `CT Head without contrast ${i + 1}`,
      siteName: SITE,
    });
  }
  await call('entries.create', { trackId: track.id, performedOn: '2026-03-05', performedAt: '09:00', procedureName: 'CT Abdomen and Pelvis', siteName: SITE });
  const { sites } = await call<{ sites: Array<{ id: number; name: string }> }>('signoff.options');
  await call('signoff.saveCandidate', { name: CANDIDATE, arrtId: '123456' });
  await call('verifiers.save', { name: VERIFIER, credentials: 'R.T.(R)(CT)(ARRT)', siteIds: [sites[0]!.id] });
}

test('the saved packet and progress report print Unicode names, the date range, the attestation and the over-cap entry', async ({ page, app }, info) => {
  await seed(app.server.backend.dispatch);
  await app.open('documents');
  await expect(page.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible();
  await page.getByLabel('Verifier named on the packet').selectOption({ label: VERIFIER });

  const packetDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save packet PDF' }).click();
  const packetFile = info.outputPath('packet.pdf');
  await (await packetDownload).saveAs(packetFile);
  await expect(page.getByText(/Last packet: 12 entries/)).toBeVisible();

  const text = execFileSync('pdftotext', ['-layout', packetFile, '-'], { encoding: 'utf8' });
  expect(text).toMatch(new RegExp(`Candidate\\s+${CANDIDATE}`));
  expect(text).toContain(`${VERIFIER}, R.T.(R)(CT)(ARRT)`);
  expect(text).toMatch(/Facility\s+Zoë O'Brien Imaging Center/);
  expect(text).toMatch(/Dates\s+2026-02-27 to 2026-03-05/);
  expect(text.replace(/\s+/g, ' ')).toContain('I attest that I personally performed each procedure listed in this log');
  const marked = text.split('\n').filter((l) => /^\s*\d+\s+▲/.test(l));
  expect(marked).toHaveLength(1);
  expect(marked[0]).toMatch(/11\s+▲\s+2026-03-02\s+17:00\s+CT Chest with contrast/);
  expect(text).toContain("Over ARRT's daily limit");
  // CT's list names no procedures yet: no empty Category column, no app wording about the version.
  expect(text).toMatch(/#\s+Date\s+Time\s+Procedure\n/);
  expect(text).toMatch(/Requirements\s+ARRT Computed Tomography — clinical experience requirements, current version\n/);

  const reportDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save progress report (PDF)' }).click();
  const reportFile = info.outputPath('progress.pdf');
  await (await reportDownload).saveAs(reportFile);
  const report = execFileSync('pdftotext', ['-layout', reportFile, '-'], { encoding: 'utf8' });
  expect(report).toContain('Clinical Experience Progress Report');
  expect(report).toMatch(new RegExp(`Candidate\\s+${CANDIDATE}`));
  expect(report).not.toContain('not known here');
  // Keep the renders next to the PDFs for a look (pdftoppm is part of poppler, like pdftotext).
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', packetFile, path.join(path.dirname(packetFile), 'packet')]);
});
