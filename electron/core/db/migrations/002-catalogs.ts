import type { Migration } from './types';

// Requirement catalogs saved by the user (filled from an ARRT worksheet, imported, or custom).
// A row is one immutable revision: saving a changed catalog inserts revision n+1 under the same
// key, so a track that points at a revision never sees its requirements change under its log.
// Shipped catalogs live in resources/catalogs/ and are copied in as a revision when a track uses one.
export const m002Catalogs: Migration = {
  version: 2,
  name: 'catalogs',
  up(db) {
    db.exec(`
      CREATE TABLE catalogs (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        discipline TEXT NOT NULL,
        version_label TEXT NOT NULL,
        json TEXT NOT NULL CHECK (json_valid(json)),
        revision INTEGER NOT NULL CHECK (revision >= 1),
        created_at TEXT NOT NULL,
        UNIQUE (key, revision)
      ) STRICT;

      -- Revisions are never edited: enforced here rather than remembered in code.
      CREATE TRIGGER catalogs_immutable BEFORE UPDATE ON catalogs
      BEGIN
        SELECT RAISE(ABORT, 'catalog revisions are immutable: save a new revision');
      END;

      -- A revision a track points to cannot be deleted.
      CREATE TRIGGER catalogs_in_use BEFORE DELETE ON catalogs
      WHEN EXISTS (SELECT 1 FROM tracks WHERE catalog_id = OLD.id)
      BEGIN
        SELECT RAISE(ABORT, 'catalog revision is used by a track');
      END;
    `);
  },
};
