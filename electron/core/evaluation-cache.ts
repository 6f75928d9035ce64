// One per-track copy of the live log in the engine's shape, and the engine kept current over it,
// shared by progress.evaluate (the quick log's hint) and dashboard.get, so that one write costs the
// re-judging of the days it touched, not a whole evaluation per caller, and never a re-read of the
// whole track.
//
// Keeping the rows current: a TEMP trigger on this connection records the id of every entry
// inserted, deleted or changed in a column the engine or the dashboard reads (raw SQL, imports,
// services alike: no write path can slip past it, unlike the audit log, which records an import as
// one row). On the next read only those entries are re-read (by primary key) and patched into the
// copy. A full reload happens when another connection wrote (PRAGMA data_version), when many
// entries changed at once (an import), when the track's catalog changed (rows carry the catalog's
// procedure ids, matched by name), or when the cache is used inside an open transaction (a rollback
// would leave the copy ahead of the file, so no copy is kept or used there). A restore or JSON
// import reopens the database: a new `db` object, hence an empty WeakMap slot.
import type { Catalog } from '../../shared/catalog/schema';
import { TrackEvaluator, type DayTotals, type EngineContext, type EngineEntry, type Evaluation } from '../../shared/engine/evaluate';
import type { DB } from './db/open';

export interface CachedEntry extends EngineEntry {
  siteId: number | null;
}

/** More changed entries than this since the last read: reading the whole track is cheaper. */
const PATCH_LIMIT = 500;

const CHANGES = 'temp.radledger_entry_changes';
const SETUP_SQL = `
  CREATE TEMP TABLE IF NOT EXISTS radledger_entry_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, entry_id INTEGER NOT NULL);
  CREATE TEMP TRIGGER IF NOT EXISTS radledger_entry_insert AFTER INSERT ON main.entries
  BEGIN INSERT INTO radledger_entry_changes (entry_id) VALUES (new.id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS radledger_entry_delete AFTER DELETE ON main.entries
  BEGIN INSERT INTO radledger_entry_changes (entry_id) VALUES (old.id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS radledger_entry_update
  AFTER UPDATE OF id, track_id, performed_on, performed_at, created_at, procedure_id, procedure_name, simulated, patient_marker, site_id, deleted_at
  ON main.entries
  BEGIN
    INSERT INTO radledger_entry_changes (entry_id) VALUES (old.id);
    INSERT INTO radledger_entry_changes (entry_id) SELECT new.id WHERE new.id <> old.id;
  END;`;

const TRIGGERS_SQL = "SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE 'radledger_entry_%'";

const COLUMNS = 'id, performed_on, performed_at, created_at, procedure_id, simulated, patient_marker, site_id';
// The logged name only where it can matter: no id, or an id the catalog does not list (entries
// logged before the catalog listed procedures are matched to it by name). @ids = JSON array of the
// catalog's procedure ids, @names = whether names are wanted at all.
const NAME_COLUMN = 'CASE WHEN @names AND (procedure_id IS NULL OR procedure_id NOT IN (SELECT value FROM json_each(@ids))) THEN procedure_name END';
const TRACK_ROWS_SQL = `SELECT ${COLUMNS}, ${NAME_COLUMN} FROM entries WHERE track_id = @track AND deleted_at IS NULL`;
const CHANGED_ROWS_SQL = `SELECT ${COLUMNS}, ${NAME_COLUMN}, track_id, deleted_at FROM entries WHERE id IN (SELECT value FROM json_each(@changed))`;

type Row = [number, string, string | null, string, string | null, number, number | null, number | null, string | null, number?, string?];

interface Matcher {
  ids: string;
  wantNames: number;
  match: (procedureId: string | null, name: string | null) => string | null;
}

