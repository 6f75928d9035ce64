import type { Database } from 'better-sqlite3';
import { AppFailure } from '../../../shared/result';
import type { Migration } from './migrations/types';

export interface MigrateOptions {
  /** Called once before any pending step runs (the backup hook lives here). */
  beforeMigrate?: (from: number, to: number) => void;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function assertOrdered(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    const prev = list[i - 1];
    if (prev && m.version <= prev.version) {
      throw new Error(`Migration ${m.name} (v${m.version}) must come after v${prev.version}.`);
    }
  });
}

export class NewerDatabaseError extends AppFailure {
  constructor(found: number, supported: number) {
    super(
      'newer-database',
      `This data file was written by a newer version of RadLedger (schema ${found}; this version understands up to ${supported}). ` +
        'Update RadLedger to open it. The file has not been changed.',
    );
  }
}

/**
 * Applies every pending migration in one transaction: either the database ends on the latest
 * version or it is left exactly as it was.
 */
export function migrate(db: Database, list: readonly Migration[], options: MigrateOptions = {}): number {
  assertOrdered(list);
  const latest = list.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) throw new NewerDatabaseError(current, latest);
  const pending = list.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  options.beforeMigrate?.(current, latest);
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return latest;
}
