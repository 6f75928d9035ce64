// Deterministic synthetic RadLedger databases for the bench, written with a raw prepared insert in
// one transaction (the fastest way SQLite takes rows), and the raw baselines measured on them.
//
// Exported API
//   DatasetSpec                           entries, tracks, seed, audit rows or not
//   entryRows(spec, from, count)          the rows, in chunks (never the whole 1M in memory)
//   seedDataDir(dir, spec, {fast, migrations})  a data folder whose radledger.sqlite holds the dataset
//   rawInsert(file, spec)                 the raw-insert baseline: a fresh migrated file, same rows, ms
//   withGroupByBaseline(db, trackId, fn)  the raw GROUP BY per procedure over a covering index
//   TRACK_CONTEXT, BENCH_NOW, ...         the fixed dates every bench row uses
//
// The entries come from bench/synth.ts (the engine helper's seeded generator, example catalog), so
// the engine, the service layer and the browser all see the same kind of log.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { builtinCatalog } from '../../shared/catalog/builtin';
import { allProcedures } from '../../shared/catalog/schema';
import { canonicalJson, GENESIS_HASH, sha256 } from '../../electron/core/audit';
import { openDatabase, type DB } from '../../electron/core/db/open';
import type { Migration } from '../../electron/core/db/migrations/types';
import { databasePath } from '../../electron/core/paths';
import { rng, synthEntries } from '../synth';

export const CATALOG_KEY = 'example-ct-like';
/** The instant the bench's backend believes it is (after the last synthetic entry). */
export const BENCH_NOW = new Date('2026-06-01T18:00:00.000Z');
export const TRACK_START = '2023-12-01';
export const SITE_NAMES = ['Mercy General', 'Valley Imaging', 'St. Luke', 'Northside Clinic', 'County Hospital'];
const STATUSES = ['draft', 'signed', 'entered', 'verified'] as const;
const CHUNK = 50_000;

export interface DatasetSpec {
  entries: number;
  tracks: number;
  seed: number;
  /** One hash-chained audit row per entry, as the app writes them (off for the 1M stress set). */
  audit: boolean;
}

const catalog = builtinCatalog(CATALOG_KEY)!;
const NAME_BY_ID = new Map(allProcedures(catalog).map((p) => [p.id, p.name]));

/** Positional values in ENTRY_COLUMNS order. */
export type EntryValues = [
  trackId: number, performedOn: string, performedAt: string | null, procedureId: string | null, procedureName: string,
  siteId: number, verifierName: string | null, patientMarker: number | null, simulated: 0 | 1, notes: string,
  status: string, createdAt: string, updatedAt: string, deletedAt: string | null,
];
const ENTRY_COLUMNS =
  'track_id, performed_on, performed_at, procedure_id, procedure_name, site_id, verifier_name, patient_marker, simulated, notes, status, created_at, updated_at, deleted_at';
export const INSERT_ENTRY_SQL = `INSERT INTO entries (${ENTRY_COLUMNS}) VALUES (${ENTRY_COLUMNS.split(',').map(() => '?').join(', ')})`;

/** Rows `from .. from+count-1` of the dataset; the same spec always gives the same rows. */
export function entryRows(spec: DatasetSpec, from: number, count: number): EntryValues[] {
  const out: EntryValues[] = [];
  for (let start = from - (from % CHUNK); start < from + count; start += CHUNK) {
    const size = Math.min(CHUNK, spec.entries - start);
    if (size <= 0) break;
    const synth = synthEntries(size, { seed: spec.seed + start / CHUNK });
    const extra = rng(spec.seed * 7919 + start / CHUNK);
    for (let k = 0; k < size; k++) {
      const i = start + k;
      const e = synth[k]!;
      const r1 = extra();
      const r2 = extra();
      if (i < from || i >= from + count) continue;
      out.push([
        (i % spec.tracks) + 1,
        e.performedOn,
        e.performedAt,
        e.procedureId,
        e.procedureId ? NAME_BY_ID.get(e.procedureId)! : 'Outside the catalog',
        1 + Math.floor(r1 * SITE_NAMES.length),
        r2 < 0.5 ? 'J. Rivera, R.T.(R)(CT)' : 'A. Chen, MD',
        e.patientMarker === null ? null : i + 1,
        e.simulated ? 1 : 0,
        r2 < 0.05 ? 'contrast, repeat series' : '',
        STATUSES[Math.floor(r1 * 1000) % 4]!,
        e.createdAt,
        e.createdAt,
        r2 > 0.99 ? e.createdAt : null,
      ]);
    }
  }
  return out;
}

function insertTracksAndSites(db: DB, tracks: number): void {
  const now = BENCH_NOW.toISOString();
  const track = db.prepare(
    "INSERT INTO tracks (discipline, name, start_date, created_at, updated_at) VALUES ('CT', ?, ?, ?, ?)",
  );
  for (let t = 1; t <= tracks; t++) track.run(tracks === 1 ? 'Computed Tomography' : `Computed Tomography (student ${t})`, TRACK_START, now, now);
  const site = db.prepare('INSERT INTO sites (name, created_at, updated_at) VALUES (?, ?, ?)');
  for (const name of SITE_NAMES) site.run(name, now, now);
}

