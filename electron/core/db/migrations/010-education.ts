import type { Migration } from './types';

// Structured education and the exam-window lock date.
// - education_activities: what the user completed for structured education, per track (date, title,
//   provider, CE credits, content category, an optional certificate in `attachments`). Soft delete,
//   so the Log-style undo can bring one back.
// - education_categories: content categories a user names from ARRT's content specification for a
//   discipline whose categories RadLedger does not know (its catalog says categoriesKnown: false).
// - tracks.window_locked_on: the date whose 24-month window froze when the exam window was
//   assigned (the application date if known, else the assignment day). Stored, so editing the
//   planned application date later cannot bring expired entries back. Existing tracks with an exam
//   window get it from their dates, by the same rule the engine uses (windowLockDate).
export const m010Education: Migration = {
  version: 10,
  name: 'education',
  up(db) {
    db.exec(`
      ALTER TABLE tracks ADD COLUMN window_locked_on TEXT;
      UPDATE tracks SET window_locked_on =
        CASE WHEN planned_application_date IS NOT NULL AND planned_application_date <= exam_window_assigned_on
             THEN planned_application_date ELSE exam_window_assigned_on END
      WHERE exam_window_assigned_on IS NOT NULL;

      CREATE TABLE education_categories (
        id INTEGER PRIMARY KEY,
        track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
        category_key TEXT NOT NULL CHECK (length(category_key) BETWEEN 1 AND 80),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        created_at TEXT NOT NULL,
        UNIQUE (track_id, category_key)
      ) STRICT;

      CREATE TABLE education_activities (
        id INTEGER PRIMARY KEY,
        track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE RESTRICT,
        completed_on TEXT NOT NULL,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        provider TEXT NOT NULL DEFAULT '',
        credits REAL NOT NULL CHECK (credits > 0 AND credits <= 100),
        category_key TEXT NOT NULL CHECK (length(category_key) BETWEEN 1 AND 80),
        attachment_id INTEGER REFERENCES attachments(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX education_activities_track ON education_activities (track_id, completed_on) WHERE deleted_at IS NULL;
    `);
  },
};
