import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { m001Initial } from '../../../../../electron/core/db/migrations/001-initial';
import { m002Catalogs } from '../../../../../electron/core/db/migrations/002-catalogs';
import { openDatabase } from '../../../../../electron/core/db/open';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

it('migration 002 adds immutable catalog revisions beside existing tracks', () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-m002-'));
  const file = path.join(dir, 'db.sqlite');
  const v1 = openDatabase(file, { migrations: [m001Initial] });
  v1.prepare("INSERT INTO tracks (discipline, name, start_date, created_at, updated_at) VALUES ('CT', 'CT', '2026-01-05', 't', 't')").run();
  v1.close();

  const db = openDatabase(file, { migrations: [m001Initial, m002Catalogs] });
  expect(db.pragma('user_version', { simple: true })).toBe(2);
  expect(db.prepare('SELECT name, catalog_id FROM tracks').get()).toEqual({ name: 'CT', catalog_id: null });

  const insert = db.prepare(
    "INSERT INTO catalogs (key, discipline, version_label, json, revision, created_at) VALUES ('k', 'CT', 'v1', ?, ?, 't')",
  );
  insert.run('{"a":1}', 1);
  expect(() => insert.run('{"a":2}', 1)).toThrow(/UNIQUE constraint failed/);
  expect(() => insert.run('not json', 2)).toThrow(/CHECK constraint failed/);
  expect(() => db.prepare("UPDATE catalogs SET version_label = 'v2'").run()).toThrow(/immutable/);

  // Unused revisions may go; one a track points to may not.
  insert.run('{"a":2}', 2);
  db.prepare('UPDATE tracks SET catalog_id = 1').run();
  expect(() => db.prepare('DELETE FROM catalogs WHERE id = 1').run()).toThrow(/used by a track/);
  db.prepare('DELETE FROM catalogs WHERE id = 2').run();
  expect(db.prepare('SELECT count(*) AS n FROM catalogs').get()).toEqual({ n: 1 });
  db.close();
});
