// The five kinds of files people bring (tidy and messy workbooks, a Google Sheets CSV, a European
// Windows-1252 CSV, a file with problems) and the large workbook, through the real backend.
import { describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import { verifyAuditChain } from '../../../../../electron/core/audit';
import type { ImportCheck, ImportHistoryItem, ImportPreview, ImportProgress, ImportResult } from '../../../../../shared/ipc/import';
import { call } from '../../../../helpers/backend';
import { europeanCsv, googleSheetsCsv, largeWorkbook, messyWorkbook, MESSY_EXPECTED, problemCsv, tidyWorkbook } from '../../../../helpers/import-fixtures';
import { fixedClock, tempDir } from '../../../../helpers/tmp';

function open(dataDir = tempDir(), now = '2026-11-24T12:00:00Z'): Backend {
  return openBackend({ dataDir, host: 'preview', appVersion: 't', now: fixedClock(now) });
}

async function track(b: Backend, startDate = '2025-01-01', catalog = true): Promise<number> {
  const t = await call(b, 'tracks.create', { discipline: 'CT', startDate });
  if (catalog) await call(b, 'catalogs.assign', { trackId: t.id, catalog: { key: 'example-ct-like' } });
  return t.id;
}

const file = (fileName: string, bytes: Buffer) => ({ fileName, dataBase64: bytes.toString('base64') });

async function entries(b: Backend, trackId: number) {
  const list = await call(b, 'entries.list', { trackId, sort: 'date-asc', limit: 500 });
  return list.rows;
}

describe('the files people bring', () => {
  it('tidy workbook: imports as is, verifier matched case-insensitively to a record or created', async () => {
    const b = open();
    const trackId = await track(b);
    const lee = await call(b, 'verifiers.save', { name: 'LEE PARK', credentials: 'RT(R)(CT)', siteIds: [] });
    const f = file('tidy.xlsx', await tidyWorkbook());
    const preview = await call(b, 'import.preview', f);
    expect(preview.mapping).toMatchObject({ date: 0, time: 1, procedure: 2, site: 3, verifier: 4, notes: 5 });
    const check = await call(b, 'import.check', { ...f, trackId, mapping: preview.mapping });
    expect(check.verifiers).toEqual([
      { name: 'Dana Reyes, RT(R)(CT)', rows: 2, existing: null },
      { name: 'Lee Park', rows: 1, existing: { id: lee.id, name: 'LEE PARK' } },
    ]);
    const r = await call(b, 'import.commit', { ...f, trackId, mapping: preview.mapping });
    expect(r.imported).toBe(3);
    const rows = await entries(b, trackId);
    expect(rows.map((e) => [e.performedOn, e.performedAt, e.procedureId, e.siteName, e.verifierName])).toEqual([
      ['2025-03-03', '08:30', 'routine-head', 'Mercy General', 'Dana Reyes, RT(R)(CT)'],
      ['2025-03-03', '09:10', 'routine-chest', 'Mercy General', 'Dana Reyes, RT(R)(CT)'],
      ['2025-03-05', '13:45', 'sinuses', 'Valley Imaging', 'LEE PARK'],
    ]);
    expect(new Set(rows.map((e) => e.verifierId)).size).toBe(2);
    expect((await call(b, 'verifiers.list', undefined)).map((v) => v.name).sort()).toEqual(['Dana Reyes, RT(R)(CT)', 'LEE PARK']);
    b.close();
  });

  it('messy workbook: finds the log on the second sheet under a title row, reads every date form, skips the Total row', async () => {
    const b = open();
    const trackId = await track(b);
    const f = file('messy.xlsx', await messyWorkbook());
    const preview = await call(b, 'import.preview', f);
    expect(preview.sheets.map((s) => [s.name, s.looksLikeLog])).toEqual([
      ['Summary', false],
      ['CT log 2025', true],
    ]);
    expect(preview.sheet).toBe(1);
    expect(preview.headerRow).toBe(3); // the title row (1) and the blank row (2) are passed over
    expect(preview.headerDetected).toBe(true);
    expect(preview.topRows[0]).toEqual({ line: 1, cells: ["Maria's CT log 2025", '', '', '', ''] }); // merged over A1:E1: once
    expect(preview.headers).toEqual(['Exam Date', 'Exam', 'Facility', 'Verified by', 'Comments']);
    expect(preview.mapping).toMatchObject({ date: 0, procedure: 1, site: 2, verifier: 3, notes: 4 });
    expect(preview.sample[0]).toEqual({ line: 4, cells: ['2025-03-03', 'CT head w/o', "St. Mary's", 'Dana Reyes', ''] });
    // "3/14/25" decides the order: month/day/year.
    expect(preview.dateDetection).toMatchObject({ order: 'MDY', evidence: '3/14/25' });

    const check = await call(b, 'import.check', { ...f, trackId, mapping: preview.mapping });
    expect(check.summaryRows).toEqual([{ line: 12, text: 'Total · 8' }]);
    expect(check.sample.map((s) => [s.line, s.rawDate, s.date])).toEqual([
      [4, '2025-03-03', '2025-03-03'],
      [5, 'Mar 4, 2025', '2025-03-04'],
      [6, '4 March 2025', '2025-03-04'],
      [7, '3/14/25', '2025-03-14'],
      [8, '45725', '2025-03-09'],
      [9, '2025-03-17', '2025-03-17'],
      [10, '2025-03-17', '2025-03-17'], // the merged date cell dates both rows
      [11, '3/4/25', '2025-03-04'],
    ]);
    // The user's names are not the catalog's: refused until mapped, with suggestions by similarity.
    expect(check.problems.map((p) => p.line)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    const names = Object.fromEntries(check.procedures.map((p) => [p.name, p.suggestions.map((s) => s.name)]));
    expect(names['CT head w/o']![0]).toBe('Routine Head');
    expect(names['CT sinus']![0]).toBe('Sinuses');
    expect(names['CTA chest PE']![0]).toBe('CTA Chest (PE)');
    // Sites: "St Marys" is flagged as the same place as "St. Mary's".
    expect(check.sites.map((s) => [s.name, s.existing, s.suggestion])).toEqual([
      ["St. Mary's", false, null],
      ['Valley Imaging', false, null],
      ['St Marys', false, "St. Mary's"],
    ]);

    const procedureMap = { 'ct head w/o': 'routine-head', 'ct chest routine': 'routine-chest', 'cta chest pe': 'cta-chest-pe', 'ct sinus': 'sinuses' };
    const siteMap = { 'st marys': "St. Mary's" };
    const r = await call(b, 'import.commit', { ...f, trackId, mapping: preview.mapping, procedureMap, siteMap });
    expect(r).toMatchObject({ imported: 8, skippedSummaryRows: 1, skippedDuplicates: 0 });
    const rows = await entries(b, trackId);
    const want = MESSY_EXPECTED.map(([d, p, s]) => [d, procedureMap[p.toLowerCase() as keyof typeof procedureMap], s === 'St Marys' ? "St. Mary's" : s]);
    expect(rows.map((e) => [e.performedOn, e.procedureId, e.siteName]).sort()).toEqual(want.sort());
    expect(b.db.prepare('SELECT name FROM sites ORDER BY name').pluck().all()).toEqual(["St. Mary's", 'Valley Imaging']);
    // Everything counts now.
    const progress = await call(b, 'progress.evaluate', { trackId, verdicts: 'all' });
    expect(progress.evaluation!.entries.filter((e) => e.counts)).toHaveLength(8);

    // The confirmed names are remembered: the next import needs no table.
    const again = await call(b, 'import.check', { ...f, trackId, mapping: preview.mapping });
    expect(again.problems).toEqual([]);
    expect(again.procedures.every((p) => p.remembered && p.mappedTo)).toBe(true);
    expect(again.sites.find((s) => s.name === 'St Marys')).toMatchObject({ target: "St. Mary's", existing: true, remembered: true });
    b.close();
  });

  it('Google Sheets CSV: quotes, commas and line breaks in cells, US dates', async () => {
    const b = open();
    const trackId = await track(b);
    const f = file('Clinical log - Sheet1.csv', googleSheetsCsv());
    const preview = await call(b, 'import.preview', f);
    expect(preview.encoding).toMatchObject({ detected: 'utf-8', used: 'utf-8' });
    await call(b, 'import.commit', { ...f, trackId, mapping: preview.mapping });
    const rows = await entries(b, trackId);
    expect(rows.map((e) => [e.performedOn, e.performedAt, e.siteName, e.notes])).toEqual([
      ['2025-03-21', '07:45', 'Mercy General', 'stroke alert, code called'],
      ['2025-03-22', '14:30', 'Mercy General', 'repeat scan\r\nmotion on first'],
      ['2025-03-24', null, 'Valley Imaging, Suite 2', ''],
    ]);
    b.close();
  });

  it('European CSV in Windows-1252: semicolons, day.month.year, "Hôpital" arrives intact', async () => {
    const b = open();
    const trackId = await track(b);
    const f = file('journal.csv', europeanCsv());
    const preview = await call(b, 'import.preview', f);
    expect(preview.encoding).toMatchObject({ detected: 'windows-1252', used: 'windows-1252' });
    expect(preview.sample[0]!.cells).toEqual(['04.03.2025', 'Routine Head', 'Hôpital Saint-Éloi', 'à revoir']);
    expect(preview.dateDetection).toMatchObject({ order: 'DMY', evidence: '25.03.2025' });
    // Read as UTF-8 instead (the user's switch), the accents are lost; the preview shows it.
    const wrong = await call(b, 'import.preview', { ...f, read: { encoding: 'utf-8' } });
    expect(wrong.sample[0]!.cells[2]).toBe('H\uFFFDpital Saint-\uFFFDloi');

    await call(b, 'import.commit', { ...f, trackId, mapping: preview.mapping });
    const rows = await entries(b, trackId);
    expect(rows.map((e) => [e.performedOn, e.siteName])).toEqual([
      ['2025-03-04', 'Hôpital Saint-Éloi'], // 4 March, not April 3
      ['2025-03-25', 'Hôpital Saint-Éloi'],
      ['2025-04-02', 'Clinique Nord'],
    ]);
    // A later garbled file is pointed at the right site instead of quietly making a new one.
    const garbled = { fileName: 'again.csv', dataBase64: Buffer.from('Date;Procedure;Site\n2025-04-03;Sinuses;H\uFFFDpital Saint-\uFFFDloi\n').toString('base64') };
    const check = await call(b, 'import.check', { ...garbled, trackId, mapping: { date: 0, procedure: 1, site: 2 } });
    expect(check.sites).toEqual([expect.objectContaining({ existing: false, suggestion: 'Hôpital Saint-Éloi' })]);
    b.close();
  });

  it('problem file: every bad row named, PHI must be cleaned or confirmed, duplicates counted by multiplicity', async () => {
    const b = open();
    const trackId = await track(b);
    await call(b, 'entries.create', { trackId, performedOn: '2025-03-10', performedAt: '08:00', procedureName: 'Routine Head', siteName: 'Mercy General' });
    const bad = file('problems.csv', problemCsv({ fixed: false }));
    const preview = await call(b, 'import.preview', bad);
    const check = await call(b, 'import.check', { ...bad, trackId, mapping: preview.mapping });
    expect(check.problems).toEqual([
      { line: 5, messages: ['Date: "2025-02-30" is not a real date.'] },
      { line: 6, messages: ['Procedure: Name the procedure.'] },
    ]);
    const refused = await b.dispatch('import.commit', { ...bad, trackId, mapping: preview.mapping });
    expect(refused.ok).toBe(false);

    const good = file('problems.csv', problemCsv({ fixed: true }));
    const c = await call(b, 'import.check', { ...good, trackId, mapping: preview.mapping });
    // Two identical rows, one existing entry: one is a duplicate, the other a real second procedure.
    expect(c.duplicates.map((d) => d.line)).toEqual([2]);
    expect([c.valid, c.toImport]).toEqual([5, 4]);
    expect(c.phi).toEqual([
      { line: 4, message: expect.stringContaining('a medical record number'), notes: 'pt MRN 12345678 DOB 01/02/1950', cleaned: 'pt MRN [removed] DOB [removed]' },
    ]);
    // Flagged notes are refused until cleaned or explicitly kept.
    const unconfirmed = await b.dispatch('import.commit', { ...good, trackId, mapping: preview.mapping });
    expect(unconfirmed.ok).toBe(false);
    if (!unconfirmed.ok) expect(unconfirmed.error.issues).toEqual([{ path: 'phi.4', message: expect.stringMatching(/^Row 4: This may identify a patient/) }]);
    const r = await call(b, 'import.commit', { ...good, trackId, mapping: preview.mapping, phi: { cleanLines: [4] } });
    expect(r).toMatchObject({ imported: c.toImport, skippedDuplicates: 1 });
    const rows = await entries(b, trackId);
    expect(rows.filter((e) => e.performedOn === '2025-03-10')).toHaveLength(2); // the existing one + one imported
    expect(rows.find((e) => e.performedOn === '2025-03-11')!.notes).toBe('pt MRN [removed] DOB [removed]');

    // "Keep as written" is an explicit choice, and it is honoured.
    const b2 = open();
    const t2 = await track(b2);
    await call(b2, 'import.commit', { ...good, trackId: t2, mapping: preview.mapping, phi: { keepConfirmed: true } });
    expect((await entries(b2, t2)).find((e) => e.performedOn === '2025-03-11')!.notes).toBe('pt MRN 12345678 DOB 01/02/1950');
    b.close();
    b2.close();
  });
});

describe('dates, track start, cap, history', () => {
  it('ambiguous dates are flagged, not guessed, until the user picks the order', async () => {
    const b = open();
    const trackId = await track(b, '2025-01-01', false);
    const f = file('a.csv', Buffer.from('date,procedure\n03/04/2025,CT Head\n05/06/2025,CT Chest\n'));
    const mapping = { date: 0, procedure: 1 };
    const check = await call(b, 'import.check', { ...f, trackId, mapping });
    expect(check.dateOrder).toMatchObject({ used: null, detection: { order: null, ambiguous: 2 } });
    expect(check.problems[0]).toEqual({ line: 2, messages: ['Date: "03/04/2025" could be Mar 4, 2025 or Apr 3, 2025; choose the date order.'] });
    const dmy = await call(b, 'import.check', { ...f, trackId, mapping, dateOrder: 'DMY' });
    expect(dmy.problems).toEqual([]);
    expect(dmy.sample.map((s) => s.date)).toEqual(['2025-04-03', '2025-06-05']);
    b.close();
  });

  it('rows before the track start: offered to move the start (the track setting), audited', async () => {
    const b = open();
    const trackId = await track(b, '2026-11-24'); // a new track: starts today
    const f = file('tidy.xlsx', await tidyWorkbook());
    const mapping = (await call(b, 'import.preview', f)).mapping;
    const check = await call(b, 'import.check', { ...f, trackId, mapping });
    expect(check.beforeTrackStart).toEqual({ rows: 3, earliest: '2025-03-03', trackStart: '2026-11-24', trackName: 'Computed Tomography' });
    expect(check.problems[0]!.messages[0]).toBe(
      "Date: 2025-03-03 is before the track's start date (2026-11-24); move the track's start (offered above) to import it.",
    );
    const r = await call(b, 'import.commit', { ...f, trackId, mapping, moveTrackStart: true });
    expect(r).toMatchObject({ imported: 3, trackStartMovedTo: '2025-03-03' });
    expect((await call(b, 'tracks.list', undefined))[0]!.startDate).toBe('2025-03-03');
    const audit = b.db.prepare("SELECT before_json, after_json FROM audit_log WHERE entity = 'track' AND action = 'update'").all() as Array<{ before_json: string; after_json: string }>;
    const moves = audit.map((a) => [JSON.parse(a.before_json).startDate, JSON.parse(a.after_json).startDate]).filter(([x, y]) => x !== y);
    expect(moves).toEqual([['2026-11-24', '2025-03-03']]);
    b.close();
  });

  it("days over ARRT's daily cap are pointed out before the import", async () => {
    const b = open();
    const trackId = await track(b);
    await call(b, 'entries.create', { trackId, performedOn: '2025-05-05', procedureName: 'Routine Head' });
    const lines = ['date,procedure', ...Array.from({ length: 9 }, () => '2025-05-05,Routine Chest'), '2025-05-06,Sinuses'];
    const check = await call(b, 'import.check', { ...file('a.csv', Buffer.from(lines.join('\n'))), trackId, mapping: { date: 0, procedure: 1 } });
    expect(check.overCapDays).toEqual([{ date: '2025-05-05', count: 10, cap: 9, source: 'arrt' }]);
    b.close();
  });

  it('undo from the history, after a restart: deletes only that import, audited; later entries stay', async () => {
    const dir = tempDir();
    let b = open(dir);
    const trackId = await track(b);
    const before = await call(b, 'entries.create', { trackId, performedOn: '2025-02-01', procedureName: 'Orbits' });
    const f = file('tidy.xlsx', await tidyWorkbook());
    const r = await call(b, 'import.commit', { ...f, trackId, mapping: (await call(b, 'import.preview', f)).mapping });
    // Logged after the import, on the same day as imported rows, same procedure.
    const after = await call(b, 'entries.create', { trackId, performedOn: '2025-03-03', performedAt: '08:30', procedureName: 'Routine Head', siteName: 'Mercy General' });
    b.close();

    b = open(dir, '2026-11-25T12:00:00Z'); // a day later
    const history = await call(b, 'import.history', {});
    expect(history).toEqual([
      expect.objectContaining({ id: r.importId, fileName: 'tidy.xlsx', rowsInFile: 3, imported: 3, skippedDuplicates: 0, undoneAt: null, live: 3, editedSince: 0 }),
    ] satisfies Partial<ImportHistoryItem>[]);
    expect(await call(b, 'import.undo', { importId: r.importId })).toEqual({ deleted: 3 });
    const left = await entries(b, trackId);
    expect(left.map((e) => e.id).sort()).toEqual([before.id, after.id].sort());
    expect((await call(b, 'import.history', {}))[0]).toMatchObject({ undoneAt: '2026-11-25T12:00:00.000Z', live: 0 });
    const undoAgain = await b.dispatch('import.undo', { importId: r.importId });
    expect(undoAgain.ok).toBe(false);
    expect(verifyAuditChain(b.db).breaks).toEqual([]);
    const integrity = await call(b, 'signoff.integrity', undefined);
    expect(integrity.alteredEntries).toEqual([]);
    expect(b.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'entry' AND action = 'delete'").pluck().get()).toBe(3);
    b.close();
  });

  it('the 20,000-row workbook reports progress with row counts while it imports', async () => {
    const b = open();
    const trackId = await track(b);
    const f = file('big.xlsx', await largeWorkbook(20_000));
    const preview = await call(b, 'import.preview', f);
    expect(preview.rowCount).toBe(20_000);
    const seen: ImportProgress[] = [];
    let done = false;
    const commit = call(b, 'import.commit', { ...f, trackId, mapping: preview.mapping }).finally(() => (done = true));
    while (!done) {
      const p = (await call(b, 'import.progress', {})) as ImportProgress | null;
      if (p && (seen.length === 0 || seen.at(-1)!.done !== p.done)) seen.push(p);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const r: ImportResult = await commit;
    expect(r.imported).toBe(20_000);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((p) => p.total === 20_000 && p.fileName === 'big.xlsx')).toBe(true);
    expect(seen.some((p) => p.done > 0 && p.done < 20_000)).toBe(true);
    expect(await call(b, 'import.progress', {})).toBeNull();
    b.close();
  }, 60_000);
});

describe('names in the log', () => {
  it('bulk rename of a procedure in the log: audited, undone by renaming the same entries back', async () => {
    const b = open();
    const trackId = await track(b, '2025-01-01', false);
    for (const d of ['2025-03-01', '2025-03-02']) await call(b, 'entries.create', { trackId, performedOn: d, procedureName: 'ct head w/o' });
    await call(b, 'entries.create', { trackId, performedOn: '2025-03-03', procedureName: 'Other' });
    const r = await call(b, 'entries.renameProcedure', { trackId, from: 'CT HEAD W/O', to: 'Routine Head' });
    expect(r).toMatchObject({ updated: 2, to: 'Routine Head' });
    expect((await entries(b, trackId)).map((e) => e.procedureName)).toEqual(['Routine Head', 'Routine Head', 'Other']);
    const undo = await call(b, 'entries.renameProcedure', { trackId, from: 'Routine Head', to: 'ct head w/o', ids: r.ids });
    expect(undo.updated).toBe(2);
    expect((await entries(b, trackId)).map((e) => e.procedureName)).toEqual(['ct head w/o', 'ct head w/o', 'Other']);
    expect(b.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'entry' AND action = 'update'").pluck().get()).toBe(4);
    b.close();
  });

  it('site merge moves entries and everything else pointing at the site, audited', async () => {
    const b = open();
    const trackId = await track(b, '2025-01-01', false);
    await call(b, 'entries.create', { trackId, performedOn: '2025-03-01', procedureName: 'A', siteName: "St. Mary's" });
    await call(b, 'entries.create', { trackId, performedOn: '2025-03-02', procedureName: 'B', siteName: 'St Marys' });
    const ids = Object.fromEntries((b.db.prepare('SELECT name, id FROM sites').raw().all() as Array<[string, number]>).map(([n, i]) => [n, i]));
    const v = await call(b, 'verifiers.save', { name: 'Dana', siteIds: [ids['St Marys']!] });
    const r = await call(b, 'sites.merge', { fromId: ids['St Marys']!, intoId: ids["St. Mary's"]! });
    expect(r).toEqual({ movedEntries: 1, kept: { id: ids["St. Mary's"], name: "St. Mary's" }, removedName: 'St Marys' });
    expect((await entries(b, trackId)).map((e) => e.siteName)).toEqual(["St. Mary's", "St. Mary's"]);
    expect((await call(b, 'verifiers.list', undefined)).find((x) => x.id === v.id)!.siteNames).toEqual(["St. Mary's"]);
    expect(b.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'site' AND action = 'delete'").pluck().get()).toBe(1);
    b.close();
  });
});

// Types used only in annotations above.
export type { ImportCheck, ImportPreview };
