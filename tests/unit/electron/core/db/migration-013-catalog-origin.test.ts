import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrations } from '../../../../../electron/core/db/migrations';
import { openDatabase } from '../../../../../electron/core/db/open';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

it('migration 013 keeps saved revisions and the tracks on them, marks none as imported, and keeps revisions immutable', () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-m013-'));
  const file = path.join(dir, 'db.sqlite');
  const json = readFileSync(path.resolve('resources/catalogs/example.json'), 'utf8');
  const before = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 8) });
  const insert = before.prepare(
    "INSERT INTO catalogs (key, discipline, version_label, json, revision, created_at) VALUES ('example-ct-like', 'CT', 'Example', ?, ?, '2026-01-01T00:00:00Z')",
  );
  insert.run(json, 1);
  insert.run(json.replace('"value": 15', '"value": 20'), 2);
  before.prepare("INSERT INTO tracks (discipline, name, start_date, catalog_id, created_at, updated_at) VALUES ('CT', 'CT', '2026-01-05', 1, 't', 't')").run();
  before.prepare("INSERT INTO entries (track_id, performed_on, procedure_name, created_at, updated_at) VALUES (1, '2026-02-02', 'Routine Head', 't', 't')").run();
  before.close();

  const db = openDatabase(file, { migrations });
  expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
  expect(db.prepare('SELECT id, key, revision, imported_from AS importedFrom, json = ? AS sameJson FROM catalogs ORDER BY id').all(json)).toEqual([
    { id: 1, key: 'example-ct-like', revision: 1, importedFrom: null, sameJson: 1 },
    { id: 2, key: 'example-ct-like', revision: 2, importedFrom: null, sameJson: 0 },
  ]);
  expect(db.prepare('SELECT catalog_id FROM tracks').pluck().get()).toBe(1);
  expect(() => db.prepare("UPDATE catalogs SET imported_from = 'x.json' WHERE id = 1").run()).toThrow(/immutable/);
  expect(() => db.prepare('DELETE FROM catalogs WHERE id = 1').run()).toThrow(/used by a track/);
  expect(() =>
    db.prepare("INSERT INTO catalogs (key, discipline, version_label, json, revision, created_at, imported_from) VALUES ('k', 'CT', 'v', '{}', 1, 't', '')").run(),
  ).toThrow(/CHECK constraint failed/);
  db.close();
});
