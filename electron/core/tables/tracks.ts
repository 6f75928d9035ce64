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

export interface NewTrack {
  discipline: DisciplineCode;
  name: string;
  startDate: string;
  plannedApplicationDate: string | null;
  supportingCredential: string | null;
  catalogId: number | null;
  now: string;
}

export function insertTrack(db: DB, t: NewTrack): number {
  const info = db
    .prepare(
      `INSERT INTO tracks (discipline, name, start_date, planned_application_date, supporting_credential, catalog_id, created_at, updated_at)
       VALUES (@discipline, @name, @startDate, @plannedApplicationDate, @supportingCredential, @catalogId, @now, @now)`,
    )
    .run(t);
  return Number(info.lastInsertRowid);
}
