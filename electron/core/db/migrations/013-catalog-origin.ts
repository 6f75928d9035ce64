import type { Migration } from './types';

// Where a saved catalog revision came from. `imported_from` names the file a revision was imported
// from (someone else's catalog), so it can be labelled "Not verified by RadLedger" for good; NULL
// means it was filled or written here. A revision saved in the editor on top of an imported one
// inherits the name (its numbers still come from that file). Revisions stay immutable: the column
// is set when the row is inserted, and the catalogs_immutable trigger still refuses any UPDATE.
export const m013CatalogOrigin: Migration = {
  version: 13,
  name: 'catalog-origin',
  up(db) {
    db.exec(`ALTER TABLE catalogs ADD COLUMN imported_from TEXT CHECK (imported_from IS NULL OR length(imported_from) BETWEEN 1 AND 260);`);
  },
};
