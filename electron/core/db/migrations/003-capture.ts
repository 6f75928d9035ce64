import type { Migration } from './types';

// Capture: the verifier remembered by the quick log, and the indexes that keep the log table's
// pages fast at 100,000 entries. Every index is partial on live rows (deleted_at IS NULL) because
// the log never shows soft-deleted entries, and each ends in (performed_on DESC, id DESC) so a page
// in the log's default order is read straight from the index, without a sort.
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
    `);
  },
};
