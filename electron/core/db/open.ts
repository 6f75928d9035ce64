import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { migrations as defaultMigrations } from './migrations';
import type { Migration } from './migrations/types';
import { migrate, NewerDatabaseError, schemaVersion, type MigrateOptions } from './migrate';
import { readUserVersion } from './version';
import { cacheStatements } from './statement-cache';

export type DB = Database.Database;

export interface OpenOptions extends MigrateOptions {
  migrations?: readonly Migration[];
  readonly?: boolean;
}

/**
 * The one place a RadLedger database is opened. Every pragma is set on purpose:
 * - the schema version is read from the file's bytes (and its -wal) before any connection is
 *   opened, so a database from a newer RadLedger is refused with its bytes untouched;
 * - WAL: readers never block the writer, and a crash mid-write leaves the last commit intact;
 * - synchronous=FULL: a commit is on disk before the call returns, so an entry the user saw
 *   saved survives even a power cut (the cost is a few hundred microseconds per write);
 * - foreign_keys=ON: SQLite leaves it off by default;
 * - busy_timeout: a backup or a second window waits instead of failing at once;
 * - prepared statements are cached per connection (statement-cache.ts);
 * - temp_store=MEMORY: once an INSERT can fire a trigger (entry_counts), SQLite keeps a statement
 *   journal for it, and by default that journal is a temporary FILE: a one-row insert on a 100k
 *   log cost 0.54 ms instead of 0.32 ms, a bulk insert about twice as much per row (see
 *   docs/benchmarks.md, "Write cost of the schema"). The trade-off: temp b-trees of large sorts
 *   without an index (an ORDER BY over a whole 1M-row export) are built in RAM, not on disk.
 */
/**
 * SQLite's page cache per connection, in KiB. better-sqlite3 builds SQLite with 16 MiB; the file
 * itself stays in the operating system's cache, so a page SQLite no longer holds costs one pread,
 * and at 100k entries the 16 MiB cache was 16 MiB of the backend's resident memory.
 */
export const PAGE_CACHE_KIB = 4096;

export function openDatabase(file: string, options: OpenOptions = {}): DB {
  const list = options.migrations ?? defaultMigrations;
  const latest = list.at(-1)?.version ?? 0;
  const isNew = file === ':memory:' || !existsSync(file);
  if (!isNew) {
    // Before any connection exists: closing even a connection we only read through would fold a
    // pending WAL into the file and delete the -wal (see db/version.ts).
    const found = readUserVersion(file);
    if (found > latest) throw new NewerDatabaseError(found, latest);
  }
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    if (!isNew) {
      // A second look through SQLite itself, before any pragma below can write.
      const found = schemaVersion(db);
      if (found > latest) throw new NewerDatabaseError(found, latest);
    }
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    if (!options.readonly) migrate(db, list, options);
    cacheStatements(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
