// RadLedger's JSON export and its import (format: docs/export-format.md, "JSON export").
//
// Export: every table in the database except SQLite's own bookkeeping, read in one transaction
// so the file is a consistent snapshot. Rows are arrays in the order of `columns`.
//
// Import builds a complete database file from the document, then swaps it in like a restore:
//   1. a new file is migrated to the export's schema version (so old exports stay readable),
//   2. triggers are set aside and foreign keys paused while rows go in verbatim (ids, hashes and
//      timestamps unchanged, so the audit chain still verifies), then both are back and checked,
//   3. the file is migrated to this version's schema, and swapped in (current data backed up).
import { existsSync, rmSync } from 'node:fs';
import type { BackupInfo, DataPreview } from '../../../shared/ipc/backups';
import { JSON_EXPORT_FORMAT, JSON_EXPORT_VERSION, jsonExportDocument, type JsonExportDocument } from '../../../shared/ipc/exportjson';
import { AppFailure } from '../../../shared/result';
import { swapInDatabase } from '../backup/restore';
import { exclusive } from '../backup/write';
import type { Ctx } from '../context';
import { schemaVersion } from '../db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../db/migrations';
import { fillLogSearch, m008LogSearch } from '../db/migrations/008-log-search';
import { openDatabase, type DB } from '../db/open';

type Cell = JsonExportDocument['tables'][string]['rows'][number][number];

/** Tables a user's data lives in: everything but SQLite internals and virtual-table shadows. */
function dataTables(db: DB): string[] {
  const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string; sql: string | null }>;
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((n) => n === 'sqlite_sequence' || !n.startsWith('sqlite_'))
    .filter((n) => !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
}

function encode(v: unknown): Cell {
  if (v === null || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  if (Buffer.isBuffer(v)) return { $blob: v.toString('base64') };
  throw new Error(`Unexpected value type in the database: ${typeof v}`);
}

function decode(v: Cell): unknown {
  return v !== null && typeof v === 'object' ? Buffer.from(v.$blob, 'base64') : v;
}

export function exportJson(db: DB, appVersion: string, now: Date): JsonExportDocument {
  return db.transaction(() => {
    const tables: JsonExportDocument['tables'] = {};
    for (const name of dataTables(db)) {
      const stmt = db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).raw();
      const columns = stmt.columns().map((c) => c.name);
      tables[name] = { columns, rows: (stmt.all() as unknown[][]).map((r) => r.map(encode)) };
    }
    return {
      format: JSON_EXPORT_FORMAT,
      formatVersion: JSON_EXPORT_VERSION,
      schemaVersion: schemaVersion(db),
      exportedAt: now.toISOString(),
      appVersion,
      tables,
    } as JsonExportDocument;
  })();
}

export function parseExport(json: string): JsonExportDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new AppFailure('validation', 'This file is not valid JSON.');
  }
  const parsed = jsonExportDocument.safeParse(raw);
  if (!parsed.success) throw new AppFailure('validation', parsed.error.issues[0]?.message ?? 'This is not a RadLedger JSON export.');
  const doc = parsed.data;
  if (doc.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new AppFailure('newer-database', `This export was written by a newer RadLedger (schema ${doc.schemaVersion}). Update RadLedger to import it.`);
  }
  for (const [name, t] of Object.entries(doc.tables)) {
    const bad = t.rows.findIndex((r) => r.length !== t.columns.length);
    if (bad >= 0) throw new AppFailure('validation', `Table ${name}, row ${bad + 1}: expected ${t.columns.length} values.`);
  }
  return doc;
}

