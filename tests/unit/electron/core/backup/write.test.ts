// How a backup copies the live database: a file copy once the write-ahead log is folded in, or
// SQLite's online backup when another connection's snapshot keeps the log from folding. Either way
// the backup holds every committed change, and nothing else.
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import { backupsDir } from '../../../../../electron/core/backup/files';
import { copyCheckpointed } from '../../../../../electron/core/backup/write';
import { databasePath } from '../../../../../electron/core/paths';
import type { BackupInfo } from '../../../../../shared/ipc/backups';
import { dumpDb, dumpFile, seedLog } from '../../../../helpers/db-dump';
import { fixedClock, tempDir } from '../../../../helpers/tmp';

function open(dataDir = tempDir()): Backend {
  return openBackend({ dataDir, host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T12:00:00Z') });
}

async function backup(backend: Backend, dataDir: string): Promise<string> {
  const r = await backend.dispatch('backups.create', undefined);
  if (!r.ok) throw new Error(r.error.message);
  return path.join(backupsDir(dataDir), (r.value as BackupInfo).name);
}

describe('writing a backup', () => {
  it('copies the file with every change still in the write-ahead log, and leaves the log empty', async () => {
    const dir = tempDir();
    const backend = open(dir);
    await backend.ready;
    backend.db.pragma('wal_autocheckpoint = 0'); // every write below stays in the log
    await seedLog(backend, 30);
    expect(statSync(`${databasePath(dir)}-wal`).size).toBeGreaterThan(0);
    const file = await backup(backend, dir);
    // The log was folded into the database file before the copy: the copy needs no log.
    expect(statSync(`${databasePath(dir)}-wal`).size).toBe(0);
    expect(dumpFile(file)).toEqual(dumpDb(backend.db));
    backend.close();
  });

  it("falls back to SQLite's online backup while another connection reads a snapshot, and still copies every change", async () => {
    const dir = tempDir();
    const backend = open(dir);
    await backend.ready;
    const trackId = await seedLog(backend, 10);
    // A reader holding a snapshot: the log cannot be folded in (wal_checkpoint reports busy).
    const reader = new Database(databasePath(dir), { readonly: true });
    reader.exec('BEGIN');
    const seen = (reader.prepare('SELECT COUNT(*) AS n FROM entries').get() as { n: number }).n;
    for (let i = 0; i < 5; i++) {
      const r = await backend.dispatch('entries.create', { trackId, performedOn: '2026-04-02', procedureName: `After the snapshot ${i}` });
      expect(r.ok).toBe(true);
    }
    const timeout = backend.db.pragma('busy_timeout', { simple: true });
    const file = await backup(backend, dir);
    expect(statSync(`${databasePath(dir)}-wal`).size).toBeGreaterThan(0);
    // The checkpoint did not wait for the reader (no busy timeout on the main thread), and the
    // connection's own timeout is back.
    expect(backend.db.pragma('busy_timeout', { simple: true })).toBe(timeout);
    const copied = new Database(file, { readonly: true });
    expect((copied.prepare('SELECT COUNT(*) AS n FROM entries').get() as { n: number }).n).toBe(seen + 5);
    copied.close();
    expect(dumpFile(file)).toEqual(dumpDb(backend.db));
    // The reader's snapshot was not disturbed.
    expect((reader.prepare('SELECT COUNT(*) AS n FROM entries').get() as { n: number }).n).toBe(seen);
    reader.exec('COMMIT');
    reader.close();
    backend.close();
  });

  it('reports a copy the system refuses, so the online backup can take over', async () => {
    const dir = tempDir();
    const backend = open(dir);
    await backend.ready;
    await seedLog(backend, 3);
    expect(copyCheckpointed(backend.db, path.join(dir, 'no-such-folder', 'copy.partial'))).toBe(false);
    expect(existsSync(path.join(dir, 'no-such-folder'))).toBe(false);
    backend.close();
  });
});