/** The audit row the app would have written when the entry was created (same hash chain). */
function auditWriter(db: DB): (id: number, v: EntryValues) => void {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, entity, entity_id, action, before_json, after_json, prev_hash, hash)
     VALUES (?, 'entry', ?, 'create', NULL, ?, ?, ?)`,
  );
  let prev = (db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined)?.hash ?? GENESIS_HASH;
  return (id, v) => {
    const after = canonicalJson({
      id, trackId: v[0], performedOn: v[1], performedAt: v[2], procedureId: v[3], procedureName: v[4], siteId: v[5],
      siteName: SITE_NAMES[v[5] - 1], verifierId: null, verifierName: v[6], patientMarker: v[7], simulated: v[8] === 1,
      notes: v[9], status: 'draft', createdAt: v[11], updatedAt: v[12],
    });
    const hash = sha256([prev, v[11], 'entry', String(id), 'create', '', after].join('\u001f'));
    insert.run(v[11], id, after, prev, hash);
    prev = hash;
  };
}

function insertEntries(db: DB, spec: DatasetSpec): void {
  const insert = db.prepare(INSERT_ENTRY_SQL);
  const audit = spec.audit ? auditWriter(db) : null;
  for (let from = 0; from < spec.entries; from += CHUNK) {
    for (const v of entryRows(spec, from, Math.min(CHUNK, spec.entries - from))) {
      const id = Number(insert.run(v).lastInsertRowid);
      audit?.(id, v);
    }
  }
}

/**
 * Creates `dir` with a migrated radledger.sqlite holding the dataset. `fast` (the 1M stress set)
 * drops the entry indexes during the load and rebuilds them after, with the journal in memory:
 * the same schema at the end, built in a fraction of the time.
 */
export function seedDataDir(dir: string, spec: DatasetSpec, options: { fast?: boolean; migrations?: readonly Migration[] } = {}): string {
  mkdirSync(dir, { recursive: true });
  const file = databasePath(dir);
  // The app's own schema: every migration applied, or (to time an update) all but the last ones.
  openDatabase(file, options.migrations ? { migrations: options.migrations } : {}).close();
  const db = new Database(file);
  try {
    db.pragma('foreign_keys = ON');
    if (options.fast) {
      db.pragma('journal_mode = MEMORY');
      db.pragma('synchronous = OFF');
    }
    const indexes = options.fast
      ? (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entries' AND sql IS NOT NULL").all() as Array<{ name: string; sql: string }>)
      : [];
    db.transaction(() => {
      insertTracksAndSites(db, spec.tracks);
      for (const ix of indexes) db.exec(`DROP INDEX "${ix.name}"`);
      insertEntries(db, spec);
      for (const ix of indexes) db.exec(ix.sql);
    })();
    if (options.fast) db.pragma('journal_mode = WAL');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return file;
}

/**
 * The raw-insert baseline: the same rows into a fresh file with the app's schema and pragmas (WAL,
 * synchronous=FULL, every index in place), one transaction, one prepared statement. Milliseconds.
 */
export function rawInsert(dir: string, spec: DatasetSpec): number {
  mkdirSync(dir, { recursive: true });
  const db = openDatabase(path.join(dir, 'raw-insert.sqlite'));
  try {
    insertTracksAndSites(db, spec.tracks);
    const rows = entryRows(spec, 0, spec.entries);
    const insert = db.prepare(INSERT_ENTRY_SQL);
    const t0 = performance.now();
    db.transaction(() => {
      for (const v of rows) insert.run(v);
    })();
    return performance.now() - t0;
  } finally {
    db.close();
  }
}

export const GROUP_BY_SQL =
  'SELECT procedure_name, count(*) AS n FROM entries WHERE track_id = ? AND deleted_at IS NULL GROUP BY procedure_name';
const COVERING_INDEX = 'bench_covering_track_procedure';

/**
 * The raw GROUP BY counting a track's live entries per procedure, over an index that covers it
 * (created for the measurement and dropped after, so no other row sees it). Returns the plan too.
 */
export function withGroupByBaseline<T>(db: DB, trackId: number, measure: (run: () => unknown[], plan: string) => T): T {
  db.exec(`CREATE INDEX ${COVERING_INDEX} ON entries (track_id, deleted_at, procedure_name)`);
  try {
    const stmt = db.prepare(GROUP_BY_SQL);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${GROUP_BY_SQL}`).all(trackId) as Array<{ detail: string }>).map((r) => r.detail).join('; ');
    return measure(() => stmt.all(trackId), plan);
  } finally {
    db.exec(`DROP INDEX ${COVERING_INDEX}`);
  }
}

/** The engine's context for a bench track (no planned application date: the window ends today). */
export const TRACK_CONTEXT = {
  today: BENCH_NOW.toISOString().slice(0, 10),
  trackStart: TRACK_START,
  plannedApplicationDate: null,
  examWindowAssignedOn: null,
  mqsaQualifiedOn: null,
};
