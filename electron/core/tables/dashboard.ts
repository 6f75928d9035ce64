// The dashboard's reads: the live log in the engine's shape, and the aggregates done in SQL (per
// site and procedure, per site and day), which read the covering index of migration 006. Entries
// per day are counted from the rows the engine reads anyway, which is cheaper than a second pass.
import type { EngineEntry } from '../../../shared/engine/evaluate';
import type { DB } from '../db/open';

// The name only where there is no catalog id (entries logged before a catalog was assigned): 100,000
// strings that would go unused cost more than the rest of the row.
export const ENGINE_ROWS_SQL = `SELECT id, performed_on, performed_at, created_at, procedure_id, simulated, patient_marker,
    CASE WHEN procedure_id IS NULL THEN procedure_name END
  FROM entries WHERE track_id = ? AND deleted_at IS NULL`;

/** Live entries of a track in the engine's shape; `procedureName` (only when there is no id) maps names to catalog ids. */
export function engineRows(db: DB, trackId: number): Array<EngineEntry & { procedureName: string | null }> {
  // raw() returns arrays: at 100,000 rows that is markedly cheaper than one object per row.
  const rows = db
    .prepare(ENGINE_ROWS_SQL)
    .raw()
    .all(trackId) as Array<[number, string, string | null, string, string | null, number, number | null, string | null]>;
  const out = new Array<EngineEntry & { procedureName: string | null }>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    out[i] = {
      id: r[0],
      performedOn: r[1],
      performedAt: r[2],
      createdAt: r[3],
      procedureId: r[4],
      simulated: r[5] === 1,
      patientMarker: r[6],
      procedureName: r[7],
    };
  }
  return out;
}

export const SITE_PROCEDURE_SQL = `SELECT site_id AS siteId, procedure_id AS procedureId, procedure_name AS procedureName, count(*) AS n
  FROM entries WHERE track_id = ? AND deleted_at IS NULL AND site_id IS NOT NULL
  GROUP BY site_id, procedure_id, procedure_name`;

export interface SiteProcedureCount {
  siteId: number;
  procedureId: string | null;
  procedureName: string;
  n: number;
}

/** How often each procedure was logged at each site for this track. */
export function siteProcedureCounts(db: DB, trackId: number): SiteProcedureCount[] {
  return db.prepare(SITE_PROCEDURE_SQL).all(trackId) as SiteProcedureCount[];
}

export const SITE_DAYS_SQL = `SELECT site_id AS siteId, count(*) AS n, count(DISTINCT performed_on) AS days
  FROM entries WHERE track_id = ? AND deleted_at IS NULL AND site_id IS NOT NULL GROUP BY site_id`;

/** Entries and distinct days per site for this track: the planner's yield per rotation day. */
export function siteDays(db: DB, trackId: number): Array<{ siteId: number; n: number; days: number }> {
  return db.prepare(SITE_DAYS_SQL).all(trackId) as Array<{ siteId: number; n: number; days: number }>;
}

export interface SiteInfo {
  id: number;
  name: string;
  travelMinutes: number | null;
  status: string | null;
}

function hasTable(db: DB, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function hasColumn(db: DB, table: string, column: string): boolean {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).some((c) => c.name === column);
}

/** Every site, with travel time and status when the Sites feature's columns exist. */
export function allSites(db: DB): SiteInfo[] {
  const rich = hasColumn(db, 'sites', 'travel_minutes');
  const sql = rich
    ? 'SELECT id, name, travel_minutes AS travelMinutes, status FROM sites ORDER BY id'
    : 'SELECT id, name, NULL AS travelMinutes, NULL AS status FROM sites ORDER BY id';
  return db.prepare(sql).all() as SiteInfo[];
}

/** Procedures each site says it offers (Sites page); null when that feature's table does not exist. */
export function offeredProcedures(db: DB): Array<{ siteId: number; name: string; procedureId: string | null }> | null {
  if (!hasTable(db, 'site_procedures')) return null;
  return db.prepare('SELECT site_id AS siteId, name, procedure_id AS procedureId FROM site_procedures').all() as Array<{
    siteId: number;
    name: string;
    procedureId: string | null;
  }>;
}
