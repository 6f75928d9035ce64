import type { DB } from '../db/open';

/** Returns the id of the site with this name (case-insensitive), creating it if needed. */
export function ensureSite(db: DB, name: string, now: string): number {
  const found = db.prepare('SELECT id FROM sites WHERE name = ?').get(name) as { id: number } | undefined;
  if (found) return found.id;
  return Number(
    db.prepare('INSERT INTO sites (name, created_at, updated_at) VALUES (?, ?, ?)').run(name, now, now).lastInsertRowid,
  );
}

export function listSiteNames(db: DB): Array<{ id: number; name: string }> {
  return db.prepare('SELECT id, name FROM sites ORDER BY name').all() as Array<{ id: number; name: string }>;
}
