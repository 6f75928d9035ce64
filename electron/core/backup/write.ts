// Writing backups. Two ways, each where it fits:
// - `writeBackup` uses better-sqlite3's online backup API (db.backup): incremental, the app keeps
//   working while it runs. Daily, manual and pre-import backups use it.
// - `writeBackupNow` uses `VACUUM INTO`, which is synchronous: nothing else can write between the
//   snapshot and the next step. Used before a migration (openDatabase's hook is synchronous) and
//   before a restore (the live file is replaced in the same tick, so no late write can be lost).
// Either way the copy is written under a ".partial" name, switched to rollback-journal mode so it
// is one self-contained file, verified with `PRAGMA quick_check` opened read-only, and only then
// renamed to its final name. A crash mid-backup leaves a ".partial" file, never a bad backup;
// stale ones are removed at start-up and before the next backup (`removeStalePartials`).
// Why quick_check and not integrity_check: the copy is SQLite's own page copy (backup API or
// VACUUM INTO) of a database that passed its start-up check, so what can go wrong is the writing
// of the copy (short write, disk error, a truncated file), and quick_check reads every page and
// proves each b-tree well formed. What integrity_check adds (every index entry matched against its
// row) cannot differ from the source in a page copy, and it cost 1.8 s of blocked main thread at
// 100k (0.14 s for quick_check). A backup is integrity_check-ed where it counts: before it is
// restored and before start-up offers it for recovery (see docs/decisions.md).
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
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

/** Online backup (async, the app keeps working). Verified before it counts. */
export async function writeBackup(db: DB, dataDir: string, reason: BackupReason, instant: Date): Promise<BackupInfo> {
  const { name, partial } = prepare(dataDir, reason, instant);
  try {
    // Large steps: a 100k-entry log copies in a handful of event-loop turns.
    await db.backup(partial, { progress: () => 4096 });
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
