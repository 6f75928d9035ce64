import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrations } from '../../../../../electron/core/db/migrations';
import { openDatabase } from '../../../../../electron/core/db/open';
import { openBackend } from '../../../../../electron/core/backend';
import { call } from '../../../../helpers/backend';
import { fixedClock } from '../../../../helpers/tmp';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

it('migration 010 upgrades a version-8 database: tracks keep their meaning, exam windows get their lock date, education tables start empty', async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-m010-'));
  const file = path.join(dir, 'radledger.sqlite');
  const before = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 8) });
  expect(before.pragma('user_version', { simple: true })).toBe(8);
  const track = before.prepare(
    `INSERT INTO tracks (discipline, name, start_date, planned_application_date, exam_window_assigned_on, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 't', 't')`,
  );
  track.run('CT', 'CT, no exam window', '2025-01-06', '2026-12-01', null);
  track.run('MR', 'MR, applied then assigned', '2023-01-02', '2025-01-20', '2025-03-01');
  track.run('M', 'Mammo, assigned, application date unknown', '2023-01-02', null, '2025-03-10');
  track.run('VI', 'VI, planned date after the assignment', '2023-01-02', '2026-01-10', '2025-03-10');
  const entry = before.prepare("INSERT INTO entries (track_id, performed_on, procedure_name, created_at, updated_at) VALUES (?, ?, ?, 't', 't')");
  entry.run(3, '2023-03-09', 'Screening mammogram'); // outside the window frozen at 2025-03-10
  entry.run(3, '2023-06-01', 'Screening mammogram');
  entry.run(1, '2025-02-03', 'Routine Head');
  before.prepare("INSERT INTO attachments (sha256, mime, size_bytes, original_name, created_at) VALUES ('ab', 'application/pdf', 10, 'card.pdf', 't')").run();
  before.close();

  const db = openDatabase(file, { migrations });
  expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
  const rows = db.prepare('SELECT name, planned_application_date AS planned, exam_window_assigned_on AS assigned, window_locked_on AS locked FROM tracks ORDER BY id').all();
  expect(rows).toEqual([
    { name: 'CT, no exam window', planned: '2026-12-01', assigned: null, locked: null },
    { name: 'MR, applied then assigned', planned: '2025-01-20', assigned: '2025-03-01', locked: '2025-01-20' },
    { name: 'Mammo, assigned, application date unknown', planned: null, assigned: '2025-03-10', locked: '2025-03-10' },
    { name: 'VI, planned date after the assignment', planned: '2026-01-10', assigned: '2025-03-10', locked: '2025-03-10' },
  ]);
  expect(db.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(3);
  expect(db.prepare('SELECT count(*) FROM education_activities').pluck().get()).toBe(0);
  // The checks hold: credits must be positive, a category named, the track real.
  const add = db.prepare(
    "INSERT INTO education_activities (track_id, completed_on, title, credits, category_key, created_at, updated_at) VALUES (?, '2026-01-01', 'Course', ?, ?, 't', 't')",
  );
  expect(() => add.run(1, 0, 'safety')).toThrow(/CHECK constraint failed/);
  expect(() => add.run(1, 1, '')).toThrow(/CHECK constraint failed/);
  expect(() => add.run(99, 1, 'safety')).toThrow(/FOREIGN KEY constraint failed/);
  add.run(1, 1.5, 'safety');
  db.close();

  // Through the backend: the upgraded mammography track's expired entry stays expired years later.
  const b = openBackend({ dataDir: dir, host: 'preview', appVersion: 't', now: fixedClock('2027-06-01T12:00:00Z') });
  const d = await call(b, 'dashboard.get', { trackId: 3 });
  expect(d.overall.counted).toBe(1);
  expect(d.notCounting.map((n) => [n.reason, n.count])).toEqual([['expired', 1]]);
  expect((await call(b, 'education.list', { trackId: 1 })).summary).toMatchObject({ counted: 1.5, requiredTotal: 16 });
  b.close();
});
