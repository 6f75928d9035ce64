// Writing backups. Two ways, each where it fits:
// - `writeBackup` folds the write-ahead log into the database file (`wal_checkpoint(TRUNCATE)`)
//   and copies that file, synchronously, so nothing can write between the two; the file then holds
//   every committed change. A file copy is about three times faster than SQLite's online backup API
//   at 100k entries (0.1 against 0.3 s on an idle machine). When the checkpoint cannot complete
//   (another connection is reading a snapshot), it falls back to the online backup API
//   (db.backup), incremental. Daily, manual and pre-import backups use it.
// - `writeBackupNow` uses `VACUUM INTO`, which is synchronous: nothing else can write between the
//   snapshot and the next step. Used before a migration (openDatabase's hook is synchronous) and
//   before a restore (the live file is replaced in the same tick, so no late write can be lost).
// Either way the copy is written under a ".partial" name, switched to rollback-journal mode so it
// is one self-contained file, verified with `PRAGMA quick_check` opened read-only, and only then
// renamed to its final name. A crash mid-backup leaves a ".partial" file, never a bad backup;
// stale ones are removed at start-up and before the next backup (`removeStalePartials`).
// Why quick_check and not integrity_check: the copy is a page copy (file copy, backup API or
// VACUUM INTO) of a database that passed its start-up check, so what can go wrong is the writing
// of the copy (short write, disk error, a truncated file), and quick_check reads every page and
// proves each b-tree well formed. What integrity_check adds (every index entry matched against its
// row) cannot differ from the source in a page copy, and it cost 1.8 s of blocked main thread at
// 100k (0.14 s for quick_check). A backup is integrity_check-ed where it counts: before it is
// restored and before start-up offers it for recovery (see docs/decisions.md).
import Database from 'better-sqlite3';
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/result';
import type { BackupInfo, BackupReason } from '../../../shared/ipc/backups';
import type { DB } from '../db/open';
import { backupsDir, listBackups, newBackupName, syncDir, syncFile } from './files';
import { applyRetention } from './retain';
import { checkDatabaseFile } from './verify';

function finish(dataDir: string, partial: string, name: string): BackupInfo {
  // Make the copy a single self-contained file (no -wal needed to read it).
  const copy = new Database(partial, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const verdict = checkDatabaseFile(partial, 'quick');
  if (!verdict.ok) throw new AppFailure('storage', `The new backup did not pass its check, so it was discarded. ${verdict.reason}`);
  const final = path.join(backupsDir(dataDir), name);
  syncFile(partial);
  renameSync(partial, final);
  syncDir(backupsDir(dataDir));
  applyRetention(dataDir);
  const info = listBackups(dataDir).find((b) => b.name === name);
  if (!info) throw new AppFailure('internal', `The backup ${name} disappeared right after it was written.`);
  return info;
}

/** Partial copies this process is writing right now: never swept, whatever their age. */
const inProgress = new Set<string>();

/**
 * A ".partial" file not touched for this long was left by a crash (an online backup of a 100k log
 * takes seconds, and writes its copy all along): removed at start-up and before the next backup.
 * A younger one may belong to a backup still running (another window, a slow disk): left alone.
 */
export const STALE_PARTIAL_MS = 60 * 60 * 1000;

/** Removes the ".partial" files (and their -journal/-wal/-shm) that crashed backups left behind. */
export function removeStalePartials(dataDir: string, nowMs = Date.now()): string[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const base = /^(.*\.partial)(?:-journal|-wal|-shm)?$/.exec(name)?.[1];
    const file = path.join(dir, name);
    if (!base || inProgress.has(path.join(dir, base))) continue;
    try {
      if (nowMs - statSync(file).mtimeMs < STALE_PARTIAL_MS) continue;
      rmSync(file, { force: true });
      removed.push(file);
    } catch {
      // Gone already, or not ours to remove: a leftover is untidy, never harmful.
    }
  }
  return removed;
}

function prepare(dataDir: string, reason: BackupReason, instant: Date): { name: string; partial: string } {
  mkdirSync(backupsDir(dataDir), { recursive: true });
  removeStalePartials(dataDir);
  const name = newBackupName(dataDir, reason, instant);
  const partial = path.join(backupsDir(dataDir), `${name}.partial`);
  inProgress.add(partial);
  return { name, partial };
}

function discard(partial: string): void {
  for (const f of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
}

/**
 * A copy of the database file with every committed change, if one can be made by a plain file copy:
 * the log must fold into the file completely. The copy runs synchronously, so no write of this
 * process can come between the checkpoint and the copy (the app is the file's only process:
 * electron/main takes a single-instance lock). False on Windows, when the checkpoint could not
 * complete, or when the system refused the copy.
 */
export function copyCheckpointed(db: DB, partial: string): boolean {
  // Windows copies a file only when no handle has it open for writing (CopyFile's documented rule),
  // and the app's own connection does: there the online backup API is the way.
  if (process.platform === 'win32') return false;
  if (db.inTransaction || db.memory || String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return false;
  // TRUNCATE waits for readers through the busy handler: with a reader's snapshot open, that is the
  // whole busy timeout on the main thread. Not waiting at all, the online backup serves instead.
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  let result: { busy: number; log: number; checkpointed: number } | undefined;
  try {
    db.pragma('busy_timeout = 0');
    [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<typeof result>;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
  if (!result || result.busy !== 0 || result.log !== result.checkpointed) return false;
  try {
    copyFileSync(db.name, partial, constants.COPYFILE_EXCL);
  } catch {
    // A copy the system refuses is no reason to fail the backup: the online backup API reads
    // through SQLite instead.
    rmSync(partial, { force: true });
    return false;
  }
  return true;
}

/** Backup for daily, manual and pre-import use. Verified before it counts. */
export async function writeBackup(db: DB, dataDir: string, reason: BackupReason, instant: Date): Promise<BackupInfo> {
  const { name, partial } = prepare(dataDir, reason, instant);
  try {
    // The online backup in large steps: a 100k-entry log copies in a handful of event-loop turns.
    if (!copyCheckpointed(db, partial)) await db.backup(partial, { progress: () => 4096 });
    return finish(dataDir, partial, name);
  } catch (err) {
    discard(partial);
    throw err;
  } finally {
    inProgress.delete(partial);
  }
}

/** Synchronous snapshot backup, for the moments where nothing may slip in before the next step. */
export function writeBackupNow(db: DB, dataDir: string, reason: BackupReason, instant: Date): BackupInfo {
  const { name, partial } = prepare(dataDir, reason, instant);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    return finish(dataDir, partial, name);
  } catch (err) {
    discard(partial);
    throw err;
  } finally {
    inProgress.delete(partial);
  }
}

/** Serialises backup and restore work per data folder: a restore never swaps files under a running backup. */
const queues = new Map<string, Promise<unknown>>();

export function exclusive<T>(dataDir: string, work: () => Promise<T> | T): Promise<T> {
  const prev = queues.get(dataDir) ?? Promise.resolve();
  const next = prev.then(work, work);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(dataDir, settled);
  void settled.then(() => {
    if (queues.get(dataDir) === settled) queues.delete(dataDir);
  });
  return next;
}

/** The daily backup: taken at start-up when no backup of any kind exists for today's (UTC) date. */
export function isDailyBackupDue(dataDir: string, instant: Date): boolean {
  const today = instant.toISOString().slice(0, 10);
  return !listBackups(dataDir).some((b) => b.createdAt.slice(0, 10) === today);
}
