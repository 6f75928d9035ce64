import type { Database } from 'better-sqlite3';
import type { Migration } from './types';

// Log search at 1,000,000 entries. `LIKE '%term%'` cannot use an index, so a rare term (or the
// total of any term) read every row. entries_search is an FTS5 index with the trigram tokenizer
// over the searched text of live entries (procedure, notes, verifier): a quoted phrase MATCH is a
// case-insensitive substring match served from the index (terms of 3+ characters).
// - Contentless (content=''): the text already lives in entries; the index stores only trigrams.
//   contentless_delete=1 lets the triggers remove a row by id.
// - Only live rows are indexed (soft delete removes the row, restore puts it back), as the log
//   never shows deleted entries.
// - The site name is NOT copied in: sites are few, so the query matches site names in `sites`
//   and ORs their ids in. A site rename then needs no re-indexing of its (maybe 100,000s) entries.
// - Triggers fire only for the columns searched (UPDATE OF ...), so a status change costs nothing.
export const m008LogSearch: Migration = {
  version: 8,
  name: 'log-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE entries_search USING fts5(
        procedure_name, notes, verifier_name,
        tokenize = 'trigram', content = '', contentless_delete = 1
      );

      CREATE TRIGGER entries_search_insert AFTER INSERT ON entries WHEN NEW.deleted_at IS NULL BEGIN
        INSERT INTO entries_search (rowid, procedure_name, notes, verifier_name)
          VALUES (NEW.id, NEW.procedure_name, NEW.notes, NEW.verifier_name);
      END;
      CREATE TRIGGER entries_search_delete AFTER DELETE ON entries WHEN OLD.deleted_at IS NULL BEGIN
        DELETE FROM entries_search WHERE rowid = OLD.id;
      END;
      CREATE TRIGGER entries_search_update AFTER UPDATE OF procedure_name, notes, verifier_name, deleted_at, id ON entries BEGIN
        DELETE FROM entries_search WHERE rowid = OLD.id AND OLD.deleted_at IS NULL;
        INSERT INTO entries_search (rowid, procedure_name, notes, verifier_name)
          SELECT NEW.id, NEW.procedure_name, NEW.notes, NEW.verifier_name WHERE NEW.deleted_at IS NULL;
      END;
    `);
    fillLogSearch(db);
  },
};

/**
 * (Re)builds the search index from the live entries. Besides the migration's backfill, a load that
 * writes entries with their triggers set aside (the JSON import) must call it afterwards.
 */
export function fillLogSearch(db: Database): void {
  db.exec(`
    DELETE FROM entries_search;
    INSERT INTO entries_search (rowid, procedure_name, notes, verifier_name)
      SELECT id, procedure_name, notes, verifier_name FROM entries WHERE deleted_at IS NULL;
  `);
}
