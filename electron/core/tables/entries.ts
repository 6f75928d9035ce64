// SQL for log entries. Small synchronous functions, named parameters; the service wraps writes
// in transactions together with their audit rows. Deletion is soft (deleted_at) so nothing is
// ever physically lost and a delete can be undone.
import { randomUUID } from 'node:crypto';
import type { Entry, EntryStatus } from '../../../shared/domain';
import type { EntrySort } from '../../../shared/ipc/entries';
import type { DB } from '../db/open';

export interface EntryRow {
  id: number;
  uuid: string;
  track_id: number;
  performed_on: string;
  performed_at: string | null;
  procedure_id: string | null;
  procedure_name: string;
  site_id: number | null;
  site_name: string | null;
  verifier_id: number | null;
  verifier_name: string | null;
  patient_marker: number | null;
  simulated: number;
  notes: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export function toEntry(r: EntryRow): Entry {
  return {
    id: r.id,
    uuid: r.uuid,
    trackId: r.track_id,
    performedOn: r.performed_on,
    performedAt: r.performed_at,
    procedureId: r.procedure_id,
    procedureName: r.procedure_name,
    siteId: r.site_id,
    siteName: r.site_name,
    verifierId: r.verifier_id,
    verifierName: r.verifier_name,
    patientMarker: r.patient_marker,
    simulated: r.simulated === 1,
    notes: r.notes,
    status: r.status as EntryStatus,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const ENTRY_SELECT = `
  SELECT e.id, e.uuid, e.track_id, e.performed_on, e.performed_at, e.procedure_id, e.procedure_name,
         e.site_id, s.name AS site_name, e.verifier_id, e.verifier_name, e.patient_marker, e.simulated,
         e.notes, e.status, e.created_at, e.updated_at
  FROM entries e LEFT JOIN sites s ON s.id = e.site_id`;

export function getEntry(db: DB, id: number): Entry | undefined {
  const row = db.prepare(`${ENTRY_SELECT} WHERE e.id = ? AND e.deleted_at IS NULL`).get(id) as EntryRow | undefined;
  return row && toEntry(row);
}

/** Soft-deleted entries too: restore and history need them. */
export function getEntryAnyState(db: DB, id: number): (Entry & { deletedAt: string | null }) | undefined {
  const row = db
    .prepare(`${ENTRY_SELECT.replace('e.updated_at', 'e.updated_at, e.deleted_at')} WHERE e.id = ?`)
    .get(id) as (EntryRow & { deleted_at: string | null }) | undefined;
  return row && { ...toEntry(row), deletedAt: row.deleted_at };
}

export interface NewEntry {
  trackId: number;
  performedOn: string;
  performedAt: string | null;
  procedureId: string | null;
  procedureName: string;
  siteId: number | null;
  verifierId?: number | null;
  verifierName: string | null;
  patientMarker: number | null;
  simulated: boolean;
  notes: string;
  status: EntryStatus;
  now: string;
}

export function insertEntry(db: DB, e: NewEntry): number {
  const info = db
    .prepare(
      `INSERT INTO entries (uuid, track_id, performed_on, performed_at, procedure_id, procedure_name, site_id, verifier_id, verifier_name,
                            patient_marker, simulated, notes, status, created_at, updated_at)
       VALUES (@uuid, @trackId, @performedOn, @performedAt, @procedureId, @procedureName, @siteId, @verifierId, @verifierName,
               @patientMarker, @simulated, @notes, @status, @now, @now)`,
    )
    .run({ ...e, uuid: randomUUID(), verifierId: e.verifierId ?? null, simulated: e.simulated ? 1 : 0 });
  return Number(info.lastInsertRowid);
}

export type EntryChanges = Omit<NewEntry, 'trackId' | 'patientMarker'>;

export function updateEntry(db: DB, id: number, e: EntryChanges): void {
  db.prepare(
    `UPDATE entries SET performed_on = @performedOn, performed_at = @performedAt, procedure_id = @procedureId,
            procedure_name = @procedureName, site_id = @siteId, verifier_id = @verifierId, verifier_name = @verifierName,
            simulated = @simulated, notes = @notes, status = @status, updated_at = @now
     WHERE id = @id AND deleted_at IS NULL`,
  ).run({ ...e, id, verifierId: e.verifierId ?? null, simulated: e.simulated ? 1 : 0 });
}

export function setDeleted(db: DB, id: number, deletedAt: string | null, now: string): boolean {
  const sql =
    deletedAt === null
      ? 'UPDATE entries SET deleted_at = NULL, updated_at = @now WHERE id = @id AND deleted_at IS NOT NULL'
      : 'UPDATE entries SET deleted_at = @deletedAt, updated_at = @now WHERE id = @id AND deleted_at IS NULL';
  return db.prepare(sql).run({ id, deletedAt, now }).changes === 1;
}

export function setStatus(db: DB, id: number, status: EntryStatus, now: string): void {
  db.prepare('UPDATE entries SET status = @status, updated_at = @now WHERE id = @id AND deleted_at IS NULL').run({ id, status, now });
}

/** A fresh anonymous patient marker: one more than any used so far. */
export function nextPatientMarker(db: DB): number {
  const { m } = db.prepare('SELECT coalesce(max(patient_marker), 0) AS m FROM entries').get() as { m: number };
  return m + 1;
}

/** The most recently logged live entry of a track (by insertion), for "same patient" and memory. */
export function lastLoggedEntry(db: DB, trackId: number): Entry | undefined {
  const row = db
    .prepare(`${ENTRY_SELECT} WHERE e.id = (SELECT max(id) FROM entries WHERE track_id = ? AND deleted_at IS NULL)`)
    .get(trackId) as EntryRow | undefined;
  return row && toEntry(row);
}

// Named index: without statistics SQLite prefers the covering entries_track_site_procedure and
// reads the whole track's part of it (10,000 rows at 100k entries in 10 tracks) to count one day.
export const COUNT_ON_DAY_SQL = 'SELECT count(*) FROM entries INDEXED BY entries_track_date WHERE track_id = ? AND performed_on = ? AND deleted_at IS NULL';

/** Live entries of a track on one day (the daily cap's count). */
export function countOnDay(db: DB, trackId: number, performedOn: string): number {
  return db.prepare(COUNT_ON_DAY_SQL).pluck().get(trackId, performedOn) as number;
}

export interface EntryQuery {
  trackId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  siteId?: number | undefined;
  procedureName?: string | undefined;
  status?: EntryStatus | undefined;
  q?: string | undefined;
  /** Restrict to these ids (the engine's counting verdicts); undefined = no restriction. */
  ids?: readonly number[] | undefined;
  /** Leave out these ids (entries whose signature is void, for the Log's "Signed" filter). */
  notIds?: readonly number[] | undefined;
  sort: EntrySort;
  limit: number;
  offset: number;
}

// Each order ends with the row id so paging is stable; each matches an index from migration 003.
const ORDER_BY: Record<EntrySort, string> = {
  'date-desc': 'e.performed_on DESC, e.id DESC',
  'date-asc': 'e.performed_on ASC, e.id ASC',
  procedure: 'e.procedure_name, e.performed_on DESC, e.id DESC',
  site: 'e.site_id, e.performed_on DESC, e.id DESC',
  status: 'e.status, e.performed_on DESC, e.id DESC',
};

/**
 * How the text filter `q` is matched. Whatever the mode, the result is today's semantics: a
 * case-insensitive (ASCII, as LIKE) substring of procedure, notes, verifier or site name.
 * - 'like': the LIKE test alone, per row. Cheap when the page's index walk meets matches often
 *   (a frequent term), and the only way for 1–2 characters (trigrams need 3).
 * - 'fts': candidates from the trigram index (entries_search, migration 008) or from the sites
 *   whose name matches, then the same LIKE test on those candidates only (trigram folding is
 *   Unicode-wide, LIKE is ASCII-only: the LIKE keeps the old result exactly). Cheap when the
 *   candidates are few (a rare term), whatever the order asked for.
 */
export type TextMode = 'like' | 'fts';

/** Builds the WHERE clause and its named parameters from the log's filters. */
export function entryWhere(q: Omit<EntryQuery, 'sort' | 'limit' | 'offset'>): { where: string; params: Record<string, unknown> } {
  const clauses = ['e.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  if (q.trackId !== undefined) {
    clauses.push('e.track_id = @trackId');
    params.trackId = q.trackId;
  }
  if (q.from !== undefined) {
    clauses.push('e.performed_on >= @from');
    params.from = q.from;
  }
  if (q.to !== undefined) {
    clauses.push('e.performed_on <= @to');
    params.to = q.to;
  }
  if (q.siteId !== undefined) {
    clauses.push('e.site_id = @siteId');
    params.siteId = q.siteId;
  }
  if (q.procedureName !== undefined && q.procedureName !== '') {
    clauses.push('e.procedure_name = @procedureName');
    params.procedureName = q.procedureName;
  }
  if (q.status !== undefined) {
    clauses.push('e.status = @status');
    params.status = q.status;
  }
  if (q.q) {
    // LIKE is case-insensitive for ASCII; the wildcards the user typed are escaped.
    clauses.push(
      `(e.procedure_name LIKE @like ESCAPE '\\' OR e.notes LIKE @like ESCAPE '\\' OR e.verifier_name LIKE @like ESCAPE '\\'
        OR e.site_id IN (SELECT id FROM sites WHERE name LIKE @like ESCAPE '\\'))`,
    );
    params.like = likePattern(q.q);
  }
  if (q.ids !== undefined) {
    clauses.push('e.id IN (SELECT value FROM json_each(@ids))');
    params.ids = JSON.stringify(q.ids);
  }
  if (q.notIds !== undefined && q.notIds.length > 0) {
    clauses.push('e.id NOT IN (SELECT value FROM json_each(@notIds))');
    params.notIds = JSON.stringify(q.notIds);
  }
  return { where: clauses.join(' AND '), params };
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** The trigram tokenizer matches nothing for fewer than 3 characters (code points). */
const canUseTrigrams = (text: string) => [...text].length >= 3;
/** One quoted FTS5 phrase: with trigrams, a substring match; quotes inside are doubled. */
const ftsPhrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * Above this many text-search candidates the page walks the order's index testing LIKE per row
 * (matches are then dense: at 1,000,000 entries a page of 100 needs ~20,000 rows at worst);
 * at or below it, the page reads the candidates and sorts them (a few thousand rows at most).
 */
export const SEARCH_DRIVE_LIMIT = 3_000;

/** Candidates for the text filter, counted only up to SEARCH_DRIVE_LIMIT + 1. */
function searchCandidates(db: DB, text: string): number {
  if (!canUseTrigrams(text)) return Number.POSITIVE_INFINITY;
  const cap = SEARCH_DRIVE_LIMIT + 1;
  const { n } = db
    .prepare(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM entries_search WHERE entries_search MATCH @match LIMIT @cap))
            + (SELECT count(*) FROM (${AT_MATCHING_SITES} LIMIT @cap)) AS n`,
    )
    .get({ match: ftsPhrase(text), like: likePattern(text), cap }) as { n: number };
  return n;
}

function textModeFor(db: DB, q: Omit<EntryQuery, 'sort' | 'limit' | 'offset'>): TextMode {
  return q.q && searchCandidates(db, q.q) <= SEARCH_DRIVE_LIMIT ? 'fts' : 'like';
}

/**
 * The ids of one page, in order. Only this query walks (and skips, for OFFSET) index entries; the
 * rows themselves are then read by id, so a deep page does not join and discard thousands of rows.
 */
export function entryPageSql(q: EntryQuery, textMode: TextMode = 'like'): { sql: string; params: Record<string, unknown> } {
  const { where, params } = entryWhere(q);
  const pageParams = { ...params, limit: q.limit, offset: q.offset };
  if (textMode === 'fts' && q.q && canUseTrigrams(q.q)) {
    // CROSS JOIN keeps the candidates as the outer loop: the planner would otherwise walk the
    // order's index and probe the (rare) candidates per row, reading the whole log.
    return {
      sql: `SELECT e.id FROM (SELECT rowid AS id FROM entries_search WHERE entries_search MATCH @match
                              UNION ${AT_MATCHING_SITES}) c
            CROSS JOIN entries e ON e.id = c.id
            WHERE ${where} ORDER BY ${ORDER_BY[q.sort]} LIMIT @limit OFFSET @offset`,
      params: { ...pageParams, match: ftsPhrase(q.q) },
    };
  }
  return { sql: `SELECT e.id FROM entries e WHERE ${where} ORDER BY ${ORDER_BY[q.sort]} LIMIT @limit OFFSET @offset`, params: pageParams };
}

// Entries at the sites whose name matches, read from the site index. INDEXED BY: with the site ids
// behind a subquery the planner may otherwise scan the whole table.
const AT_MATCHING_SITES = `SELECT e.id FROM entries e INDEXED BY entries_site_date
  WHERE e.deleted_at IS NULL AND e.site_id IN (SELECT id FROM sites WHERE name LIKE @like ESCAPE '\\')`;
const MATCHING_SITES = "SELECT id FROM sites WHERE name LIKE @like ESCAPE '\\'";

/**
 * Totals of filtered views are counted up to this many rows beyond the page asked for; past it the
 * log shows "10,000+" instead of reading (at 1,000,000 entries) hundreds of thousands of index
 * entries or rows for an exact figure. The bound slides with the offset, so scrolling deeper
 * raises the total the virtual list knows and every row stays reachable.
 */
export const TOTAL_CAP = 10_000;

export interface EntryTotal {
  total: number;
  /** True when `total` is a lower bound: more rows match. */
  capped: boolean;
}

/**
 * Live entries matching the filters. Unfiltered (or by track only) it reads entry_counts, exactly;
 * otherwise it counts up to `atLeast + TOTAL_CAP` matches (see TOTAL_CAP).
 */
export function countEntries(
  db: DB,
  q: Omit<EntryQuery, 'sort' | 'limit' | 'offset'>,
  atLeast = 0,
): EntryTotal {
  const onlyTrack =
    q.from === undefined && q.to === undefined && q.siteId === undefined && !q.procedureName && q.status === undefined && !q.q && q.ids === undefined && !q.notIds?.length;
  if (onlyTrack) {
    const row = (
      q.trackId === undefined
        ? db.prepare('SELECT coalesce(sum(live), 0) AS n FROM entry_counts').get()
        : db.prepare('SELECT coalesce(sum(live), 0) AS n FROM entry_counts WHERE track_id = ?').get(q.trackId)
    ) as { n: number };
    return { total: row.n, capped: false };
  }
  const { where, params } = entryWhere(q);
  const bound = atLeast + TOTAL_CAP;
  const upTo = (sql: string, extra: Record<string, unknown>, limit: number): number =>
    (db.prepare(`SELECT count(*) AS n FROM (${sql} LIMIT @upTo)`).get({ ...params, ...extra, upTo: limit }) as { n: number }).n;
  let n: number;
  if (q.q && canUseTrigrams(q.q)) {
    // Text search: count the candidates from the indexes, never by walking the log with LIKE. Two
    // disjoint parts, so no de-duplication is needed: entries at a site whose name matches (site
    // index), then trigram candidates at any other site (each checked with LIKE, see TextMode).
    // A site match satisfies the text filter by itself: the other filters only, on the site index.
    const other = entryWhere({ ...q, q: undefined });
    n = upTo(`SELECT 1 FROM entries e INDEXED BY entries_site_date WHERE ${other.where} AND e.site_id IN (${MATCHING_SITES})`, { like: params.like }, bound + 1);
    if (n <= bound) {
      n += upTo(
        `SELECT 1 FROM entries_search f CROSS JOIN entries e ON e.id = f.rowid
         WHERE entries_search MATCH @match AND ${where} AND (e.site_id IS NULL OR e.site_id NOT IN (${MATCHING_SITES}))`,
        { match: ftsPhrase(q.q) },
        bound + 1 - n,
      );
    }
  } else {
    n = upTo(`SELECT 1 FROM entries e WHERE ${where}`, {}, bound + 1);
  }
  return n > bound ? { total: bound, capped: true } : { total: n, capped: false };
}

export function listEntries(db: DB, q: EntryQuery): { rows: Entry[]; total: number; totalCapped: boolean } {
  const textMode = textModeFor(db, q);
  const page = entryPageSql(q, textMode);
  const ids = (db.prepare(page.sql).all(page.params) as Array<{ id: number }>).map((r) => r.id);
  const found = db
    .prepare(`${ENTRY_SELECT} WHERE e.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as EntryRow[];
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.map((id) => toEntry(byId.get(id)!));
  const { total, capped } = countEntries(db, q, q.offset + q.limit);
  return { rows, total, totalCapped: capped };
}

/**
 * Distinct procedure names logged on a track, most recently performed first. A skip-scan over
 * entries_track_procedure_date (one index seek per distinct name, then one for its latest date)
 * keeps this under a millisecond at 100,000 entries, where GROUP BY read every row (~15 ms).
 */
export function loggedProcedureNames(db: DB, trackId: number, limit: number): string[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE names(name) AS (
         SELECT min(procedure_name) FROM entries WHERE track_id = @trackId AND deleted_at IS NULL
         UNION ALL
         SELECT (SELECT min(procedure_name) FROM entries
                 WHERE track_id = @trackId AND deleted_at IS NULL AND procedure_name > names.name)
         FROM names WHERE name IS NOT NULL
       )
       SELECT name, (SELECT performed_on FROM entries
                     WHERE track_id = @trackId AND deleted_at IS NULL AND procedure_name = names.name
                     ORDER BY performed_on DESC LIMIT 1) AS last
       FROM names WHERE name IS NOT NULL ORDER BY last DESC, name LIMIT @limit`,
    )
    .all({ trackId, limit }) as Array<{ name: string }>;
  return rows.map((r) => r.name);
}

export function distinctProcedureNames(db: DB, trackId: number | undefined): string[] {
  const rows = (
    trackId === undefined
      ? db.prepare('SELECT DISTINCT procedure_name AS name FROM entries WHERE deleted_at IS NULL ORDER BY 1').all()
      : db.prepare('SELECT DISTINCT procedure_name AS name FROM entries WHERE track_id = ? AND deleted_at IS NULL ORDER BY 1').all(trackId)
  ) as Array<{ name: string }>;
  return rows.map((r) => r.name);
}
