import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { migrations as defaultMigrations } from './migrations';
import type { Migration } from './migrations/types';
import { migrate, NewerDatabaseError, schemaVersion, type MigrateOptions } from './migrate';

export type DB = Database.Database;

export interface OpenOptions extends MigrateOptions {
  migrations?: readonly Migration[];
  readonly?: boolean;
}

/**
 * The one place a RadLedger database is opened. Every pragma is set on purpose:
 * - the schema version is checked first, before anything writes to the file, so a database from
 *   a newer RadLedger is refused with its bytes untouched;
 * - WAL: readers never block the writer, and a crash mid-write leaves the last commit intact;
 * - synchronous=FULL: a commit is on disk before the call returns, so an entry the user saw
 *   saved survives even a power cut (the cost is a few hundred microseconds per write);
 * - foreign_keys=ON: SQLite leaves it off by default;
 * - busy_timeout: a backup or a second window waits instead of failing at once.
 */
export function openDatabase(file: string, options: OpenOptions = {}): DB {
  const list = options.migrations ?? defaultMigrations;
  const latest = list.at(-1)?.version ?? 0;
  const isNew = file === ':memory:' || !existsSync(file);
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    if (!isNew) {
      // Reading the header does not write; refuse before any pragma below can touch the file.
      const found = schemaVersion(db);
      if (found > latest) throw new NewerDatabaseError(found, latest);
    }
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    if (!options.readonly) migrate(db, list, options);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
