// Migration 003 on a database that already holds entries: the counts start right, and the triggers
// keep them right through every way an entry can appear, disappear or move.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../electron/core/db/open';
import { migrations } from '../../../../../electron/core/db/migrations';
import { tempDir } from '../../../../helpers/tmp';

const NOW = '2026-11-24T12:00:00.000Z';

describe('migration 003 (capture)', () => {
  it('adds the verifier column, the log indexes and counts that follow inserts, deletes, restores and moves', () => {
    const file = path.join(tempDir(), 'v2.sqlite');
    const before = openDatabase(file, { migrations: migrations.filter((m) => m.version < 3) });
    before.exec(`
      INSERT INTO tracks (id, discipline, name, start_date, created_at, updated_at) VALUES
        (1, 'CT', 'CT', '2026-01-01', '${NOW}', '${NOW}'), (2, 'MR', 'MR', '2026-01-01', '${NOW}', '${NOW}');
      INSERT INTO entries (track_id, performed_on, procedure_name, created_at, updated_at, deleted_at) VALUES
        (1, '2026-02-01', 'CT Head', '${NOW}', '${NOW}', NULL),
        (1, '2026-02-02', 'CT Chest', '${NOW}', '${NOW}', NULL),
        (1, '2026-02-03', 'CT Neck', '${NOW}', '${NOW}', '${NOW}'),
        (2, '2026-02-04', 'MRI Brain', '${NOW}', '${NOW}', NULL);
    `);
    before.close();

    const db = openDatabase(file);
    const counts = () => db.prepare('SELECT track_id AS t, live FROM entry_counts ORDER BY track_id').all();
    expect(counts()).toEqual([{ t: 1, live: 2 }, { t: 2, live: 1 }]);
    const columns = (db.prepare('PRAGMA table_info(entries)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toContain('verifier_name');
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entries'").all() as Array<{ name: string }>).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['entries_live_date', 'entries_status_date', 'entries_track_status_date', 'entries_site_date', 'entries_track_procedure_date', 'entries_procedure_date', 'entries_patient_marker', 'entries_track_id']));

    db.prepare(`INSERT INTO entries (track_id, performed_on, procedure_name, created_at, updated_at) VALUES (2, '2026-03-01', 'MRI Knee', ?, ?)`).run(NOW, NOW);
    expect(counts()).toEqual([{ t: 1, live: 2 }, { t: 2, live: 2 }]);
    db.prepare('UPDATE entries SET deleted_at = ? WHERE id = 1').run(NOW); // soft delete
    db.prepare('UPDATE entries SET deleted_at = NULL WHERE id = 3').run(); // restore
    db.prepare('UPDATE entries SET notes = ? WHERE id = 2').run('no effect on counts');
    expect(counts()).toEqual([{ t: 1, live: 2 }, { t: 2, live: 2 }]);
    db.prepare('UPDATE entries SET track_id = 2 WHERE id = 2').run(); // moved between tracks
    expect(counts()).toEqual([{ t: 1, live: 1 }, { t: 2, live: 3 }]);
    db.prepare('DELETE FROM entries WHERE id = 4').run(); // physical delete of a live row
    db.prepare('DELETE FROM entries WHERE id = 1').run(); // of a soft-deleted one: no change
    expect(counts()).toEqual([{ t: 1, live: 1 }, { t: 2, live: 2 }]);
    const live = db.prepare('SELECT track_id AS t, count(*) AS live FROM entries WHERE deleted_at IS NULL GROUP BY track_id ORDER BY track_id').all();
    expect(counts()).toEqual(live);
    db.close();
  });
});
