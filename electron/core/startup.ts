// Start-up integrity. Before the database is opened for writing, it is checked read-only with
// SQLite's quick_check. A large file (over FULL_CHECK_MAX_BYTES, ~15k entries) gets only the
// structure check first (header, length, schema: a millisecond) so the first screen is not held
// up by reading every page (0.14-0.5 s at 100k); its quick_check runs right after, on a read-only
// connection (`checkLiveFileLater`). If that finds damage, the user is told at once and the next
// start runs the full check before opening, which sets the file aside as below. A file that is damaged, unreadable or not a SQLite database at all is
// never overwritten or deleted: it is moved aside, byte for byte (a rename, with its -wal and -shm
// companions), into `<dataDir>/damaged/`, and the app starts on an empty log and offers the
// newest backup that passes an integrity check. An empty (zero-byte) file counts as damaged when
// such a backup exists; without one it is a new start, as SQLite would take it.
import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BackupInfo, DamagedFileReport, DataPreview } from '../../shared/ipc/backups';
import { AppFailure } from '../../shared/result';
import { backupFile, listBackups } from './backup/files';
import { checkDatabaseFile, previewDatabaseFile } from './backup/verify';
import { NewerDatabaseError } from './db/migrate';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import { readUserVersion } from './db/version';

export const DAMAGED_DIR_NAME = 'damaged';

export interface StartupReport {
  /** The database did not exist: a new, empty one was created. */
  created: boolean;
  damaged: DamagedFileReport | null;
}

const COMPANIONS = ['', '-wal', '-shm', '-journal'] as const;

/** Renames the data file and its companions into damaged/, unmodified. Returns the new paths. */
export function moveAside(file: string, dataDir: string, instant: Date): string[] {
  const dir = path.join(dataDir, DAMAGED_DIR_NAME);
  mkdirSync(dir, { recursive: true });
  const stamp = instant.toISOString().replace(/[:.]/g, '-');
  const base = path.basename(file, path.extname(file));
  const moved: string[] = [];
  try {
    for (const suffix of COMPANIONS) {
      const from = `${file}${suffix}`;
      if (!existsSync(from)) continue;
      const to = path.join(dir, `${base}-${stamp}${path.extname(file)}${suffix}`);
      renameSync(from, to);
      moved.push(to);
    }
  } catch (err) {
    throw new AppFailure(
      'storage',
      `RadLedger found your data file damaged but could not move it aside (${(err as Error).message}). ` +
        'Nothing was changed or deleted. Check the permissions of the data folder and start RadLedger again.',
    );
  }
  return moved;
}

/** The message for a data folder RadLedger may not write to (permissions, read-only disk). */
export function unwritableFolderFailure(dataDir: string): AppFailure {
  return new AppFailure(
    'storage',
    `RadLedger cannot write to its data folder (${dataDir}). Nothing was changed or deleted. ` +
      'Check that the folder and the files in it are writable by you (and that the disk is not read-only), then start RadLedger again.',
  );
}

/**
 * Refuses to start on a folder or data file we may not write, before anything else happens: such a
 * file is not damaged and must not be set aside, and SQLite would only fail later, less clearly.
 */
