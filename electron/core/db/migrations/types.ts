import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Strictly increasing; becomes PRAGMA user_version once applied. Never edit a shipped one. */
  version: number;
  name: string;
  up: (db: Database) => void;
}
