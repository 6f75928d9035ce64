// Damage done for real to the data file on disk: each kind is detected at start-up, the file is
// set aside byte for byte, the app starts on an empty log, and the newest good backup restores.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import { databasePath } from '../../../../../electron/core/paths';
import { recoveryOffer } from '../../../../../electron/core/startup';
import type { BackupInfo, BackupsOverview } from '../../../../../shared/ipc/backups';
import { dumpDb, type Dump, seedLog } from '../../../../helpers/db-dump';
import { fixedClock, tempDir } from '../../../../helpers/tmp';
import { value } from '../../../../helpers/backend';

function open(dataDir: string, iso = '2026-11-24T12:00:00Z'): Backend {
  return openBackend({ dataDir, host: 'preview', appVersion: 't', now: fixedClock(iso) });
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A data folder with 300 entries and a manual backup of them; the database is closed cleanly. */
async function preparedFolder(): Promise<{ dir: string; file: string; saved: Dump }> {
  const dir = tempDir();
  const backend = open(dir, '2026-11-23T09:00:00Z');
  await seedLog(backend, 300);
  value<BackupInfo>(await backend.dispatch('backups.create', undefined));
  const saved = dumpDb(backend.db);
  backend.close();
  return { dir, file: databasePath(dir), saved };
}

const damages: Array<[string, (file: string) => void, RegExp]> = [
  ['a truncated file', (file) => truncateSync(file, Math.floor(statSync(file).size / 2)), /damaged|truncated|could not be read/],
  [
    'a file with garbage written into its pages',
    (file) => {
      const fd = openSync(file, 'r+');
      // Pages 2-4 (4 KiB pages): table and index b-tree pages of the log.
      writeSync(fd, randomBytes(3 * 4096), 0, 3 * 4096, 4096);
      closeSync(fd);
    },
    /damaged/,
  ],
  // What some sync tools and a full disk leave: with verified backups there, it is data lost, not a new start.
  ['an empty (zero-byte) file', (file) => truncateSync(file, 0), /empty \(0 bytes\)/],
  ['a non-SQLite file named like the database', (file) => writeFileSync(file, 'date,procedure\n2026-03-02,CT Head\n'.repeat(200)), /not a SQLite database/],
];

describe('start-up integrity', () => {
  it.each(damages)('detects %s, keeps it aside unmodified, and recovers from the newest good backup', async (_name, damage, reason) => {
    const { dir, file, saved } = await preparedFolder();
    expect(existsSync(`${file}-wal`)).toBe(false);
    damage(file);
    const damagedBytes = readFileSync(file);

    const backend = open(dir);
    expect(backend.startup.damaged?.reason).toMatch(reason);
    const keptAt = backend.startup.damaged!.keptAt;
    expect(keptAt).toHaveLength(1);
    expect(sha(readFileSync(keptAt[0]!))).toBe(sha(damagedBytes));
    // The app runs, on an empty log, and says what happened.
    expect(value<{ total: number }>(await backend.dispatch('entries.list', {})).total).toBe(0);

    const overview = value<BackupsOverview>(await backend.dispatch('backups.list', undefined));
    expect(overview.damaged?.keptAt).toEqual(keptAt);
    expect(overview.newestGoodBackup?.reason).toBe('manual');
    expect(overview.newestGoodBackup?.preview.entries).toBe(300);
    // The desktop app's start-up dialog offers exactly that backup.
    const offer = recoveryOffer(backend.startup, dir);
    expect(offer?.restore).toBe(overview.newestGoodBackup!.name);
    expect(offer?.detail).toContain(keptAt[0]);
    expect(offer?.detail).toContain('1 track(s), 300 entries, 2026-02-01 to 2026-10-28');

    await backend.dispatch('backups.restore', { source: { kind: 'backup', name: overview.newestGoodBackup!.name } });
    expect(dumpDb(backend.db)).toEqual(saved);
    expect(value<BackupsOverview>(await backend.dispatch('backups.list', undefined)).damaged).toBeNull();
    backend.close();
    // Recovery never touched the damaged copy.
    expect(sha(readFileSync(keptAt[0]!))).toBe(sha(damagedBytes));
  });

  it('skips a damaged backup when offering the newest good one', async () => {
    const { dir, file } = await preparedFolder();
    const b2 = open(dir, '2026-11-23T10:00:00Z');
    const newer = value<BackupInfo>(await b2.dispatch('backups.create', undefined));
    b2.close();
    writeFileSync(`${dir}/backups/${newer.name}`, 'garbage');
    writeFileSync(file, 'garbage');
    const backend = open(dir);
    const overview = value<BackupsOverview>(await backend.dispatch('backups.list', undefined));
    expect(overview.newestGoodBackup?.name).not.toBe(newer.name);
    expect(overview.newestGoodBackup?.preview.entries).toBe(300);
    backend.close();
  });

  it('takes an empty file as a new start when there is no backup to offer', () => {
    const dir = tempDir();
    writeFileSync(databasePath(dir), '');
    const backend = open(dir);
    expect(backend.startup.damaged).toBeNull();
    expect(existsSync(`${dir}/damaged`)).toBe(false);
    backend.close();
  });

  it('leaves a sound database exactly where it is', async () => {
    const { dir, saved } = await preparedFolder();
    const backend = open(dir);
    expect(backend.startup).toEqual({ created: false, damaged: null });
    expect(dumpDb(backend.db)).toEqual(saved);
    backend.close();
  });
});
