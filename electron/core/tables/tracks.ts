import type { DisciplineCode } from '../../../shared/disciplines';
import type { Track } from '../../../shared/domain';
import type { DB } from '../db/open';

interface TrackRow {
  id: number;
  discipline: string;
  name: string;
  start_date: string;
  planned_application_date: string | null;
  exam_window_assigned_on: string | null;
  window_locked_on: string | null;
  supporting_credential: string | null;
  mqsa_qualified_on: string | null;
  catalog_id: number | null;
  created_at: string;
}

export function toTrack(r: TrackRow): Track {
  return {
    id: r.id,
    discipline: r.discipline as DisciplineCode,
    name: r.name,
    startDate: r.start_date,
    plannedApplicationDate: r.planned_application_date,
    examWindowAssignedOn: r.exam_window_assigned_on,
    windowLockedOn: r.window_locked_on,
    supportingCredential: r.supporting_credential,
    mqsaQualifiedOn: r.mqsa_qualified_on,
    catalogId: r.catalog_id,
    createdAt: r.created_at,
  };
}

export function listTracks(db: DB): Track[] {
  const rows = db.prepare('SELECT * FROM tracks WHERE archived_at IS NULL ORDER BY id').all() as TrackRow[];
  return rows.map(toTrack);
}

export function getTrack(db: DB, id: number): Track | undefined {
  const row = db.prepare('SELECT * FROM tracks WHERE id = ?').get(id) as TrackRow | undefined;
  return row && toTrack(row);
}

export interface TrackFields {
  discipline: DisciplineCode;
  name: string;
  startDate: string;
  plannedApplicationDate: string | null;
  examWindowAssignedOn: string | null;
  windowLockedOn: string | null;
  supportingCredential: string | null;
  mqsaQualifiedOn: string | null;
  catalogId: number | null;
  now: string;
}

export function insertTrack(db: DB, t: TrackFields): number {
  const info = db
    .prepare(
      `INSERT INTO tracks (discipline, name, start_date, planned_application_date, exam_window_assigned_on, window_locked_on,
                           supporting_credential, mqsa_qualified_on, catalog_id, created_at, updated_at)
       VALUES (@discipline, @name, @startDate, @plannedApplicationDate, @examWindowAssignedOn, @windowLockedOn,
               @supportingCredential, @mqsaQualifiedOn, @catalogId, @now, @now)`,
    )
    .run(t);
  return Number(info.lastInsertRowid);
}

export function updateTrack(db: DB, id: number, t: TrackFields): void {
  db.prepare(
    `UPDATE tracks SET discipline = @discipline, name = @name, start_date = @startDate,
            planned_application_date = @plannedApplicationDate, exam_window_assigned_on = @examWindowAssignedOn,
            window_locked_on = @windowLockedOn,
            supporting_credential = @supportingCredential, mqsa_qualified_on = @mqsaQualifiedOn,
            catalog_id = @catalogId, updated_at = @now
     WHERE id = @id`,
  ).run({ ...t, id });
}

export function liveEntryCount(db: DB, trackId: number): { n: number; earliest: string | null } {
  return db
    .prepare('SELECT count(*) AS n, min(performed_on) AS earliest FROM entries WHERE track_id = ? AND deleted_at IS NULL')
    .get(trackId) as { n: number; earliest: string | null };
}
