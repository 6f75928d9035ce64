// Restore: replace the live database with a backup or a file the user picked, safely while the
// backend is running. Order of steps, each one safe to crash after:
//   1. the source is checked (integrity_check) and summarised; a newer-schema file is refused;
//   2. it is copied next to the live file as "<db>.incoming" and synced;
//   3. the current data is backed up (pre-restore, verified) — this is what undo restores;
//   4. the database is closed, "<db>.incoming" is renamed over the live file (atomic), reopened
//      and migrated if the source is older. If reopening fails, the pre-restore copy goes back.
// Steps 3 and 4 run in the same tick, so no write from another request can land in between.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo, DataPreview, RestoreSource } from '../../../shared/ipc/backups';
import { AppFailure } from '../../../shared/result';
import type { Ctx } from '../context';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { backupFile, syncDir, syncFile } from './files';
import { liveDatabase } from './live';
import { checkDatabaseFile, previewDatabaseFile } from './verify';
import { exclusive, writeBackupNow } from './write';

export const STAGING_DIR_NAME = 'restore-staging';
const STAGED_KEPT = 3;

function stagingDir(dataDir: string): string {
  return path.join(dataDir, STAGING_DIR_NAME);
}

export function sourcePath(dataDir: string, source: RestoreSource): string {
  switch (source.kind) {
    case 'backup': {
      const file = backupFile(dataDir, source.name);
      if (!existsSync(file)) throw new AppFailure('not-found', `The backup ${source.name} no longer exists.`);
      return file;
    }
    case 'staged': {
      const file = path.join(stagingDir(dataDir), `${source.id}.sqlite`);
      if (!existsSync(file)) throw new AppFailure('not-found', 'That file is no longer staged; choose it again.');
      return file;
    }
  }
}

/** Checks a file fully and reads its summary; refuses what cannot be restored. */
export function inspectRestorable(file: string): DataPreview {
  const verdict = checkDatabaseFile(file, 'full');
  if (!verdict.ok) throw new AppFailure('corrupt-database', `This file cannot be restored. ${verdict.reason}`);
  const preview = previewDatabaseFile(file);
  if (preview.schemaVersion <= LATEST_SCHEMA_VERSION && !preview.supported) {
    throw new AppFailure('validation', 'This file is a SQLite database but not a RadLedger one.');
  }
  if (!preview.supported) {
    throw new AppFailure('newer-database', `This file was written by a newer RadLedger (schema ${preview.schemaVersion}). Update RadLedger to restore it.`);
  }
  return preview;
}

/**
 * Keeps a file the user picked under restore-staging/, in rollback-journal mode so it can be read
 * on its own, and returns its id and preview. Only the newest few staged files are kept. The file
 * comes as its bytes, or is put in place by `place` (an upload moved there, exports.takeUpload).
 */
export function stageFile(dataDir: string, bytes: Buffer | ((file: string) => void)): { id: string; preview: DataPreview } {
  const dir = stagingDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const old = readdirSync(dir)
    .map((name) => ({ name, at: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at)
    .slice(STAGED_KEPT - 1);
  for (const o of old) rmSync(path.join(dir, o.name), { force: true });

  const id = randomBytes(8).toString('hex');
  const file = path.join(dir, `${id}.sqlite`);
  if (typeof bytes === 'function') bytes(file);
  else writeFileSync(file, bytes);
  try {
    // A copy of a live database carries the WAL flag in its header; make the staged copy
    // self-contained. This touches only our copy, never the user's original file.
    const db = new Database(file, { fileMustExist: true });
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
  } catch {
    // Not a database at all: inspectRestorable below says so in plain words.
  }
  try {
    return { id, preview: inspectRestorable(file) };
  } catch (err) {
    rmSync(file, { force: true });
    throw err;
  }
}

/**
 * Swaps `incoming` (a checked database file on the same disk as the live one) in for the live
 * database. Returns the pre-restore backup, which undo restores. Call inside `exclusive`.
 */
export function swapInDatabase(ctx: Ctx, incoming: string): BackupInfo {
  const live = liveDatabase(ctx);
  const undo = writeBackupNow(ctx.db, ctx.dataDir, 'pre-restore', ctx.now());
  const dir = path.dirname(ctx.databaseFile);
  const moveIn = (from: string) => (file: string) => {
    // After a clean close SQLite has folded and removed the -wal; anything left belongs to the
    // old data (already in the pre-restore backup) and must not be replayed into the new file.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
    renameSync(from, file);
    syncDir(dir);
  };
  try {
    live.reopen(moveIn(incoming));
  } catch (err) {
    const back = `${ctx.databaseFile}.incoming`;
    copyFileSync(backupFile(ctx.dataDir, undo.name), back);
    syncFile(back);
    live.reopen(moveIn(back));
    throw err instanceof AppFailure ? err : new AppFailure('storage', `The restore failed and your data was put back as it was: ${String(err)}`);
  }
  // A damaged file set aside at start-up is now dealt with (it stays in damaged/ all the same).
  live.startup.damaged = null;
  return undo;
}

/** Restores a backup or staged file. */
export function restoreDatabase(ctx: Ctx, source: RestoreSource): Promise<{ preview: DataPreview; undo: BackupInfo }> {
  return exclusive(ctx.dataDir, () => {
    const src = sourcePath(ctx.dataDir, source);
    const preview = inspectRestorable(src);
    const incoming = `${ctx.databaseFile}.incoming`;
    copyFileSync(src, incoming);
    syncFile(incoming);
    try {
      return { preview, undo: swapInDatabase(ctx, incoming) };
    } finally {
      rmSync(incoming, { force: true });
    }
  });
}
