// Where backups live and how they are named: `<dataDir>/backups/radledger-<instant>-<reason>.sqlite`.
// The name carries the instant and the reason, so listing needs no database table and a copy of
// the folder made by hand stays self-describing.
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { BACKUP_NAME_PATTERN, type BackupInfo, type BackupReason, BACKUP_REASONS } from '../../../shared/ipc/backups';

export const BACKUPS_DIR_NAME = 'backups';

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, BACKUPS_DIR_NAME);
}

/** 2026-11-24T12:00:00.000Z -> 2026-11-24T12-00-00-000Z (safe on every file system). */
function stamp(instant: Date): string {
  return instant.toISOString().replace(/[:.]/g, '-');
}

function unstamp(s: string): string {
  // 2026-11-24T12-00-00-000Z -> 2026-11-24T12:00:00.000Z
  return s.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
}

/** A fresh, unused backup file name for this instant and reason. */
export function newBackupName(dataDir: string, reason: BackupReason, instant: Date): string {
  const base = `radledger-${stamp(instant)}-${reason}`;
  let name = `${base}.sqlite`;
  for (let n = 2; existsSync(path.join(backupsDir(dataDir), name)); n++) name = `${base}-${n}.sqlite`;
  return name;
}

export function parseBackupName(name: string): { createdAt: string; reason: BackupReason } | null {
  const m = BACKUP_NAME_PATTERN.exec(name);
  if (!m) return null;
  const reason = m[2] as BackupReason;
  if (!BACKUP_REASONS.includes(reason)) return null;
  const createdAt = unstamp(m[1]!);
  return Number.isNaN(Date.parse(createdAt)) ? null : { createdAt, reason };
}

/** Every finished backup in the folder, newest first. Partial files (".partial") are not listed. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    out.push({ name, ...parsed, sizeBytes: statSync(path.join(dir, name)).size });
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
}

export function backupFile(dataDir: string, name: string): string {
  if (!parseBackupName(name)) throw new Error(`Not a backup name: ${name}`);
  return path.join(backupsDir(dataDir), name);
}

/** Forces a file's bytes to disk before it is renamed into place (copies are not synced by default). */
export function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable on POSIX. Windows cannot open a folder for syncing; NTFS journals the rename. */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported on this platform
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
