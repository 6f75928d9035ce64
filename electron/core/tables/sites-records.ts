// The full site record (migration 004 columns) with its offered procedures and requirements.
// tables/sites.ts keeps the log's ensureSite; this module owns the outreach side.
import type { DisciplineCode } from '../../../shared/disciplines';
import type {
  Affiliation,
  OfferedProcedure,
  Requirement,
  SiteKind,
  SiteRecord,
  SiteStatus,
} from '../../../shared/sites/types';
import type { DB } from '../db/open';

interface SiteRow {
  id: number;
  name: string;
  kind: string;
  location: string;
  travel_minutes: number | null;
  affiliation: string | null;
  modalities_json: string;
  equipment: string;
  cost_cents: number;
  housing: string;
  notes: string;
  status: string;
  declined_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** What the user edits about a site: the record without its id, pipeline state and timestamps. */
export type SiteFields = Omit<SiteRecord, 'id' | 'status' | 'declinedReason' | 'createdAt' | 'updatedAt'>;

function offeredOf(db: DB, siteId: number): OfferedProcedure[] {
  return (
    db.prepare('SELECT name, procedure_id FROM site_procedures WHERE site_id = ? ORDER BY id').all(siteId) as Array<{
      name: string;
      procedure_id: string | null;
    }>
  ).map((r) => ({ name: r.name, procedureId: r.procedure_id }));
}

function requirementsOf(db: DB, siteId: number): Requirement[] {
  return db.prepare('SELECT kind, label FROM site_requirements WHERE site_id = ? ORDER BY id').all(siteId) as Requirement[];
}

function toSite(db: DB, r: SiteRow): SiteRecord {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as SiteKind,
    location: r.location,
    travelMinutes: r.travel_minutes,
    affiliation: r.affiliation as Affiliation | null,
    modalities: JSON.parse(r.modalities_json) as DisciplineCode[],
    equipment: r.equipment,
    costCents: r.cost_cents,
    housing: r.housing,
    notes: r.notes,
    status: r.status as SiteStatus,
    declinedReason: r.declined_reason,
    offered: offeredOf(db, r.id),
    requirements: requirementsOf(db, r.id),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getSiteRecord(db: DB, id: number): SiteRecord | undefined {
  const row = db.prepare('SELECT * FROM sites WHERE id = ?').get(id) as SiteRow | undefined;
  return row && toSite(db, row);
}

export function listSiteRecords(db: DB): SiteRecord[] {
  return (db.prepare('SELECT * FROM sites ORDER BY name').all() as SiteRow[]).map((r) => toSite(db, r));
}

/** The id of another site with this name (case-insensitive, like the UNIQUE index). */
export function siteNameTaken(db: DB, name: string, exceptId: number | null): { id: number; name: string } | undefined {
  return db.prepare('SELECT id, name FROM sites WHERE name = ? AND id IS NOT ?').get(name, exceptId) as
    | { id: number; name: string }
    | undefined;
}

function params(f: SiteFields) {
  return {
    name: f.name,
    kind: f.kind,
    location: f.location,
    travelMinutes: f.travelMinutes,
    affiliation: f.affiliation,
    modalitiesJson: JSON.stringify([...new Set(f.modalities)]),
    equipment: f.equipment,
    costCents: f.costCents,
    housing: f.housing,
    notes: f.notes,
  };
}

function replaceChildren(db: DB, siteId: number, f: SiteFields): void {
  db.prepare('DELETE FROM site_procedures WHERE site_id = ?').run(siteId);
  const addProc = db.prepare(
    'INSERT INTO site_procedures (site_id, name, procedure_id) VALUES (?, ?, ?) ON CONFLICT (site_id, name) DO NOTHING',
  );
  for (const p of f.offered) addProc.run(siteId, p.name, p.procedureId);
  db.prepare('DELETE FROM site_requirements WHERE site_id = ?').run(siteId);
  const addReq = db.prepare(
    'INSERT INTO site_requirements (site_id, kind, label) VALUES (?, ?, ?) ON CONFLICT (site_id, kind, label) DO NOTHING',
  );
  for (const r of f.requirements) addReq.run(siteId, r.kind, r.label);
}

export function insertSiteRecord(db: DB, f: SiteFields & { status: SiteStatus }, now: string): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO sites (name, kind, location, travel_minutes, affiliation, modalities_json, equipment, cost_cents,
                            housing, notes, status, created_at, updated_at)
         VALUES (@name, @kind, @location, @travelMinutes, @affiliation, @modalitiesJson, @equipment, @costCents,
                 @housing, @notes, @status, @now, @now)`,
      )
      .run({ ...params(f), status: f.status, now }).lastInsertRowid,
  );
  replaceChildren(db, id, f);
  return id;
}

export function updateSiteRecord(db: DB, id: number, f: SiteFields, now: string): void {
  db.prepare(
    `UPDATE sites SET name = @name, kind = @kind, location = @location, travel_minutes = @travelMinutes,
            affiliation = @affiliation, modalities_json = @modalitiesJson, equipment = @equipment,
            cost_cents = @costCents, housing = @housing, notes = @notes, updated_at = @now
     WHERE id = @id`,
  ).run({ ...params(f), id, now });
  replaceChildren(db, id, f);
}

export function setSiteStatus(db: DB, id: number, status: SiteStatus, declinedReason: string | null, now: string): void {
  db.prepare('UPDATE sites SET status = ?, declined_reason = ?, updated_at = ? WHERE id = ?').run(status, declinedReason, now, id);
}
