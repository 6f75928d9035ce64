// A large data file gets only the structure check before opening and its quick_check after the
// first screen. Forced here on a small file (fullCheckMaxBytes = 0) with real damage on disk.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../../../electron/core/backend';
import { databasePath } from '../../../../../electron/core/paths';
import { checkDatabaseAtStartup, checkLiveFileLater, RECHECK_MARKER_NAME } from '../../../../../electron/core/startup';
import { seedLog } from '../../../../helpers/db-dump';
import { fixedClock, tempDir } from '../../../../helpers/tmp';

const INSTANT = new Date('2026-11-24T12:00:00Z');

async function folderWith300Entries(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const backend = openBackend({ dataDir: dir, host: 'preview', appVersion: 't', now: fixedClock('2026-11-23T09:00:00Z') });
  await seedLog(backend, 300);
  backend.close();
  return { dir, file: databasePath(dir) };
}

/** Random bytes over the root page of `entries`: the schema still reads, quick_check fails. */
function damageEntriesRoot(file: string): void {
  const db = new Database(file, { readonly: true });
  const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'entries'").pluck().get() as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, randomBytes(pageSize), 0, pageSize, (root - 1) * pageSize);
  closeSync(fd);
}

describe('deferred start-up check of a large file', () => {
  it('defers only for files over the limit; a sound file passes both checks', async () => {
    const { dir, file } = await folderWith300Entries();
    expect(checkDatabaseAtStartup(file, dir, INSTANT).deferredCheck).toBe(false);
    expect(checkDatabaseAtStartup(file, dir, INSTANT, 0)).toEqual({ report: { created: false, damaged: null }, deferredCheck: true });
    expect(checkLiveFileLater(file, dir)).toBeNull();
    expect(existsSync(path.join(dir, RECHECK_MARKER_NAME))).toBe(false);
  });

  it('still refuses a truncated or non-SQLite file before opening it', async () => {
    const { dir, file } = await folderWith300Entries();
    truncateSync(file, statSync(file).size - 4096);
    const truncated = checkDatabaseAtStartup(file, dir, INSTANT, 0).report;
    expect(truncated.damaged?.reason).toMatch(/truncated/);
    writeFileSync(file, 'date,procedure\n2026-03-02,CT Head\n'.repeat(200));
    expect(checkDatabaseAtStartup(file, dir, INSTANT, 0).report.damaged?.reason).toMatch(/not a SQLite database/);
  });

  it('finds damage in the pages after start-up, tells the user, and the next start sets the file aside', async () => {
    const { dir, file } = await folderWith300Entries();
    damageEntriesRoot(file);
    const damagedBytes = readFileSync(file);
    const first = checkDatabaseAtStartup(file, dir, INSTANT, 0);
    // The structure check alone lets it through (the schema is intact)...
    expect(first).toEqual({ report: { created: false, damaged: null }, deferredCheck: true });
    // ...the quick_check after the first screen does not.
    expect(checkLiveFileLater(file, dir)).toMatch(/found damage in your data file after it started: The file is damaged/);
    expect(existsSync(path.join(dir, RECHECK_MARKER_NAME))).toBe(true);
    // Next start: size no longer matters, the full check runs first and the file goes aside intact.
    const next = checkDatabaseAtStartup(file, dir, INSTANT, 0).report;
    expect(next.damaged?.reason).toMatch(/The file is damaged/);
    expect(readFileSync(next.damaged!.keptAt[0]!).equals(damagedBytes)).toBe(true);
    expect(existsSync(path.join(dir, RECHECK_MARKER_NAME))).toBe(false);
  });
});
