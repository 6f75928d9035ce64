// The CSV of the whole log as the user saves it from Documents. The backend writes it to a file and
// the page reads it back in pieces (documents.readExport) before saving: the saved file must be the
// whole log, byte-exact, and the backend's copy must be gone afterwards.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { test, expect } from './fixtures';

const SITE = "Zoë O'Brien Imaging Center";
const ROWS = 5_000;

async function seed(dispatch: (c: string, i?: unknown) => Promise<unknown>) {
  const call = async <T,>(c: string, i?: unknown) => {
    const r = (await dispatch(c, i)) as { ok: boolean; value: T; error?: { message: string } };
    if (!r.ok) throw new Error(`${c}: ${r.error?.message}`);
    return r.value;
  };
  const track = await call<{ id: number }>('tracks.create', { discipline: 'CT', startDate: '2025-01-01' });
  // Thousands of entries through the import (one transaction), so the file spans several pieces.
  const lines = ['Date,Time,Procedure,Site,Notes'];
  for (let i = 0; i < ROWS; i++) {
    const day = new Date(Date.UTC(2025, 0, 1) + (i % 500) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${day},${String(8 + (i % 9)).padStart(2, '0')}:00,CT Head without contrast,"${SITE}","Row ${i + 1}: contrast ""oral"" only, reviewed — ✓"`);
  }
  const dataBase64 = Buffer.from(lines.join('\r\n')).toString('base64');
  const preview = await call<{ mapping: unknown }>('import.preview', { fileName: 'log.csv', dataBase64 });
  await call('import.commit', { fileName: 'log.csv', dataBase64, trackId: track.id, mapping: preview.mapping, skipDuplicates: false });
}

test('the whole log saved as CSV holds every entry, exactly, and leaves no copy in the data folder', async ({ page, app }, info) => {
  await seed(app.server.backend.dispatch);
  await app.open('documents');
  await expect(page.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save the whole log (CSV)' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^radledger-log_all_\d{4}-\d{2}-\d{2}\.csv$/);
  const file = info.outputPath('log.csv');
  await saved.saveAs(file);
  await expect(page.getByText(/^Saved radledger-log_all_.*\.csv\.$/)).toBeVisible();
  await page.screenshot({ path: info.outputPath('documents-after-csv.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByRole('button', { name: 'Save the whole log (CSV)' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('documents-after-csv-1024x700.png') });

  const bytes = readFileSync(file);
  expect(bytes.length).toBeGreaterThan(512 * 1024); // more than one piece
  const text = bytes.toString('utf8');
  expect(text).not.toContain('\uFFFD');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
  expect(rows).toHaveLength(ROWS);
  expect(new Set(rows.map((r) => r.id)).size).toBe(ROWS);
  const notes = new Set(rows.map((r) => r.notes));
  for (const n of [1, 2_500, ROWS]) expect(notes.has(`Row ${n}: contrast "oral" only, reviewed — ✓`)).toBe(true);
  expect(rows.every((r) => r.site === SITE)).toBe(true);
  expect(readdirSync(path.join(app.dataDir, 'exports'))).toEqual([]);
});
