import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../../../../electron/core/db/open';
import { m001Initial } from '../../../../../electron/core/db/migrations/001-initial';
import { migrations } from '../../../../../electron/core/db/migrations';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

it('migration 004 keeps existing sites and their entries, marking them active with empty details', () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-m004-'));
  const file = path.join(dir, 'db.sqlite');
  const v1 = openDatabase(file, { migrations: [m001Initial] });
  v1.prepare("INSERT INTO sites (name, created_at, updated_at) VALUES ('Mercy General', 't', 't')").run();
  v1.prepare("INSERT INTO tracks (discipline, name, start_date, created_at, updated_at) VALUES ('CT', 'CT', '2026-01-05', 't', 't')").run();
  v1.prepare("INSERT INTO entries (track_id, performed_on, procedure_name, site_id, created_at, updated_at) VALUES (1, '2026-02-02', 'CT Head', 1, 't', 't')").run();
  v1.close();

  const db = openDatabase(file, { migrations });
  expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
  expect(db.prepare('SELECT name, kind, status, modalities_json, cost_cents, travel_minutes FROM sites').get()).toEqual({
    name: 'Mercy General', kind: 'other', status: 'active', modalities_json: '[]', cost_cents: 0, travel_minutes: null,
  });
  expect(db.prepare('SELECT site_id FROM entries').get()).toEqual({ site_id: 1 });
  // The database itself refuses what the service would: an expiry before the issue date.
  expect(() =>
    db.prepare("INSERT INTO compliance_items (kind, issued_on, expires_on, created_at, updated_at) VALUES ('bls-cpr', '2026-02-01', '2026-01-01', 't', 't')").run(),
  ).toThrow(/CHECK constraint failed/);
  db.close();
});
