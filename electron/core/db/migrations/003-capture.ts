import type { Migration } from './types';

// Capture: the verifier remembered by the quick log, and what keeps the log table fast at 100,000
// entries and beyond:
// - partial indexes on live rows (deleted_at IS NULL: the log never shows soft-deleted entries),
//   each ending in (performed_on DESC, id DESC) so a page in the log's order is read straight from
//   the index, without a sort;
// - entry_counts, kept by triggers, so the log's total (all tracks or one track) is a lookup instead
//   of counting every row, whichever code path inserts, deletes or restores an entry;
// - an index on patient_marker, so a fresh anonymous marker (max + 1) is not a full scan per entry.
export const m003Capture: Migration = {
  version: 3,
  name: 'capture',
  up(db) {
    db.exec(`
      ALTER TABLE entries ADD COLUMN verifier_name TEXT;

      -- First page of the whole log (all tracks).
      CREATE INDEX entries_live_date ON entries (performed_on DESC, id DESC)
        WHERE deleted_at IS NULL;
      -- Filters: status, site and procedure, alone or within one track.
      CREATE INDEX entries_status_date ON entries (status, performed_on DESC, id DESC)
        WHERE deleted_at IS NULL;
      CREATE INDEX entries_track_status_date ON entries (track_id, status, performed_on DESC, id DESC)
        WHERE deleted_at IS NULL;
      CREATE INDEX entries_site_date ON entries (site_id, performed_on DESC, id DESC)
        WHERE deleted_at IS NULL;
      CREATE INDEX entries_track_procedure_date ON entries (track_id, procedure_name, performed_on DESC, id DESC)
        WHERE deleted_at IS NULL;
      CREATE INDEX entries_procedure_date ON entries (procedure_name, performed_on DESC, id DESC)
        WHERE deleted_at IS NULL;
      CREATE INDEX entries_patient_marker ON entries (patient_marker);
      -- The track's last logged entry (site and verifier memory, "same patient as previous").
      CREATE INDEX entries_track_id ON entries (track_id, id) WHERE deleted_at IS NULL;

      CREATE TABLE entry_counts (
        track_id INTEGER PRIMARY KEY,
        live INTEGER NOT NULL CHECK (live >= 0)
      ) STRICT;
      INSERT INTO entry_counts (track_id, live)
        SELECT track_id, count(*) FROM entries WHERE deleted_at IS NULL GROUP BY track_id;

      CREATE TRIGGER entries_count_insert AFTER INSERT ON entries WHEN NEW.deleted_at IS NULL BEGIN
        INSERT INTO entry_counts (track_id, live) VALUES (NEW.track_id, 1)
          ON CONFLICT (track_id) DO UPDATE SET live = live + 1;
      END;
      CREATE TRIGGER entries_count_delete AFTER DELETE ON entries WHEN OLD.deleted_at IS NULL BEGIN
        UPDATE entry_counts SET live = live - 1 WHERE track_id = OLD.track_id;
      END;
      CREATE TRIGGER entries_count_update AFTER UPDATE OF deleted_at, track_id ON entries
        WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR OLD.track_id <> NEW.track_id BEGIN
        UPDATE entry_counts SET live = live - 1 WHERE track_id = OLD.track_id AND OLD.deleted_at IS NULL;
        INSERT INTO entry_counts (track_id, live) SELECT NEW.track_id, 1 WHERE NEW.deleted_at IS NULL
          ON CONFLICT (track_id) DO UPDATE SET live = live + 1;
      END;
    `);
  },
};
