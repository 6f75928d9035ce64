// Seeds a large log straight through SQL (one transaction) for query-plan tests and benches.
// Deterministic: the same arguments always produce the same rows.
import type { DB } from '../../electron/core/db/open';

export const SEED_PROCEDURES = ['CT Head', 'CT Chest', 'CT Abdomen/Pelvis', 'CT Spine', 'CT Angiography', 'CT Sinus', 'CT Extremity'];
const STATUSES = ['draft', 'signed', 'entered', 'verified'] as const;

/** Two tracks (CT, MR), five sites, `n` entries spread over ~3 years ending 2026-11-20. */
export function seedLog(db: DB, n: number): void {
  const now = '2026-11-24T12:00:00.000Z';
  db.transaction(() => {
    const track = db.prepare(
      "INSERT INTO tracks (discipline, name, start_date, created_at, updated_at) VALUES (?, ?, '2023-01-01', ?, ?)",
    );
    track.run('CT', 'Computed Tomography', now, now);
    track.run('MR', 'Magnetic Resonance Imaging', now, now);
    const site = db.prepare('INSERT INTO sites (name, created_at, updated_at) VALUES (?, ?, ?)');
    for (const name of ['Mercy General', 'Valley Imaging', 'St. Luke', 'Northside Clinic', 'County Hospital']) site.run(name, now, now);
    const insert = db.prepare(
      `INSERT INTO entries (track_id, performed_on, procedure_name, site_id, patient_marker, status, notes, created_at, updated_at, deleted_at)
       VALUES (@trackId, @performedOn, @procedureName, @siteId, @marker, @status, '', @now, @now, @deletedAt)`,
    );
    const end = Date.UTC(2026, 10, 20);
    for (let i = 0; i < n; i++) {
      const day = new Date(end - Math.floor((i * 1000) / n) * 86_400_000).toISOString().slice(0, 10);
      insert.run({
        trackId: (i % 5) + 1 <= 4 ? 1 : 2,
        performedOn: day,
        procedureName: SEED_PROCEDURES[i % SEED_PROCEDURES.length],
        siteId: (i % 5) + 1,
        marker: i + 1,
        status: STATUSES[i % 4],
        now,
        deletedAt: i % 97 === 0 ? now : null,
      });
    }
  })();
  db.exec('ANALYZE');
}
