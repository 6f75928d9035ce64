import type { Entry, EntryStatus } from '../../../shared/domain';
import type { DB } from '../db/open';

export interface EntryRow {
  id: number;
  track_id: number;
  performed_on: string;
  performed_at: string | null;
  procedure_id: string | null;
  procedure_name: string;
  site_id: number | null;
  site_name: string | null;
  verifier_id: number | null;
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
    trackId: r.track_id,
    performedOn: r.performed_on,
    performedAt: r.performed_at,
    procedureId: r.procedure_id,
    procedureName: r.procedure_name,
    siteId: r.site_id,
    siteName: r.site_name,
    verifierId: r.verifier_id,
    patientMarker: r.patient_marker,
    simulated: r.simulated === 1,
    notes: r.notes,
    status: r.status as EntryStatus,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const ENTRY_SELECT = `
  SELECT e.id, e.track_id, e.performed_on, e.performed_at, e.procedure_id, e.procedure_name,
         e.site_id, s.name AS site_name, e.verifier_id, e.patient_marker, e.simulated, e.notes,
         e.status, e.created_at, e.updated_at
  FROM entries e LEFT JOIN sites s ON s.id = e.site_id`;

export function getEntry(db: DB, id: number): Entry | undefined {
  const row = db.prepare(`${ENTRY_SELECT} WHERE e.id = ? AND e.deleted_at IS NULL`).get(id) as EntryRow | undefined;
  return row && toEntry(row);
}

export interface NewEntry {
  trackId: number;
  performedOn: string;
  performedAt: string | null;
  procedureId: string | null;
  procedureName: string;
  siteId: number | null;
  verifierId: number | null;
  patientMarker: number | null;
  simulated: boolean;
  notes: string;
  status: EntryStatus;
  now: string;
}

export function insertEntry(db: DB, e: NewEntry): number {
  const info = db
    .prepare(
      `INSERT INTO entries (track_id, performed_on, performed_at, procedure_id, procedure_name, site_id, verifier_id,
                            patient_marker, simulated, notes, status, created_at, updated_at)
       VALUES (@trackId, @performedOn, @performedAt, @procedureId, @procedureName, @siteId, @verifierId,
               @patientMarker, @simulated, @notes, @status, @now, @now)`,
    )
    .run({ ...e, simulated: e.simulated ? 1 : 0 });
  return Number(info.lastInsertRowid);
}

export function listEntries(db: DB, q: { trackId?: number | undefined; limit: number; offset: number }): { rows: Entry[]; total: number } {
  const where = q.trackId === undefined ? 'e.deleted_at IS NULL' : 'e.track_id = @trackId AND e.deleted_at IS NULL';
  const params = { trackId: q.trackId, limit: q.limit, offset: q.offset };
  const rows = db
    .prepare(`${ENTRY_SELECT} WHERE ${where} ORDER BY e.performed_on DESC, e.id DESC LIMIT @limit OFFSET @offset`)
    .all(params) as EntryRow[];
  const { n } = db.prepare(`SELECT count(*) AS n FROM entries e WHERE ${where}`).get(params) as { n: number };
  return { rows: rows.map(toEntry), total: n };
}
