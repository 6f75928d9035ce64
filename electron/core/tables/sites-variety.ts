// What was performed at each site, from the live log, grouped the way site variety reads it.
import type { PerformedCount } from '../../../shared/sites/variety';
import type { DB } from '../db/open';

export function performedBySite(db: DB, trackId: number | undefined): PerformedCount[] {
  const rows = db
    .prepare(
      `SELECT site_id, procedure_id, min(procedure_name) AS procedure_name, count(*) AS count
       FROM entries
       WHERE deleted_at IS NULL AND site_id IS NOT NULL AND (@trackId IS NULL OR track_id = @trackId)
       GROUP BY site_id, procedure_id, CASE WHEN procedure_id IS NULL THEN lower(trim(procedure_name)) END`,
    )
    .all({ trackId: trackId ?? null }) as Array<{ site_id: number; procedure_id: string | null; procedure_name: string; count: number }>;
  return rows.map((r) => ({ siteId: r.site_id, procedureId: r.procedure_id, procedureName: r.procedure_name, count: r.count }));
}