/** The same summary a backup preview shows, read from the document. */
export function previewExport(doc: JsonExportDocument): DataPreview {
  const col = (table: string, name: string) => doc.tables[table]?.columns.indexOf(name) ?? -1;
  const tracks = doc.tables.tracks?.rows ?? [];
  const entries = (doc.tables.entries?.rows ?? []).filter((r) => col('entries', 'deleted_at') < 0 || r[col('entries', 'deleted_at')] === null);
  const perTrack = new Map<unknown, number>();
  const dates: string[] = [];
  for (const e of entries) {
    perTrack.set(e[col('entries', 'track_id')], (perTrack.get(e[col('entries', 'track_id')]) ?? 0) + 1);
    dates.push(String(e[col('entries', 'performed_on')]));
  }
  dates.sort();
  return {
    schemaVersion: doc.schemaVersion,
    supported: true,
    tracks: tracks.map((t) => ({
      id: Number(t[col('tracks', 'id')]),
      name: String(t[col('tracks', 'name')]),
      discipline: String(t[col('tracks', 'discipline')]),
      entries: perTrack.get(t[col('tracks', 'id')]) ?? 0,
    })),
    entries: entries.length,
    firstDate: dates[0] ?? null,
    lastDate: dates.at(-1) ?? null,
  };
}

/** Writes the document into a new database file at `file` (which must not exist). */
export function buildDatabaseFromExport(doc: JsonExportDocument, file: string): void {
  const db = openDatabase(file, { migrations: migrations.filter((m) => m.version <= doc.schemaVersion) });
  try {
    if (schemaVersion(db) !== doc.schemaVersion) {
      throw new AppFailure('validation', `This export's schema version ${doc.schemaVersion} is not one RadLedger ever shipped.`);
    }
    const existing = new Set(dataTables(db));
    for (const name of Object.keys(doc.tables)) {
      if (!existing.has(name)) throw new AppFailure('validation', `This export has a table "${name}" that schema ${doc.schemaVersion} does not have.`);
    }
    const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as Array<{ name: string; sql: string }>;
    db.pragma('foreign_keys = OFF'); // only outside a transaction; checked below instead
    db.transaction(() => {
      // Triggers guard edits made by the app (e.g. immutable catalogs); rows coming back verbatim
      // must not fire them, so they are set aside for the load and recreated in the same transaction.
      for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
      for (const name of existing) db.exec(`DELETE FROM "${name}"`); // rows seeded by migrations
      for (const [name, t] of Object.entries(doc.tables)) {
        const cols = t.columns.map((c) => `"${c}"`).join(', ');
        const insert = db.prepare(`INSERT INTO "${name}" (${cols}) VALUES (${t.columns.map(() => '?').join(', ')})`);
        for (const row of t.rows) insert.run(row.map(decode));
      }
      for (const t of triggers) db.exec(t.sql);
      if (doc.schemaVersion >= m008LogSearch.version) fillLogSearch(db); // derived index: triggers were off
      const broken = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
      if (broken.length > 0) {
        const b = broken[0]!;
        throw new AppFailure('validation', `This export is inconsistent: ${broken.length} row(s) point to missing records (e.g. ${b.table} row ${b.rowid} -> ${b.parent}).`);
      }
    })();
    db.pragma('foreign_keys = ON');
  } finally {
    db.close();
  }
  // Bring it to this version's schema (a no-op for an export from this version).
  openDatabase(file).close();
}

/** Replaces the live data with the export's. Returns the pre-restore backup for undo. */
export function importJson(ctx: Ctx, json: string): Promise<{ preview: DataPreview; undo: BackupInfo }> {
  const doc = parseExport(json);
  const preview = previewExport(doc);
  return exclusive(ctx.dataDir, () => {
    const incoming = `${ctx.databaseFile}.incoming`;
    for (const s of ['', '-wal', '-shm']) rmSync(incoming + s, { force: true });
    try {
      buildDatabaseFromExport(doc, incoming);
      return { preview, undo: swapInDatabase(ctx, incoming) };
    } finally {
      for (const s of ['', '-wal', '-shm']) if (existsSync(incoming + s)) rmSync(incoming + s, { force: true });
    }
  });
}
