// "Back up to a file…" and "Save…" on a backup: backups.download copies the verified backup into
// the data folder's exports/ and the renderer reads it back in pieces (documents.readExport), the
// way the CSV of a log travels, so neither side ever holds the whole file as one base64 string.
// The saved file must be the backup, byte for byte; the backup itself must stay as it was; nothing
// may be left in exports/; and only a backup's own name may be asked for.
import { readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import { backupsDir } from '../../../../../electron/core/backup/files';
import { EXPORT_PIECE_BYTES, exportsDir, STALE_EXPORT_MS } from '../../../../../electron/core/exports';
import { call, importCsvText, readExported, stageBytes, value } from '../../../../helpers/backend';
import { fixedClock, tempDir } from '../../../../helpers/tmp';

let backend: Backend | undefined;
afterEach(() => backend?.close());

/** A log of `n` entries, with notes long enough to fill pages. */
function logCsv(n: number): string {
  const lines = ['Date,Time,Procedure,Site,Notes'];
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2025, 0, 1) + (i % 600) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${day},${String(7 + (i % 11)).padStart(2, '0')}:15,CT Head without contrast,Mercy General,"Row ${i}: routine protocol, contrast timing adjusted — ✓"`);
  }
  return lines.join('\r\n');
}

describe('backups.download of a database larger than one piece', () => {
  it('hands the backup over byte-identical in several pieces, leaves the backup as it was and nothing in exports/', async () => {
    const dataDir = tempDir('radledger-bkp-');
    backend = openBackend({ dataDir, host: 'preview', appVersion: 'test', now: fixedClock('2026-11-24T12:00:00Z') });
    const ct = (await call(backend, 'tracks.create', { discipline: 'CT', startDate: '2025-01-01' })).id;
    expect(await importCsvText(backend, ct, logCsv(6_000))).toBe(6_000);
    const made = await call(backend, 'backups.create', undefined);
    const backupFile = path.join(backupsDir(dataDir), made.name);
    // A backup two hours old: its copy must not look like an abandoned export to the next sweep.
    const old = (Date.now() - 2 * STALE_EXPORT_MS) / 1000;
    utimesSync(backupFile, old, old);
    const original = readFileSync(backupFile);
    const stat = statSync(backupFile);
    expect(original.length).toBeGreaterThan(2 * EXPORT_PIECE_BYTES);

    const file = await call(backend, 'backups.download', { name: made.name });
    expect(file).toMatchObject({ fileName: made.name, mime: 'application/vnd.sqlite3', bytes: original.length });
    const csv = await call(backend, 'documents.csv', { trackId: ct }); // another export sweeps exports/ meanwhile
    const got = await readExported(backend, file, 'backups.download');
    await readExported(backend, csv);
    expect(got.pieces).toBe(Math.ceil(original.length / EXPORT_PIECE_BYTES));
    expect(got.pieces).toBeGreaterThan(2);
    expect(got.bytes.equals(original)).toBe(true);

    // The backup itself: same bytes, same time, still listed; the hand-over copy is gone.
    expect(readFileSync(backupFile).equals(original)).toBe(true);
    expect(statSync(backupFile).mtimeMs).toBe(stat.mtimeMs);
    expect((await call(backend, 'backups.list', undefined)).backups.map((b) => b.name)).toContain(made.name);
    expect(readdirSync(exportsDir(dataDir))).toEqual([]);

    // The saved file is a sound database a restore accepts, with the whole log.
    const staged = value<{ preview: { entries: number } }>(await stageBytes(backend, made.name, got.bytes));
    expect(staged.preview.entries).toBe(6_000);
  });

  it('refuses a name that is not a backup of this data folder, and copies nothing', async () => {
    const dataDir = tempDir('radledger-bkp-');
    backend = openBackend({ dataDir, host: 'preview', appVersion: 'test', now: fixedClock('2026-11-24T12:00:00Z') });
    const made = await call(backend, 'backups.create', undefined);
    for (const name of ['../radledger.sqlite', 'radledger.sqlite', `${made.name}/../../radledger.sqlite`, `../backups/${made.name}`, `${made.name}\0`, made.name.replace('.sqlite', '.sqlite-wal')]) {
      expect(await backend.dispatch('backups.download', { name })).toMatchObject({ ok: false, error: { kind: 'validation' } });
    }
    const missing = 'radledger-2020-01-01T00-00-00-000Z-manual.sqlite';
    expect(await backend.dispatch('backups.download', { name: missing })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    const dir = exportsDir(dataDir);
    expect(readdirSync(path.dirname(dir)).includes('exports') ? readdirSync(dir) : []).toEqual([]);
  });
});
