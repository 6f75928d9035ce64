// RadLedger's own CSV export imported back gives the original text: the export's formula
// neutralisation (a leading apostrophe) is undone for files that carry the export's header. A
// foreign CSV's formula-like cells are stored as the plain text they are and neutralised again on
// export, so nothing a spreadsheet would run ever leaves RadLedger unneutralised.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import type { EntryPage } from '../../../../../shared/ipc/entries';
import type { ImportPreview, ImportResult } from '../../../../../shared/ipc/import';
import type { SiteRecord } from '../../../../../shared/sites/types';
import { call, exportedCsv, value } from '../../../../helpers/backend';
import { fixedClock, tempDir } from '../../../../helpers/tmp';

const open = (): Backend => openBackend({ dataDir: tempDir(), host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T12:00:00Z') });
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

async function importText(backend: Backend, trackId: number, fileName: string, text: string): Promise<ImportResult> {
  const preview = value<ImportPreview>(await backend.dispatch('import.preview', { fileName, dataBase64: b64(text) }));
  return value<ImportResult>(
    await backend.dispatch('import.commit', { fileName, dataBase64: b64(text), trackId, mapping: preview.mapping, skipDuplicates: true }),
  );
}

const TRICKY = [
  { procedureName: '+1+1', siteName: '-Mercy West', notes: '=SUM(A1:A9) was the phantom' },
  { procedureName: "'=already an apostrophe", siteName: '@Valley', notes: "''+two apostrophes" },
  { procedureName: 'CT Head', siteName: 'Mercy General', notes: "it's fine" },
];

describe('CSV round trip', () => {
  it("imports RadLedger's own export back to the original text (no apostrophes, no new sites)", async () => {
    const source = open();
    const t1 = (await call(source, 'tracks.create', { discipline: 'CT', startDate: '2026-01-05' })).id;
    for (const [i, e] of TRICKY.entries()) {
      await call(source, 'entries.create', { trackId: t1, performedOn: `2026-06-0${i + 1}`, ...e });
    }
    const csv = await exportedCsv(source, t1);
    const text = csv.text;
    // The file itself is safe in a spreadsheet.
    for (const row of Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data) {
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    source.close();

    const target = open();
    const t2 = (await call(target, 'tracks.create', { discipline: 'CT', startDate: '2026-01-05' })).id;
    expect((await importText(target, t2, csv.fileName, text)).imported).toBe(3);
    const rows = value<EntryPage>(await target.dispatch('entries.list', { trackId: t2, sort: 'date-asc' })).rows;
    expect(rows.map((r) => ({ procedureName: r.procedureName, siteName: r.siteName, notes: r.notes }))).toEqual(TRICKY);
    const sites = value<SiteRecord[]>(await target.dispatch('sites.list', undefined)).map((s) => s.name).sort();
    expect(sites).toEqual(['-Mercy West', '@Valley', 'Mercy General']);
    // And exported again, byte for byte the same cells.
    const again = (await exportedCsv(target, t2)).text;
    const cells = (t: string) => Papa.parse<string[]>(t.slice(1), { skipEmptyLines: true }).data.map((r) => r.slice(1)); // minus the id column
    expect(cells(again)).toEqual(cells(text));
    target.close();
  });

  it("stores a foreign CSV's formula-like cells as plain text and neutralises them again on export", async () => {
    const backend = open();
    const t = (await call(backend, 'tracks.create', { discipline: 'CT', startDate: '2026-01-05' })).id;
    const foreign = ['Date,Procedure,Site,Notes', `2026-06-01,"=HYPERLINK(""http://evil.example"",""x"")",'+1,"@cmd /c calc"`].join('\r\n');
    expect((await importText(backend, t, 'mylog.csv', foreign)).imported).toBe(1);
    const [row] = value<EntryPage>(await backend.dispatch('entries.list', { trackId: t })).rows;
    // Exactly the text the file held: not unquoted (it is not RadLedger's export), not run.
    expect(row).toMatchObject({ procedureName: '=HYPERLINK("http://evil.example","x")', siteName: "'+1", notes: '@cmd /c calc' });
    const out = (await exportedCsv(backend, t)).text;
    const [, data] = Papa.parse<string[]>(out.slice(1), { skipEmptyLines: true }).data;
    for (const cell of data!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(data).toContain('\'=HYPERLINK("http://evil.example","x")');
    backend.close();
  });
});
