import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrations } from '../../../../../electron/core/db/migrations';
import { openDatabase } from '../../../../../electron/core/db/open';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

it('migration 012 keeps a version-8 log (entries, search, counts) and adds import history and name maps', () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-m012-'));
  const file = path.join(dir, 'db.sqlite');
  const v8 = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 8) });
  expect(v8.pragma('user_version', { simple: true })).toBe(8);
  v8.prepare("INSERT INTO sites (name, created_at, updated_at) VALUES ('Mercy General', 't', 't')").run();
  v8.prepare("INSERT INTO tracks (discipline, name, start_date, created_at, updated_at) VALUES ('CT', 'CT', '2026-01-05', 't', 't')").run();
  const add = v8.prepare(
    "INSERT INTO entries (track_id, performed_on, procedure_name, site_id, verifier_name, notes, created_at, updated_at) VALUES (1, ?, ?, 1, 'Dana Reyes', ?, 't', 't')",
  );
  add.run('2026-02-02', 'Routine Head', 'contrast reaction drill');
  add.run('2026-02-03', 'Routine Chest', '');
  v8.prepare("UPDATE entries SET deleted_at = 't2' WHERE id = 2").run();
  v8.close();

  const db = openDatabase(file, { migrations });
  expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
  // Existing rows keep their meaning: same values, no import id, counts and search unchanged.
  expect(db.prepare('SELECT id, performed_on, procedure_name, site_id, verifier_name, deleted_at, import_id FROM entries ORDER BY id').all()).toEqual([
    { id: 1, performed_on: '2026-02-02', procedure_name: 'Routine Head', site_id: 1, verifier_name: 'Dana Reyes', deleted_at: null, import_id: null },
    { id: 2, performed_on: '2026-02-03', procedure_name: 'Routine Chest', site_id: 1, verifier_name: 'Dana Reyes', deleted_at: 't2', import_id: null },
  ]);
  expect(db.prepare('SELECT live FROM entry_counts WHERE track_id = 1').pluck().get()).toBe(1);
  expect(db.prepare(`SELECT rowid FROM entries_search WHERE entries_search MATCH '"drill"'`).pluck().all()).toEqual([1]);
  expect(db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0);

  // The new tables work and keep their rules.
  db.prepare("INSERT INTO imports (track_id, file_name, file_sha256, imported_at, rows_in_file, imported) VALUES (1, 'log.xlsx', 'h', 't3', 2, 2)").run();
  db.prepare("INSERT INTO entries (track_id, performed_on, procedure_name, import_id, created_at, updated_at) VALUES (1, '2026-02-04', 'Sinuses', 1, 't3', 't3')").run();
  expect(db.prepare('SELECT count(*) FROM entries WHERE import_id = 1').pluck().get()).toBe(1);
  expect(() => db.prepare("INSERT INTO imports (track_id, file_name, file_sha256, imported_at, rows_in_file, imported) VALUES (9, 'x', 'h', 't', 0, 0)").run()).toThrow(
    /FOREIGN KEY/,
  );
  expect(() => db.prepare("INSERT INTO imports (track_id, file_name, file_sha256, imported_at, rows_in_file, imported) VALUES (1, 'x', 'h', 't', -1, 0)").run()).toThrow(
    /CHECK/,
  );
  db.prepare("INSERT INTO import_name_maps (kind, scope, source, target_id, target_name, updated_at) VALUES ('procedure', 'CT', 'CT head w/o', 'routine-head', 'Routine Head', 't')").run();
  expect(() =>
    db.prepare("INSERT INTO import_name_maps (kind, scope, source, target_id, target_name, updated_at) VALUES ('procedure', 'CT', 'ct HEAD w/o', 'x', 'X', 't')").run(),
  ).toThrow(/UNIQUE/); // one mapping per name, whatever its case
  db.close();
});
