import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import { listBackups } from '../../../../../electron/core/backup/files';
import { guessMapping } from '../../../../../electron/core/import/mapping';
import { readTime } from '../../../../../electron/core/import/rows';
import { readDateCell } from '../../../../../shared/import/dates';
import type { ImportCheck, ImportMapping, ImportPreview, ImportResult } from '../../../../../shared/ipc/import';
import { dumpDb } from '../../../../helpers/db-dump';
import { fixedClock, tempDir } from '../../../../helpers/tmp';
import { value } from '../../../../helpers/backend';

function open(): Backend {
  return openBackend({ dataDir: tempDir(), host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T12:00:00Z') });
}

async function track(backend: Backend): Promise<number> {
  const r = await backend.dispatch('tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { id: number }).id;
}

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

const PROCEDURES = ['CT Head without contrast', 'CT Chest with contrast', 'CT Abdomen/Pelvis', 'CT Angiography Chest'];

/** A 10,000-row log in the shape techs keep: US dates, 12-hour times, yes/no. */
function bigCsv(rows: number, bad: Map<number, string>): string {
  const lines = ['Exam Date,Time,Procedure,Facility,Comments,Simulated?'];
  for (let i = 0; i < rows; i++) {
    const line = i + 2; // spreadsheet row number
    const month = 1 + (i % 10);
    const day = 1 + (i % 28);
    const date = month === 1 && day < 5 ? `2/${day}/2026` : `${month}/${day}/2026`;
    lines.push(bad.get(line) ?? `${date},${1 + (i % 12)}:15 ${i % 2 ? 'PM' : 'AM'},${PROCEDURES[i % 4]},${i % 3 ? 'Mercy General' : 'Valley Imaging'},"row ${line}, routine",${i % 9 === 0 ? 'yes' : 'no'}`);
  }
  return lines.join('\r\n') + '\r\n';
}

describe('spreadsheet import', () => {
  it('guesses the mapping from common headers', () => {
    expect(guessMapping(['Exam Date', 'Time', 'Procedure', 'Facility', 'Comments', 'Simulated?', 'Status'])).toEqual({
      date: 0, time: 1, procedure: 2, site: 3, verifier: null, notes: 4, simulated: 5, status: 6,
    });
    expect(guessMapping(['DOS', 'Exam', 'Location', 'Unrelated'])).toEqual({
      date: 0, time: null, procedure: 1, site: 2, verifier: null, notes: null, simulated: null, status: null,
    });
  });

  it('reads the date and time formats people type', () => {
    expect(readDateCell('2026-03-02', null)).toEqual({ kind: 'date', iso: '2026-03-02' });
    expect(readDateCell('3/2/2026', 'MDY')).toEqual({ kind: 'date', iso: '2026-03-02' });
    expect(readDateCell('2026/3/2', null)).toEqual({ kind: 'date', iso: '2026-03-02' });
    expect(readDateCell('2/30/2026', 'MDY')).toEqual({ kind: 'impossible' });
    expect(readTime('2:30 PM')).toBe('14:30');
    expect(readTime('12:05 am')).toBe('00:05');
    expect(readTime('08:30:00')).toBe('08:30');
    expect(readTime('')).toBeNull();
  });

  it('a 10,000-row CSV with 3 bad rows writes nothing and names the 3 rows with their reasons', async () => {
    const backend = open();
    const trackId = await track(backend);
    const before = dumpDb(backend.db);
    const bad = new Map([
      [118, '13/45/2026,8:00 AM,CT Head,Mercy General,,no'], // not a date
      [5003, '12/25/2026,8:00 AM,CT Head,Mercy General,,no'], // in the future (today is 2026-11-24)
      [9999, '3/3/2026,8:00 AM,,Mercy General,,no'], // no procedure
    ]);
    const csv = bigCsv(10_000, bad);
    const preview = value<ImportPreview>(await backend.dispatch('import.preview', { fileName: 'log.csv', dataBase64: b64(csv) }));
    expect(preview.rowCount).toBe(10_000);
    const mapping: ImportMapping = preview.mapping;

    const check = value<ImportCheck>(await backend.dispatch('import.check', { fileName: 'log.csv', dataBase64: b64(csv), trackId, mapping }));
    expect(check.valid).toBe(9_997);
    expect(check.problems).toEqual([
      { line: 118, messages: ['Date: "13/45/2026" is not a real date.'] },
      { line: 5003, messages: ['Date: The date cannot be in the future.'] },
      { line: 9999, messages: ['Procedure: Name the procedure.'] },
    ]);

    const r = await backend.dispatch('import.commit', { fileName: 'log.csv', dataBase64: b64(csv), trackId, mapping, skipDuplicates: true });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('validation');
      expect(r.error.message).toBe('3 rows have problems, so nothing was imported. Fix them (in the file or with the choices above) and import again.');
      expect(r.error.issues?.map((i) => i.path)).toEqual(['rows.118', 'rows.5003', 'rows.9999']);
      expect(r.error.issues?.[0]?.message).toBe('Row 118: Date: "13/45/2026" is not a real date.');
    }
    expect(dumpDb(backend.db)).toEqual(before);
    expect(listBackups(backend.ctx.dataDir)).toEqual([]); // a refused file costs no backup either
    backend.close();
  });

  it('imports a good file in one go, backs up first, and offers to skip duplicates of existing entries', async () => {
    const backend = open();
    const trackId = await track(backend);
    await backend.dispatch('entries.create', { trackId, performedOn: '2026-03-02', performedAt: '08:30', procedureName: 'CT Head without contrast', siteName: 'Mercy General' });
    const csv = [
      'date,time,procedure,site,notes,simulated,status',
      '2026-03-02,8:30 AM,ct head without contrast,MERCY GENERAL,,no,', // same entry as the one above
      '2026-03-02,09:00,CT Chest,Mercy General,,no,draft',
      '3/4/2026,,CT Abdomen,New Clinic,phantom,yes,Entered in ARRT',
    ].join('\n');
    const mapping = value<ImportPreview>(await backend.dispatch('import.preview', { fileName: 'a.csv', dataBase64: b64(csv) })).mapping;
    // 3/4/2026 alone does not decide the order: the user says month/day/year.
    const check = value<ImportCheck>(await backend.dispatch('import.check', { fileName: 'a.csv', dataBase64: b64(csv), trackId, mapping, dateOrder: 'MDY' }));
    expect(check.duplicates).toEqual([{ line: 2, summary: '2026-03-02 08:30 · ct head without contrast · MERCY GENERAL' }]);
    expect(check.phi).toEqual([]);
    const withPhi = `${csv}\n2026-03-05,,CT Head,,pt John Smith MRN 12345678,no,`;
    const flagged = value<ImportCheck>(await backend.dispatch('import.check', { fileName: 'a.csv', dataBase64: b64(withPhi), trackId, mapping, dateOrder: 'MDY' }));
    expect(flagged.phi.map((p) => p.line)).toEqual([5]);

    const result = value<ImportResult>(
      await backend.dispatch('import.commit', { fileName: 'a.csv', dataBase64: b64(csv), trackId, mapping, dateOrder: 'MDY', skipDuplicates: true }),
    );
    expect(result).toMatchObject({ imported: 2, skippedDuplicates: 1, backup: { reason: 'pre-import' } });
    const list = value<{ rows: Array<Record<string, unknown>> }>(await backend.dispatch('entries.list', { trackId }));
    expect(list.rows.map((e) => [e.performedOn, e.performedAt, e.procedureName, e.siteName, e.simulated, e.status, e.notes])).toEqual([
      ['2026-03-04', null, 'CT Abdomen', 'New Clinic', true, 'entered', 'phantom'],
      ['2026-03-02', '09:00', 'CT Chest', 'Mercy General', false, 'draft', ''],
      ['2026-03-02', '08:30', 'CT Head without contrast', 'Mercy General', false, 'draft', ''],
    ]);
    backend.close();
  });

  it('imports an XLSX workbook with real date and time cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Log');
    ws.addRow(['Date', 'Time', 'Procedure', 'Site']);
    ws.addRow([new Date(Date.UTC(2026, 2, 2)), new Date(Date.UTC(1899, 11, 30, 14, 45)), 'CT Head', 'Mercy General']);
    ws.addRow(['2026-03-05', '', { richText: [{ text: 'CT ' }, { text: 'Chest' }] }, '']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const backend = open();
    const trackId = await track(backend);
    const preview = value<ImportPreview>(await backend.dispatch('import.preview', { fileName: 'log.xlsx', dataBase64: b64(bytes) }));
    expect(preview.format).toBe('xlsx');
    expect(preview.sample).toEqual([
      { line: 2, cells: ['2026-03-02', '14:45', 'CT Head', 'Mercy General'] },
      { line: 3, cells: ['2026-03-05', '', 'CT Chest', ''] },
    ]);
    const result = value<ImportResult>(
      await backend.dispatch('import.commit', { fileName: 'log.xlsx', dataBase64: b64(bytes), trackId, mapping: preview.mapping, skipDuplicates: false }),
    );
    expect(result.imported).toBe(2);
    backend.close();
  });

  it('refuses a mapping without the date or procedure column', async () => {
    const backend = open();
    const trackId = await track(backend);
    const csv = 'when,what\n2026-03-02,CT Head\n';
    const r = await backend.dispatch('import.check', {
      fileName: 'a.csv', dataBase64: b64(csv), trackId,
      mapping: { date: null, time: null, procedure: 1, site: null, verifier: null, notes: null, simulated: null, status: null },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues).toEqual([{ path: 'mapping.date', message: 'Choose the column that holds the date.' }]);
    backend.close();
  });

  it("follows the track's catalog like the quick log: catalog spelling and id, unknown procedures refused", async () => {
    const backend = open();
    const trackId = await track(backend);
    value(await backend.dispatch('catalogs.assign', { trackId, catalog: { key: 'example-ct-like' } }));
    const mapping: ImportMapping = { date: 0, time: null, procedure: 1, site: null, verifier: null, notes: null, simulated: null, status: null };
    const bad = 'date,procedure\n2026-03-02,routine head\n2026-03-03,Knee arthrogram\n';
    const check = value<ImportCheck>(await backend.dispatch('import.check', { fileName: 'a.csv', dataBase64: b64(bad), trackId, mapping }));
    expect(check.problems).toEqual([{ line: 3, messages: [`Procedure: "Knee arthrogram" is not in this track's catalog; map it to a catalog procedure in the names table.`] }]);

    const good = 'date,procedure\n2026-03-02,routine head\n2026-03-03,SINUSES\n';
    value(await backend.dispatch('import.commit', { fileName: 'a.csv', dataBase64: b64(good), trackId, mapping, skipDuplicates: false }));
    const rows = backend.db
      .prepare('SELECT procedure_id, procedure_name, patient_marker FROM entries ORDER BY id')
      .raw()
      .all();
    expect(rows).toEqual([
      ['routine-head', 'Routine Head', 1],
      ['sinuses', 'Sinuses', 2],
    ]);
    backend.close();
  });
});
