// SQL for verifiers and the sites they work at or are affiliated with.
import type { Verifier } from '../../../shared/ipc/verifiers';
import type { DB } from '../db/open';

interface VerifierRow {
  id: number;
  name: string;
  credentials: string;
  arrt_id: string | null;
  email: string | null;
  created_at: string;
  site_ids: string | null;
  site_names: string | null;
}

// group_concat with a unit separator: site names may contain commas.
const SELECT = `
  SELECT v.id, v.name, v.credentials, v.arrt_id, v.email, v.created_at,
         (SELECT group_concat(vs.site_id, char(31)) FROM verifier_sites vs WHERE vs.verifier_id = v.id) AS site_ids,
         (SELECT group_concat(s.name, char(31)) FROM verifier_sites vs JOIN sites s ON s.id = vs.site_id
           WHERE vs.verifier_id = v.id) AS site_names
  FROM verifiers v`;

function toVerifier(r: VerifierRow): Verifier {
  return {
    id: r.id,
    name: r.name,
    credentials: r.credentials,
    arrtId: r.arrt_id,
    email: r.email,
    siteIds: r.site_ids ? r.site_ids.split('\u001f').map(Number) : [],
    siteNames: r.site_names ? r.site_names.split('\u001f') : [],
    createdAt: r.created_at,
  };
}

export function listVerifiers(db: DB): Verifier[] {
  return (db.prepare(`${SELECT} WHERE v.archived_at IS NULL ORDER BY v.name COLLATE NOCASE, v.id`).all() as VerifierRow[]).map(toVerifier);
}

/** Archived verifiers too: old signatures still name them. */
export function getVerifier(db: DB, id: number): Verifier | undefined {
  const row = db.prepare(`${SELECT} WHERE v.id = ?`).get(id) as VerifierRow | undefined;
  return row && toVerifier(row);
}

export interface VerifierFields {
  name: string;
  credentials: string;
  arrtId: string | null;
  email: string | null;
  siteIds: number[];
}

export function insertVerifier(db: DB, v: VerifierFields, now: string): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO verifiers (name, credentials, arrt_id, email, created_at, updated_at)
         VALUES (@name, @credentials, @arrtId, @email, @now, @now)`,
      )
      .run({ ...v, now }).lastInsertRowid,
  );
  setVerifierSites(db, id, v.siteIds);
  return id;
}

export function updateVerifier(db: DB, id: number, v: VerifierFields, now: string): boolean {
  const changed =
    db
      .prepare(
        `UPDATE verifiers SET name = @name, credentials = @credentials, arrt_id = @arrtId, email = @email, updated_at = @now
         WHERE id = @id AND archived_at IS NULL`,
      )
      .run({ ...v, id, now }).changes === 1;
  if (changed) setVerifierSites(db, id, v.siteIds);
  return changed;
}

function setVerifierSites(db: DB, id: number, siteIds: number[]): void {
  db.prepare('DELETE FROM verifier_sites WHERE verifier_id = ?').run(id);
  const add = db.prepare('INSERT OR IGNORE INTO verifier_sites (verifier_id, site_id) VALUES (?, ?)');
  for (const siteId of siteIds) add.run(id, siteId);
}

export function archiveVerifier(db: DB, id: number, now: string): boolean {
  return db.prepare('UPDATE verifiers SET archived_at = ?, updated_at = ? WHERE id = ? AND archived_at IS NULL').run(now, now, id).changes === 1;
}

export function missingSiteIds(db: DB, siteIds: number[]): number[] {
  const has = db.prepare('SELECT 1 FROM sites WHERE id = ?');
  return siteIds.filter((id) => !has.get(id));
}
