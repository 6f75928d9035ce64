// SQL for saved catalog revisions and a track's catalog. Rows are immutable (see migration 002).
import type { Catalog } from '../../../shared/catalog/schema';
import type { DB } from '../db/open';

export interface CatalogRow {
  id: number;
  key: string;
  discipline: string;
  version_label: string;
  json: string;
  revision: number;
  created_at: string;
  /** File name of an imported revision (migration 013); null = filled or written here. */
  imported_from: string | null;
}

export interface StoredCatalog {
  id: number;
  key: string;
  revision: number;
  createdAt: string;
  importedFrom: string | null;
  /** Parsed JSON as stored; callers validate it with catalogSchema before use. */
  raw: unknown;
}

function toStored(r: CatalogRow): StoredCatalog {
  return { id: r.id, key: r.key, revision: r.revision, createdAt: r.created_at, importedFrom: r.imported_from ?? null, raw: JSON.parse(r.json) };
}

export function getCatalogRevision(db: DB, id: number): StoredCatalog | undefined {
  const row = getCatalogRow(db, id);
  return row && toStored(row);
}

/** The row as stored, JSON text unparsed (callers that cache the parsed form compare the text). */
export function getCatalogRow(db: DB, id: number): CatalogRow | undefined {
  return db.prepare('SELECT * FROM catalogs WHERE id = ?').get(id) as CatalogRow | undefined;
}

export function parseCatalogRow(row: CatalogRow): StoredCatalog {
  return toStored(row);
}

export function latestCatalogRevisionId(db: DB, key: string): number | undefined {
  return db.prepare('SELECT id FROM catalogs WHERE key = ? ORDER BY revision DESC LIMIT 1').pluck().get(key) as number | undefined;
}

/** How many live tracks use this revision. */
export function tracksUsingCatalog(db: DB, id: number): number {
  return db.prepare('SELECT count(*) FROM tracks WHERE catalog_id = ? AND archived_at IS NULL').pluck().get(id) as number;
}

export function latestCatalogRevision(db: DB, key: string): StoredCatalog | undefined {
  const row = db.prepare('SELECT * FROM catalogs WHERE key = ? ORDER BY revision DESC LIMIT 1').get(key) as CatalogRow | undefined;
  return row && toStored(row);
}

/** Every saved revision, newest revision of each key first, with how many tracks use it. */
export function listCatalogRevisions(db: DB): Array<StoredCatalog & { tracksUsing: number }> {
  const rows = db
    .prepare(
      `SELECT c.*, (SELECT count(*) FROM tracks t WHERE t.catalog_id = c.id AND t.archived_at IS NULL) AS tracks_using
       FROM catalogs c ORDER BY c.key, c.revision DESC`,
    )
    .all() as Array<CatalogRow & { tracks_using: number }>;
  return rows.map((r) => ({ ...toStored(r), tracksUsing: r.tracks_using }));
}

/** Inserts the next revision of `catalog.key`; `json` is the canonical text to store. */
export function insertCatalogRevision(db: DB, catalog: Catalog, json: string, now: string, importedFrom: string | null = null): number {
  const info = db
    .prepare(
      `INSERT INTO catalogs (key, discipline, version_label, json, revision, created_at, imported_from)
       VALUES (@key, @discipline, @versionLabel, @json,
               (SELECT coalesce(max(revision), 0) + 1 FROM catalogs WHERE key = @key), @now, @importedFrom)`,
    )
    .run({ key: catalog.key, discipline: catalog.discipline, versionLabel: catalog.versionLabel, json, now, importedFrom });
  return Number(info.lastInsertRowid);
}

export function setTrackCatalog(db: DB, trackId: number, catalogId: number, now: string): void {
  db.prepare('UPDATE tracks SET catalog_id = @catalogId, updated_at = @now WHERE id = @trackId').run({ trackId, catalogId, now });
}
