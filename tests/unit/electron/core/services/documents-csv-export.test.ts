// The CSV of a large log, as the renderer saves it: documents.csv writes it to the data folder in
// chunks (never the whole text in memory), documents.readExport hands it back in 512 KiB pieces and
// removes it after the last one. The file must be complete and exact: every entry once, in date
// order, with quotes, commas, line breaks and multi-byte characters intact across piece borders.
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import { EXPORT_PIECE_BYTES, exportsDir, STALE_EXPORT_MS } from '../../../../../electron/core/exports';
import { LOG_CSV_HEADER } from '../../../../../shared/signoff/csv';
import { call, exportedCsv, importCsvText as importLog, value } from '../../../../helpers/backend';
import { fixedClock, tempDir } from '../../../../helpers/tmp';

let backend: Backend | undefined;
afterEach(() => backend?.close());

const PROCEDURES = ['Routine Head', 'Routine Chest', 'Abdomen/Pelvis with Contrast', 'Lumbar Spine', '+Formula-like name'];
const SITES = ['Mercy General', 'Hôpital Saint-Éloi', 'Valley Imaging, East wing'];
const NOTES = [
  'Routine protocol; contrast timing adjusted by the technologist on duty, images reviewed before release',
  'Contrast "oral" only',
  'two lines:\nthe second ✓ here',
  'plain note with ümlauts — and a dash',
  '=not a formula',
];

/** A CSV of `n` entries for import: days spread over 2025-2026, times on some, varied text. */
function logCsv(n: number, seed: number): string {
  const lines = ['Date,Time,Procedure,Site,Notes'];
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  for (let i = 0; i < n; i++) {
    const k = i * 7 + seed;
    const day = new Date(Date.UTC(2025, 0, 1) + (k % 600) * 86_400_000).toISOString().slice(0, 10);
    const time = i % 3 === 0 ? '' : `${String(7 + (k % 11)).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}`;
    lines.push([day, time, q(PROCEDURES[k % 5]!), q(SITES[k % 3]!), q(NOTES[k % 5]!)].join(','));
  }
  return lines.join('\r\n');
}

describe('documents.csv of a log of thousands of entries', () => {
  it('is complete and exact, read back in pieces, and leaves no copy behind', async () => {
    const dataDir = tempDir('radledger-csv-');
    backend = openBackend({ dataDir, host: 'preview', appVersion: 'test', now: fixedClock('2026-11-24T12:00:00Z') });
    const ct = (await call(backend, 'tracks.create', { discipline: 'CT', startDate: '2025-01-01' })).id;
    const mr = (await call(backend, 'tracks.create', { discipline: 'MR', startDate: '2025-01-01' })).id;
    expect(await importLog(backend, ct, logCsv(6_000, 1))).toBe(6_000);
    expect(await importLog(backend, mr, logCsv(2_500, 5))).toBe(2_500);
    // A deleted entry is not exported.
    const gone = backend.db.prepare('SELECT min(id) FROM entries').pluck().get() as number;
    await call(backend, 'entries.delete', { ids: [gone] });

    const file = await exportedCsv(backend, null);
    expect(file.fileName).toBe('radledger-log_all_2026-11-24.csv');
    // Over 1 MiB: it came back in several pieces, and the pieces joined are the file.
    expect(file.bytes.length).toBeGreaterThan(EXPORT_PIECE_BYTES);
    expect(file.pieces).toBeGreaterThan(1);
    expect(file.pieces).toBe(Math.ceil(file.bytes.length / EXPORT_PIECE_BYTES));
    expect(file.text.startsWith(`\uFEFF${LOG_CSV_HEADER}\r\n`)).toBe(true);
    expect(file.text).not.toContain('\uFFFD'); // no multi-byte character was cut at a piece border

    const rows = Papa.parse<Record<string, string>>(file.text.slice(1), { header: true, skipEmptyLines: true }).data;
    const expected = backend.db
      .prepare(
        `SELECT e.id, e.performed_on AS date, coalesce(e.performed_at, '') AS time, e.procedure_name AS procedure, s.name AS site, e.notes
         FROM entries e JOIN sites s ON s.id = e.site_id WHERE e.deleted_at IS NULL
         ORDER BY e.performed_on, coalesce(e.performed_at, '99:99'), e.id`,
      )
      .all() as Array<{ id: number; date: string; time: string; procedure: string; site: string; notes: string }>;
    expect(expected).toHaveLength(8_499);
    expect(rows).toHaveLength(expected.length);
    const unneutralise = (cell: string) => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell);
    const got = rows.map((r) => ({ id: Number(r.id), date: r.date!, time: r.time!, procedure: unneutralise(r.procedure!), site: r.site!, notes: unneutralise(r.notes!) }));
    expect(got).toEqual(expected);
    // Both tracks, each entry once; the line breaks inside notes survived.
    expect(new Set(rows.map((r) => r.discipline))).toEqual(new Set(['CT', 'MR']));
    expect(rows.filter((r) => r.notes === 'two lines:\nthe second ✓ here').length).toBeGreaterThan(1_000);
    expect(rows.filter((r) => r.procedure === "'+Formula-like name").length).toBeGreaterThan(1_000);

    // The backend's copy is gone once the last piece was read; reading again says so.
    expect(readdirSync(exportsDir(dataDir))).toEqual([]);
    const again = await backend.dispatch('documents.csv', { trackId: ct });
    const id = value<{ exportId: string }>(again).exportId;
    let offset: number | null = 0;
    while (offset !== null) offset = value<{ next: number | null }>(await backend.dispatch('documents.readExport', { exportId: id, offset })).next;
    expect(await backend.dispatch('documents.readExport', { exportId: id, offset: 0 })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('refuses an id that is not one of its exports, and sweeps abandoned ones', async () => {
    const dataDir = tempDir('radledger-csv-');
    backend = openBackend({ dataDir, host: 'preview', appVersion: 'test', now: fixedClock('2026-11-24T12:00:00Z') });
    const ct = (await call(backend, 'tracks.create', { discipline: 'CT', startDate: '2025-01-01' })).id;
    expect(await backend.dispatch('documents.readExport', { exportId: '../radledger.sqlite', offset: 0 })).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(await backend.dispatch('documents.readExport', { exportId: 'a'.repeat(32), offset: 0 })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    // An export whose window closed mid-save, two hours ago, and a partial one a crash left.
    const dir = exportsDir(dataDir);
    mkdirSync(dir, { recursive: true });
    const old = (Date.now() - 2 * STALE_EXPORT_MS) / 1000;
    const abandoned = ['b'.repeat(32), `${'c'.repeat(32)}.partial`];
    for (const name of abandoned) {
      writeFileSync(path.join(dir, name), 'id,date\r\n');
      utimesSync(path.join(dir, name), old, old);
    }
    // A fresh export read halfway (another window may still be saving it) is kept.
    const fresh = value<{ exportId: string }>(await backend.dispatch('documents.csv', { trackId: ct })).exportId;
    await call(backend, 'documents.csv', { trackId: ct });
    const left = readdirSync(dir);
    expect(left).toContain(fresh);
    // (By name: a new export's random id may itself start with a 'b' or a 'c'.)
    for (const name of abandoned) expect(left).not.toContain(name);
    expect(existsSync(path.join(dir, fresh))).toBe(true);
  });
});
