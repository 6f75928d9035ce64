import type { Migration } from './types';

// Import history: a spreadsheet import becomes a record (file, when, how many rows went in and how
// many were skipped), and each entry it created carries its import id, so "undo this import" later
// deletes exactly those entries and never one logged before or after it. Name maps remember how the
// user matched a file's procedure and site names to RadLedger's, for the next import.
export const m012ImportHistory: Migration = {
  version: 12,
  name: 'import-history',
  up(db) {
    db.exec(`
      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE RESTRICT,
        file_name TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        rows_in_file INTEGER NOT NULL CHECK (rows_in_file >= 0),
        imported INTEGER NOT NULL CHECK (imported >= 0),
        skipped_duplicates INTEGER NOT NULL DEFAULT 0 CHECK (skipped_duplicates >= 0),
        skipped_summary INTEGER NOT NULL DEFAULT 0 CHECK (skipped_summary >= 0),
        undone_at TEXT
      ) STRICT;

      ALTER TABLE entries ADD COLUMN import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL;
      CREATE INDEX entries_import ON entries (import_id) WHERE import_id IS NOT NULL;

      -- kind 'procedure': source (a file's name) -> a catalog procedure id and name, per discipline;
      -- kind 'site': source -> target site name (scope '').
      CREATE TABLE import_name_maps (
        kind TEXT NOT NULL CHECK (kind IN ('procedure', 'site')),
        scope TEXT NOT NULL,
        source TEXT NOT NULL COLLATE NOCASE,
        target_id TEXT,
        target_name TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (kind, scope, source)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