interface TrackState {
  catalog: Catalog | null;
  dataVersion: number;
  /** Last change sequence number applied. */
  seq: number;
  list: CachedEntry[];
  /** Entry id -> index in `list` (order is irrelevant: the engine orders by day itself). */
  index: Map<number, number>;
  /** The engine over `list`, kept current entry by entry; rebuilt when the context changes. */
  evaluator: { key: string; engine: TrackEvaluator } | null;
  /** Counts over `list`, made on first use and then kept current entry by entry. */
  aggregates: TrackAggregates | null;
}

/** Counts over a track's live entries that the dashboard folds into charts and site lists. */
export interface TrackAggregates {
  /** Live entries per performed day (days without entries are absent). */
  loggedPerDay: Map<string, number>;
  /** Per procedure id (matched to the catalog): site id -> live entries logged there. */
  performedAt: Map<string, Map<number, number>>;
}

function aggregate(list: readonly CachedEntry[]): TrackAggregates {
  const a: TrackAggregates = { loggedPerDay: new Map(), performedAt: new Map() };
  for (const e of list) count(a, e, 1);
  return a;
}

function count(a: TrackAggregates, e: CachedEntry, delta: 1 | -1): void {
  const n = (a.loggedPerDay.get(e.performedOn) ?? 0) + delta;
  if (n > 0) a.loggedPerDay.set(e.performedOn, n);
  else a.loggedPerDay.delete(e.performedOn);
  if (e.siteId === null || e.procedureId === null) return;
  let sites = a.performedAt.get(e.procedureId);
  if (!sites) a.performedAt.set(e.procedureId, (sites = new Map()));
  const m = (sites.get(e.siteId) ?? 0) + delta;
  if (m > 0) sites.set(e.siteId, m);
  else {
    sites.delete(e.siteId);
    if (sites.size === 0) a.performedAt.delete(e.procedureId);
  }
}

interface DbState {
  usable: boolean;
  /** Change records up to this sequence number are deleted. */
  pruned: number;
  tracks: Map<number, TrackState>;
  matchers: WeakMap<Catalog, Matcher>;
}

const states = new WeakMap<DB, DbState>();

function dbState(db: DB): DbState | null {
  let s = states.get(db);
  if (!s) {
    // Creating the temp objects inside a transaction could be rolled back with it: wait for a clean state.
    if (db.inTransaction) return null;
    let usable = true;
    try {
      db.exec(SETUP_SQL);
    } catch {
      usable = false; // e.g. a read-only connection: every call then reads afresh
    }
    states.set(db, (s = { usable, pruned: 0, tracks: new Map(), matchers: new WeakMap() }));
  }
  if (!s.usable || db.inTransaction) return null;
  // Dropping or rebuilding the entries table on this connection drops the triggers with it: start over.
  if ((db.prepare(TRIGGERS_SQL).pluck().get() as number) !== 3) {
    db.exec(SETUP_SQL);
    s.tracks.clear();
  }
  return s;
}

function matcherFor(catalog: Catalog | null, cache: WeakMap<Catalog, Matcher> | null): Matcher {
  if (!catalog) return { ids: '[]', wantNames: 0, match: (id) => id };
  const hit = cache?.get(catalog);
  if (hit) return hit;
  const ids = new Set<string>();
  const byName = new Map<string, string>();
  for (const c of catalog.categories) {
    for (const p of c.procedures) {
      ids.add(p.id);
      byName.set(p.name.trim().toLowerCase(), p.id);
    }
  }
  const m: Matcher =
    ids.size === 0
      ? { ids: '[]', wantNames: 0, match: (id) => id }
      : {
          ids: JSON.stringify([...ids]),
          wantNames: 1,
          match: (id, name) => (name === null ? id : (byName.get(name.trim().toLowerCase()) ?? id)),
        };
  cache?.set(catalog, m);
  return m;
}

/**
 * One copy of each day, time and procedure id: SQLite returns a new string per row, and at 100,000
 * entries those few thousand distinct values were 300,000 strings (about 20 MB) kept per session.
 * Bounded by the distinct values (days, minutes of a day, procedure ids), so it is never pruned.
 */
