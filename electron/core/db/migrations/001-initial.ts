import type { Migration } from './types';

// The first schema: tracks, sites, log entries and the hash-chained audit log.
// Dates of procedures are local calendar days (TEXT 'YYYY-MM-DD'); instants are ISO-8601 UTC.
export const m001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE tracks (
        id INTEGER PRIMARY KEY,
        discipline TEXT NOT NULL,
        name TEXT NOT NULL,
        start_date TEXT NOT NULL,
        planned_application_date TEXT,
        exam_window_assigned_on TEXT,
        supporting_credential TEXT,
        mqsa_qualified_on TEXT,
        catalog_id INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        archived_at TEXT
      ) STRICT;

      CREATE TABLE sites (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE RESTRICT,
        performed_on TEXT NOT NULL,
        performed_at TEXT,
        procedure_id TEXT,
        procedure_name TEXT NOT NULL,
        site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL,
        verifier_id INTEGER,
        patient_marker INTEGER,
        simulated INTEGER NOT NULL DEFAULT 0 CHECK (simulated IN (0, 1)),
        notes TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'signed', 'entered', 'verified')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;

      -- The log's default order and the per-track aggregates read live entries by track and date.
      CREATE INDEX entries_track_date ON entries (track_id, performed_on DESC, id DESC)
        WHERE deleted_at IS NULL;

      -- Append-only. Each row's hash covers its content and the previous row's hash, so an edit
      -- to any past row made outside the app breaks the chain (see electron/core/audit.ts).
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'sign', 'void')),
        before_json TEXT,
        after_json TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);
    `);
  },
};
