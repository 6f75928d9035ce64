// A crash mid-backup leaves "<name>.partial" (and maybe its -journal) in backups/. Stale ones are
// removed at start-up and before the next backup; a partial that may still be being written (fresh)
// and every finished backup are left alone.
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../../../electron/core/backend';
import { backupsDir } from '../../../../../electron/core/backup/files';
import type { BackupInfo } from '../../../../../shared/ipc/backups';
import { value } from '../../../../helpers/backend';
import { fixedClock, tempDir } from '../../../../helpers/tmp';

const open = (dir: string) => openBackend({ dataDir: dir, host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T12:00:00Z') });

function leftover(dir: string, name: string, ageMs: number): string {
  mkdirSync(backupsDir(dir), { recursive: true });
  const file = path.join(backupsDir(dir), name);
  writeFileSync(file, 'half a copy');
  const t = new Date(Date.now() - ageMs);
  utimesSync(file, t, t);
  return file;
}

describe('leftover .partial backup files', () => {
  it('removes stale ones at start-up, keeps a fresh one and the finished backups', async () => {
    const dir = tempDir();
    const first = open(dir);
    const kept = value<BackupInfo>(await first.dispatch('backups.create', undefined));
    first.close();
    const stale = leftover(dir, 'radledger-2026-11-20T08-00-00-000Z-daily.sqlite.partial', 3 * 3600_000);
    const staleJournal = leftover(dir, 'radledger-2026-11-20T08-00-00-000Z-daily.sqlite.partial-journal', 3 * 3600_000);
    const fresh = leftover(dir, 'radledger-2026-11-24T11-59-00-000Z-manual.sqlite.partial', 5_000);

    const backend = open(dir);
    await backend.ready;
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(staleJournal)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(path.join(backupsDir(dir), kept.name))).toBe(true);
    backend.close();
  });

  it('removes stale ones before a backup too (an app left running for days)', async () => {
    const dir = tempDir();
    const backend = open(dir);
    const stale = leftover(dir, 'radledger-2026-11-21T08-00-00-000Z-manual.sqlite.partial', 2 * 3600_000);
    value<BackupInfo>(await backend.dispatch('backups.create', undefined));
    expect(existsSync(stale)).toBe(false);
    backend.close();
  });
});
