import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrations } from '../../../../../electron/core/db/migrations';
import { openDatabase } from '../../../../../electron/core/db/open';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

it('migration 006 keeps existing rows and adds the schedule tables with their checks', () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-m006-'));
  const file = path.join(dir, 'db.sqlite');
  const before = openDatabase(file, { migrations: migrations.filter((m) => m.version < 6) });
  before.prepare("INSERT INTO sites (name, created_at, updated_at) VALUES ('Mercy General', 't', 't')").run();
  before.prepare("INSERT INTO tracks (discipline, name, start_date, created_at, updated_at) VALUES ('CT', 'CT', '2026-01-05', 't', 't')").run();
  before.prepare("INSERT INTO entries (track_id, performed_on, procedure_name, site_id, created_at, updated_at) VALUES (1, '2026-02-02', 'Routine Head', 1, 't', 't')").run();
  before.close();

  const db = openDatabase(file, { migrations });
  expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
  expect(db.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: 1 });
  expect(db.prepare('SELECT count(*) AS n FROM planning_settings').get()).toEqual({ n: 0 });
  // One settings row only; time off cannot end before it starts; a session needs a real site and sane hours.
  db.prepare("INSERT INTO planning_settings (id, updated_at) VALUES (1, 't')").run();
  expect(() => db.prepare("INSERT INTO planning_settings (id, updated_at) VALUES (2, 't')").run()).toThrow(/CHECK constraint failed/);
  expect(() => db.prepare("INSERT INTO time_off (from_date, to_date, created_at) VALUES ('2026-12-24', '2026-12-20', 't')").run()).toThrow(
    /CHECK constraint failed/,
  );
  expect(() =>
    db.prepare("INSERT INTO rotation_sessions (site_id, date, hours, created_at, updated_at) VALUES (1, '2026-12-01', 0, 't', 't')").run(),
  ).toThrow(/CHECK constraint failed/);
  expect(() =>
    db.prepare("INSERT INTO rotation_sessions (site_id, date, hours, created_at, updated_at) VALUES (7, '2026-12-01', 8, 't', 't')").run(),
  ).toThrow(/FOREIGN KEY constraint failed/);
  db.close();
});
