// Checking a database file without changing it: open read-only, run SQLite's own checks, read the
// summary a person needs before restoring it.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { PAGE_CACHE_KIB } from '../db/open';
import type { DataPreview } from '../../../shared/ipc/backups';
import { AppFailure } from '../../../shared/result';

/**
 * `structure`: the header (SQLite magic; the file as long as the header says) and the schema read,
 * in a millisecond at any size; `quick`: quick_check, every page and b-tree (0.14-0.5 s at 100k);
 * `full`: integrity_check, every index entry matched against its row too (1.8-3.8 s at 100k).
 */
export type CheckDepth = 'structure' | 'quick' | 'full';

export type FileVerdict = { ok: true } | { ok: false; reason: string };

function sqliteCode(err: unknown): string {
  return (err as { code?: string } | null)?.code ?? '';
}

/** Plain words for why a file is not a usable database. */
export function describeOpenFailure(err: unknown): string {
  switch (sqliteCode(err)) {
    case 'SQLITE_NOTADB':
      return 'The file is not a SQLite database (it may have been overwritten by another program).';
    case 'SQLITE_CORRUPT':
      return 'The file is damaged: SQLite found pages it cannot read.';
    case 'SQLITE_CANTOPEN':
    case 'EACCES':
    case 'EPERM':
      return 'The file cannot be read (check its permissions).';
    case 'SQLITE_IOERR_SHORT_READ':
    case 'SQLITE_IOERR':
      return 'The file could not be read completely (it may be truncated).';
    default:
      return `The file could not be checked: ${err instanceof Error ? err.message : String(err)}`;
  }
}

const HEADER_BYTES = 100;

/** What the 100-byte header says is wrong with the file, or null. Reads only the header. */
function headerProblem(file: string): string | null {
  const header = Buffer.alloc(HEADER_BYTES);
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  if (size < HEADER_BYTES || header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return describeOpenFailure({ code: 'SQLITE_NOTADB' });
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  // The page count at offset 28 is valid when "version-valid-for" (92) matches the change counter (24).
  const pages = header.readUInt32BE(24) === header.readUInt32BE(92) ? header.readUInt32BE(28) : 0;
  if (size % pageSize !== 0 || pages * pageSize > size) return describeOpenFailure({ code: 'SQLITE_IOERR_SHORT_READ' });
  return null;
}

/**
 * Opens the file read-only and runs the check of `depth`: `structure` (start-up of a large file,
 * whose quick_check follows after the first screen), `quick` (start-up, a freshly written backup)
 * or `full` (a restore source or recovery candidate). Read-only: a damaged file is never modified by being checked.
 */
export function checkDatabaseFile(file: string, depth: CheckDepth): FileVerdict {
  // A read-only open of a WAL-mode file creates empty -wal/-shm files; remove only those we made,
  // so a file set aside afterwards is exactly what was there.
  const companions = ['-wal', '-shm'].map((s) => `${file}${s}`).filter((f) => !existsSync(f));
  let db: Database.Database | undefined;
  try {
    if (depth === 'structure') {
      const problem = headerProblem(file);
      if (problem) return { ok: false, reason: problem };
    }
    db = new Database(file, { readonly: true, fileMustExist: true });
    // A check reads every page once: SQLite's default 16 MiB page cache would fill and stay in the
    // process's memory after close (the allocator keeps it); the app's own cache size is plenty.
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    if (depth === 'structure') {
      // Parsing the schema reads every page of sqlite_master; the user_version is in the header.
      db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
      db.pragma('user_version', { simple: true });
      return { ok: true };
    }
    const pragma = depth === 'quick' ? 'quick_check' : 'integrity_check';
    const rows = db.pragma(pragma) as Array<Record<string, string>>;
    const messages = rows.map((r) => Object.values(r)[0] ?? '');
    if (messages.length === 1 && messages[0] === 'ok') return { ok: true };
    return { ok: false, reason: `The file is damaged: SQLite's ${pragma} found ${messages.length} problem(s), e.g. "${messages[0]}".` };
  } catch (err) {
    // Busy is not damage: another program holds the file. Say so and touch nothing.
    if (/^SQLITE_(BUSY|LOCKED)/.test(sqliteCode(err))) {
      throw new AppFailure('storage', 'The data file is in use by another program (is RadLedger already running?). Nothing was changed.');
    }
    return { ok: false, reason: describeOpenFailure(err) };
  } finally {
    db?.close();
    for (const f of companions) rmSync(f, { force: true });
  }
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Summarises a RadLedger database file for a restore preview. Read-only. */
export function previewDatabaseFile(file: string): DataPreview {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion === 0 || !hasTable(db, 'tracks') || !hasTable(db, 'entries')) {
      // Not a RadLedger database (or one from a version whose tables we cannot read).
      return { schemaVersion, supported: false, tracks: [], entries: 0, firstDate: null, lastDate: null };
    }
    const tracks = db
      .prepare(
        `SELECT t.id, t.name, t.discipline,
                (SELECT count(*) FROM entries e WHERE e.track_id = t.id AND e.deleted_at IS NULL) AS entries
         FROM tracks t ORDER BY t.id`,
      )
      .all() as DataPreview['tracks'];
    const agg = db
      .prepare('SELECT count(*) AS n, min(performed_on) AS first, max(performed_on) AS last FROM entries WHERE deleted_at IS NULL')
      .get() as { n: number; first: string | null; last: string | null };
    return {
      schemaVersion,
      supported: schemaVersion <= LATEST_SCHEMA_VERSION,
      tracks,
      entries: agg.n,
      firstDate: agg.first,
      lastDate: agg.last,
    };
  } finally {
    db.close();
  }
}