const interned = new Map<string, string>();
function intern<T extends string | null>(value: T): T {
  if (value === null) return value;
  const hit = interned.get(value);
  if (hit !== undefined) return hit as T;
  interned.set(value, value);
  return value;
}

function toEntry(r: Row, m: Matcher): CachedEntry {
  return {
    id: r[0],
    performedOn: intern(r[1]),
    performedAt: intern(r[2]),
    createdAt: r[3],
    procedureId: intern(m.match(r[4], r[8])),
    simulated: r[5] === 1,
    patientMarker: r[6],
    siteId: r[7],
  };
}

function readTrack(db: DB, trackId: number, m: Matcher): CachedEntry[] {
  // raw() arrays, no ORDER BY: at 100,000 rows that is markedly cheaper than objects in date order.
  const rows = db.prepare(TRACK_ROWS_SQL).raw().all({ ids: m.ids, names: m.wantNames, track: trackId }) as Row[];
  const out = new Array<CachedEntry>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = toEntry(rows[i]!, m);
  return out;
}

function load(db: DB, trackId: number, catalog: Catalog | null, s: DbState, dataVersion: number): TrackState {
  const seq = db.prepare(`SELECT coalesce(max(seq), 0) FROM ${CHANGES}`).pluck().get() as number;
  const list = readTrack(db, trackId, matcherFor(catalog, s.matchers));
  const index = new Map<number, number>();
  for (let i = 0; i < list.length; i++) index.set(list[i]!.id, i);
  return { catalog, dataVersion, seq, list, index, evaluator: null, aggregates: null };
}

function remove(st: TrackState, id: number): void {
  const at = st.index.get(id);
  if (at === undefined) return;
  const old = st.list[at]!;
  st.evaluator?.engine.replace(old, null);
  if (st.aggregates) count(st.aggregates, old, -1);
  const last = st.list.pop()!;
  st.index.delete(id);
  if (last.id !== id) {
    st.list[at] = last;
    st.index.set(last.id, at);
  }
}

function put(st: TrackState, e: CachedEntry): void {
  const at = st.index.get(e.id);
  const old = at === undefined ? null : st.list[at]!;
  st.evaluator?.engine.replace(old, e);
  if (st.aggregates) {
    if (old) count(st.aggregates, old, -1);
    count(st.aggregates, e, 1);
  }
  if (at === undefined) {
    st.index.set(e.id, st.list.length);
    st.list.push(e);
  } else st.list[at] = e;
}

/** Applies the entries changed since `st.seq`; false when a full reload is the better choice. */
function patch(db: DB, trackId: number, st: TrackState, s: DbState): boolean {
  const changes = db.prepare(`SELECT seq, entry_id FROM ${CHANGES} WHERE seq > ? ORDER BY seq`).raw().all(st.seq) as Array<[number, number]>;
  if (changes.length === 0) return true;
  if (changes.length > PATCH_LIMIT) return false;
  const ids = [...new Set(changes.map((c) => c[1]))];
  const m = matcherFor(st.catalog, s.matchers);
  const rows = db.prepare(CHANGED_ROWS_SQL).raw().all({ ids: m.ids, names: m.wantNames, changed: JSON.stringify(ids) }) as Row[];
  const live = new Map<number, Row>();
  for (const r of rows) if (r[9] === trackId && r[10] === null) live.set(r[0], r);
  for (const id of ids) {
    const r = live.get(id);
    if (r) put(st, toEntry(r, m));
    else remove(st, id);
  }
  st.seq = changes[changes.length - 1]![0];
  return true;
}

/** Change records are pruned in batches: a delete per call would itself count as a change (total_changes). */
const PRUNE_EVERY = 1000;

