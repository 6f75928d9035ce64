import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import { listBackups } from '../../../../../electron/core/backup/files';
import { checkDatabaseFile, previewDatabaseFile } from '../../../../../electron/core/backup/verify';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../../../electron/core/db/migrations';
import { openDatabase } from '../../../../../electron/core/db/open';
import { databasePath } from '../../../../../electron/core/paths';
import type { BackupInfo, DataPreview } from '../../../../../shared/ipc/backups';
import { dumpDb, seedLog } from '../../../../helpers/db-dump';
import { fixedClock, tempDir } from '../../../../helpers/tmp';
import { readExported, stageBytes, value } from '../../../../helpers/backend';

const clock = fixedClock('2026-11-24T12:00:00Z');

function open(dataDir: string): Backend {
  return openBackend({ dataDir, host: 'preview', appVersion: 't', now: clock });
}

describe('backup and restore', () => {
  it('backup -> wipe -> restore gives identical data, row by row, while the backend stays open', async () => {
    const dir = tempDir();
    const backend = open(dir);
    await seedLog(backend, 120);
    const before = dumpDb(backend.db);
    const backup = value<BackupInfo>(await backend.dispatch('backups.create', undefined));
    expect(backup.reason).toBe('manual');
    expect(checkDatabaseFile(path.join(dir, 'backups', backup.name), 'full')).toEqual({ ok: true });

    // Wipe: the live file is deleted and a new empty database takes its place.
    backend.reopen((file) => {
      for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
    });
    expect(value<{ total: number }>(await backend.dispatch('entries.list', {})).total).toBe(0);

    const preview = value<DataPreview>(await backend.dispatch('backups.preview', { source: { kind: 'backup', name: backup.name } }));
    expect(preview.entries).toBe(120);
    expect(preview.tracks).toEqual([{ id: 1, name: 'Computed Tomography', discipline: 'CT', entries: 120 }]);
    expect(preview.firstDate).toBe('2026-02-01');

    const restored = value<{ undo: BackupInfo }>(await backend.dispatch('backups.restore', { source: { kind: 'backup', name: backup.name } }));
    expect(dumpDb(backend.db)).toEqual(before);
    expect(restored.undo.reason).toBe('pre-restore');
    backend.close();

    // And it is on disk, not only in the open connection.
    const again = open(dir);
    expect(dumpDb(again.db)).toEqual(before);
    again.close();
  });

  it('undo of a restore brings back exactly the data from before the restore', async () => {
    const dir = tempDir();
    const backend = open(dir);
    await seedLog(backend, 10);
    const old = value<BackupInfo>(await backend.dispatch('backups.create', undefined));
    await seedLog(backend, 5);
    const current = dumpDb(backend.db);

    const { undo } = value<{ undo: BackupInfo }>(await backend.dispatch('backups.restore', { source: { kind: 'backup', name: old.name } }));
    expect(value<{ total: number }>(await backend.dispatch('entries.list', {})).total).toBe(10);

    await backend.dispatch('backups.restore', { source: { kind: 'backup', name: undo.name } });
    expect(dumpDb(backend.db)).toEqual(current);
    backend.close();
  });

  it('restores a file the user picked after a preview, and refuses a file that is not a database', async () => {
    const dir = tempDir();
    const backend = open(dir);
    await seedLog(backend, 7);
    const b = value<BackupInfo>(await backend.dispatch('backups.create', undefined));
    const bytes = (await readExported(backend, value<{ exportId: string; bytes: number }>(await backend.dispatch('backups.download', { name: b.name })))).bytes;

    const other = open(tempDir());
    const staged = value<{ source: { kind: 'staged'; id: string }; preview: DataPreview }>(
      await stageBytes(other, 'my-log.sqlite', bytes),
    );
    expect(staged.preview.entries).toBe(7);
    await other.dispatch('backups.restore', { source: staged.source });
    expect(dumpDb(other.db)).toEqual(dumpDb(backend.db));

    const bad = await stageBytes(other, 'notes.txt', Buffer.from('hello, not sqlite'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.kind).toBe('corrupt-database');
    other.close();
    backend.close();
  });

  it("restores a copy of another computer's live data file (WAL-mode header, no -wal beside it)", async () => {
    const otherDir = tempDir();
    const other = open(otherDir);
    await seedLog(other, 12);
    const expected = dumpDb(other.db);
    other.close();
    const bytes = readFileSync(databasePath(otherDir));
    expect(bytes[18]).toBe(2); // the header says WAL

    const backend = open(tempDir());
    const staged = value<{ source: { kind: 'staged'; id: string }; preview: DataPreview }>(
      await stageBytes(backend, 'radledger.sqlite', bytes),
    );
    expect(staged.preview.entries).toBe(12);
    value(await backend.dispatch('backups.restore', { source: staged.source }));
    expect(dumpDb(backend.db)).toEqual(expected);
    backend.close();
  });

  it('takes a verified daily backup at start-up once a day, not for a brand-new file', async () => {
    const dir = tempDir();
    const first = open(dir);
    await seedLog(first, 3);
    await first.ready;
    first.close();
    expect(listBackups(dir)).toEqual([]); // a brand-new file: nothing to back up yet

    const second = open(dir);
    await second.ready;
    second.close();
    const third = open(dir);
    await third.ready;
    third.close();
    const daily = listBackups(dir);
    expect(daily.map((b) => b.reason)).toEqual(['daily']);
    expect(daily[0]!.createdAt).toBe('2026-11-24T12:00:00.000Z');
    expect(existsSync(path.join(dir, 'backups', `${daily[0]!.name}.partial`))).toBe(false);
  });

  it('backs up a database from an older version before migrating it, verified and at the old schema', () => {
    const dir = tempDir();
    const file = databasePath(dir);
    const v1 = openDatabase(file, { migrations: migrations.filter((m) => m.version === 1) });
    v1.prepare(
      "INSERT INTO tracks (discipline, name, start_date, created_at, updated_at) VALUES ('MR', 'MRI', '2026-01-05', 'x', 'x')",
    ).run();
    v1.close();
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThan(1);

    const backend = open(dir);
    backend.close();
    const pre = listBackups(dir).filter((b) => b.reason === 'pre-migration');
    expect(pre).toHaveLength(1);
    const copy = path.join(dir, 'backups', pre[0]!.name);
    expect(checkDatabaseFile(copy, 'full')).toEqual({ ok: true });
    expect(previewDatabaseFile(copy)).toMatchObject({ schemaVersion: 1, tracks: [{ name: 'MRI', discipline: 'MR', entries: 0 }] });
  });
});