export function assertWritable(dataDir: string, file: string): void {
  try {
    accessSync(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
    if (existsSync(file)) accessSync(file, constants.R_OK | constants.W_OK);
  } catch {
    throw unwritableFolderFailure(dataDir);
  }
}

/** Files up to this size get their quick_check before opening: ~15k entries, tens of ms. */
export const FULL_CHECK_MAX_BYTES = 16 * 2 ** 20;

/** Left by a quick_check that failed after start-up: the next start checks fully before opening. */
export const RECHECK_MARKER_NAME = 'check-at-next-start';

/**
 * Checks the data file before it is opened for writing. A sound file, or no file, is left as it
 * is; anything else is moved aside and reported. `deferredCheck`: only the structure was checked,
 * and `checkLiveFileLater` must follow.
 */
export function checkDatabaseAtStartup(
  file: string,
  dataDir: string,
  instant: Date,
  fullCheckMaxBytes = FULL_CHECK_MAX_BYTES,
): { report: StartupReport; deferredCheck: boolean } {
  // A newer RadLedger's file is refused before any check opens it (even a read-only connection
  // writes read marks into the -shm): its bytes and companions stay exactly as they are.
  if (existsSync(file)) {
    const found = readUserVersion(file);
    if (found > LATEST_SCHEMA_VERSION) throw new NewerDatabaseError(found, LATEST_SCHEMA_VERSION);
  }
  assertWritable(dataDir, file);
  if (!existsSync(file)) return { report: { created: true, damaged: null }, deferredCheck: false };
  if (statSync(file).size === 0) {
    // What some sync tools and a full disk leave behind. SQLite would take it as a new, empty
    // database; with a verified backup at hand it is lost data, so it is handled as damage.
    if (newestGoodBackup(dataDir) === null) return { report: { created: true, damaged: null }, deferredCheck: false };
    const keptAt = moveAside(file, dataDir, instant);
    const reason = 'The data file is empty (0 bytes): a sync tool or a full disk may have emptied it.';
    return { report: { created: true, damaged: { reason, keptAt, detectedAt: instant.toISOString() } }, deferredCheck: false };
  }
  const marker = path.join(dataDir, RECHECK_MARKER_NAME);
  const deferredCheck = !existsSync(marker) && statSync(file).size > fullCheckMaxBytes;
  const verdict = checkDatabaseFile(file, deferredCheck ? 'structure' : 'quick');
  rmSync(marker, { force: true });
  if (verdict.ok) return { report: { created: false, damaged: null }, deferredCheck };
  const keptAt = moveAside(file, dataDir, instant);
  return { report: { created: true, damaged: { reason: verdict.reason, keptAt, detectedAt: instant.toISOString() } }, deferredCheck: false };
}

/**
 * The quick_check of a large data file, after the first screen, on its own read-only connection
 * (the live one keeps working). Returns what to tell the user, or null when the file is sound.
 * The file is open, so it cannot be set aside now: the marker makes the next start check it in
 * full before opening it, and set it aside there.
 */
export function checkLiveFileLater(file: string, dataDir: string): string | null {
  const verdict = checkDatabaseFile(file, 'quick');
  if (verdict.ok) return null;
  writeFileSync(path.join(dataDir, RECHECK_MARKER_NAME), `${verdict.reason}\n`);
  return (
    `RadLedger found damage in your data file after it started: ${verdict.reason} ` +
    'Restore the newest good backup (Settings, Backups & restore), or restart RadLedger: it will then set the damaged file aside, unmodified, and offer one.'
  );
}

/**
 * The newest backup that passes the full integrity check, with its preview: what recovery offers.
 * Full, not quick: backups are written with a quick check only, and this one is about to replace
 * the user's data (it runs only after damage was found, so its cost is paid rarely).
 */
export function newestGoodBackup(dataDir: string): (BackupInfo & { preview: DataPreview }) | null {
  for (const b of listBackups(dataDir)) {
    const file = backupFile(dataDir, b.name);
    if (!checkDatabaseFile(file, 'full').ok) continue;
    const preview = previewDatabaseFile(file);
    if (preview.supported) return { ...b, preview };
  }
  return null;
}

export interface RecoveryOffer {
  message: string;
  detail: string;
  /** The first button restores `restore` when set; the last one continues with an empty log. */
  buttons: string[];
  restore: string | null;
}

/** What the desktop app says at start-up after setting a damaged file aside. */
export function recoveryOffer(startup: StartupReport, dataDir: string): RecoveryOffer | null {
  if (!startup.damaged) return null;
  const good = newestGoodBackup(dataDir);
  const kept = `It was not changed or deleted: it is kept at ${startup.damaged.keptAt[0] ?? dataDir}.`;
  if (!good) {
    return {
      message: 'Your RadLedger data file is damaged, and there is no backup to restore.',
      detail: `${startup.damaged.reason} ${kept} RadLedger will start with an empty log.`,
      buttons: ['Start with an empty log'],
      restore: null,
    };
  }
  const p = good.preview;
  const range = p.firstDate ? `, ${p.firstDate} to ${p.lastDate}` : '';
  return {
    message: 'Your RadLedger data file is damaged. Restore the newest good backup?',
    detail:
      `${startup.damaged.reason} ${kept}\n\n` +
      `Newest good backup: ${good.createdAt.slice(0, 16).replace('T', ' ')} UTC — ${p.tracks.length} track(s), ${p.entries} entries${range}.`,
    buttons: ['Restore this backup', 'Start with an empty log'],
    restore: good.name,
  };
}