/** Drops change records every cached track has already applied (an import would otherwise linger). */
function prune(db: DB, s: DbState): void {
  const last = db.prepare(`SELECT coalesce(max(seq), 0) FROM ${CHANGES}`).pluck().get() as number;
  if (last - s.pruned < PRUNE_EVERY) return;
  // A track this far behind would reload in full anyway: forget it rather than keep its backlog.
  for (const [id, st] of s.tracks) if (last - st.seq > PATCH_LIMIT) s.tracks.delete(id);
  let min = last;
  for (const st of s.tracks.values()) min = Math.min(min, st.seq);
  if (min - s.pruned < PRUNE_EVERY) return;
  db.prepare(`DELETE FROM ${CHANGES} WHERE seq <= ?`).run(min);
  s.pruned = min;
}

/**
 * The track's live entries in the engine's shape (procedure ids matched to `catalog` by name where
 * needed), current as of now. Callers must not mutate the array or its entries.
 */
export function trackEntries(db: DB, trackId: number, catalog: Catalog | null): readonly CachedEntry[] {
  const st = trackState(db, trackId, catalog);
  return st ? st.list : readTrack(db, trackId, matcherFor(catalog, null));
}

function trackState(db: DB, trackId: number, catalog: Catalog | null): TrackState | null {
  const s = dbState(db);
  if (!s) return null;
  const dataVersion = db.prepare('PRAGMA data_version').pluck().get() as number;
  let st = s.tracks.get(trackId);
  if (!st || st.catalog !== catalog || st.dataVersion !== dataVersion || !patch(db, trackId, st, s)) {
    st = load(db, trackId, catalog, s, dataVersion);
    s.tracks.set(trackId, st);
  }
  prune(db, s);
  return st;
}

/** The track's live entries with their per-day and per-site counts; callers must not mutate any of it. */
export function trackAggregates(db: DB, trackId: number, catalog: Catalog | null): { entries: readonly CachedEntry[]; aggregates: TrackAggregates } {
  const st = trackState(db, trackId, catalog);
  if (!st) {
    const entries = readTrack(db, trackId, matcherFor(catalog, null));
    return { entries, aggregates: aggregate(entries) };
  }
  st.aggregates ??= aggregate(st.list);
  return { entries: st.list, aggregates: st.aggregates };
}

export interface TrackEvaluation {
  entries: readonly CachedEntry[];
  /** Shared with other callers: copy before changing anything in it. */
  evaluation: Evaluation;
  /** Per-day totals of the same evaluation, days ascending. */
  days: readonly DayTotals[];
  /** Per-day and per-site counts of the same entries, made on first use (trackAggregates). */
  aggregates: () => TrackAggregates;
}

/**
 * The track's entries and their evaluation against `catalog`. The engine is kept per track and
 * context and told of each changed entry, so after an edit it re-judges only the days the edit
 * touched (TrackEvaluator); a new context (the day, the track's dates) starts a fresh one.
 */
export function trackEvaluation(db: DB, trackId: number, catalog: Catalog, context: EngineContext): TrackEvaluation {
  const st = trackState(db, trackId, catalog);
  if (!st) {
    const entries = readTrack(db, trackId, matcherFor(catalog, null));
    const engine = new TrackEvaluator(catalog, context, entries);
    let counts: TrackAggregates | undefined;
    return { entries, evaluation: engine.evaluation(), days: engine.dayTotals(), aggregates: () => (counts ??= aggregate(entries)) };
  }
  const key = JSON.stringify([context.today, context.trackStart, context.plannedApplicationDate, context.examWindowAssignedOn, context.mqsaQualifiedOn, context.windowLockedOn ?? null]);
  if (st.evaluator?.key !== key) st.evaluator = { key, engine: new TrackEvaluator(catalog, context, st.list) };
  const { engine } = st.evaluator;
  return { entries: st.list, evaluation: engine.evaluation(), days: engine.dayTotals(), aggregates: () => (st.aggregates ??= aggregate(st.list)) };
}
