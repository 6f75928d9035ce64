// Refusing a database from a newer RadLedger must not change it, even when the newer app crashed
// with commits still in the -wal file (the version itself may be one of them): the bytes of the
// database, -wal and -shm are identical afterwards and the companions are still there.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../../../electron/core/backend';
import { openDatabase } from '../../../../../electron/core/db/open';
import { NewerDatabaseError } from '../../../../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION } from '../../../../../electron/core/db/migrations';
import { readUserVersion } from '../../../../../electron/core/db/version';
import { databasePath } from '../../../../../electron/core/paths';
import { tempDir } from '../../../../helpers/tmp';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const COMPANIONS = ['', '-wal', '-shm'];

/** A data folder as a newer RadLedger leaves it when killed: version `onDisk` in the main file, `inWal` in the pending WAL. */
function crashedNewerFolder(onDisk: number, inWal: number): string {
  const live = tempDir();
  const file = databasePath(live);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE future_things (id INTEGER PRIMARY KEY, note TEXT)');
  db.pragma(`user_version = ${onDisk}`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_autocheckpoint = 0');
  const insert = db.prepare('INSERT INTO future_things (note) VALUES (?)');
  for (let i = 0; i < 200; i++) insert.run(`row ${i} `.repeat(20));
  db.pragma(`user_version = ${inWal}`);
  insert.run('last');
  // Copy while the connection is open: exactly the files a crash leaves behind.
  const crashed = tempDir();
  for (const s of COMPANIONS) copyFileSync(`${file}${s}`, `${databasePath(crashed)}${s}`);
  db.close();
  return crashed;
}

describe('a database from a newer RadLedger with a pending WAL', () => {
  it('reads the version the WAL holds, without any connection', () => {
    const dir = crashedNewerFolder(3, LATEST_SCHEMA_VERSION + 7);
    expect(readUserVersion(databasePath(dir))).toBe(LATEST_SCHEMA_VERSION + 7);
    const older = crashedNewerFolder(LATEST_SCHEMA_VERSION + 2, 4);
    expect(readUserVersion(databasePath(older))).toBe(4);
  });

  it('is refused at start-up, and its database, -wal and -shm bytes are identical afterwards', () => {
    for (const [onDisk, inWal] of [
      [LATEST_SCHEMA_VERSION, LATEST_SCHEMA_VERSION + 5],
      [LATEST_SCHEMA_VERSION + 5, LATEST_SCHEMA_VERSION + 6],
    ] as const) {
      const dir = crashedNewerFolder(onDisk, inWal);
      const file = databasePath(dir);
      const before = COMPANIONS.map((s) => sha(`${file}${s}`));
      expect(readFileSync(`${file}-wal`).length).toBeGreaterThan(100_000);

      expect(() => openBackend({ dataDir: dir, host: 'preview', appVersion: 't' })).toThrow(NewerDatabaseError);
      expect(() => openDatabase(file)).toThrow(/newer version of RadLedger.*has not been changed/);

      for (const s of COMPANIONS) expect(existsSync(`${file}${s}`)).toBe(true);
      expect(COMPANIONS.map((s) => sha(`${file}${s}`))).toEqual(before);
    }
  });
});
