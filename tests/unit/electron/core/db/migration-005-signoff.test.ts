import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../../../../electron/core/db/open';
import { m001Initial } from '../../../../../electron/core/db/migrations/001-initial';
import { migrations } from '../../../../../electron/core/db/migrations';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

it('migration 005 adds the sign-off tables to a database with entries, and the schema refuses bad rows', () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-m005-'));
  const file = path.join(dir, 'db.sqlite');
  const v1 = openDatabase(file, { migrations: [m001Initial] });
  v1.prepare("INSERT INTO sites (name, created_at, updated_at) VALUES ('Mercy General', 't', 't')").run();
  v1.prepare("INSERT INTO tracks (discipline, name, start_date, created_at, updated_at) VALUES ('CT', 'CT', '2026-01-05', 't', 't')").run();
  v1.prepare("INSERT INTO entries (track_id, performed_on, procedure_name, site_id, created_at, updated_at) VALUES (1, '2026-02-02', 'CT Head', 1, 't', 't')").run();
  v1.close();

  const db = openDatabase(file, { migrations });
  expect(db.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: 1 });
  db.prepare("INSERT INTO verifiers (name, credentials, created_at, updated_at) VALUES ('Dana Okafor', 'RT', 't', 't')").run();
  db.prepare('INSERT INTO verifier_sites (verifier_id, site_id) VALUES (1, 1)').run();
  const sign = db.prepare(
    `INSERT INTO signatures (kind, method, track_id, site_id, verifier_id, signer_name, checklist_json, signed_at, entries_digest, entry_ids_json)
     VALUES (?, ?, 1, 1, 1, 'Dana Okafor', '[]', 't', 'd', '[1]')`,
  );
  sign.run('verifier', 'drawn');
  expect(() => sign.run('witness', 'drawn')).toThrow(/CHECK constraint failed/);
  expect(() => sign.run('verifier', 'fax')).toThrow(/CHECK constraint failed/);
  expect(() =>
    db.prepare("INSERT INTO paper_attachments (signature_id, file_name, mime, size, sha256, bytes, created_at) VALUES (1, 'x.exe', 'application/x-msdownload', 1, 'h', x'00', 't')").run(),
  ).toThrow(/CHECK constraint failed/);
  // One candidate row only.
  db.prepare("INSERT INTO candidate (id, name, updated_at) VALUES (1, 'Jamie', 't')").run();
  expect(() => db.prepare("INSERT INTO candidate (id, name, updated_at) VALUES (2, 'Other', 't')").run()).toThrow(/CHECK constraint failed/);
  // Deleting a verifier keeps the signature (the signer's name is stored on it) and drops site links.
  db.prepare('DELETE FROM verifiers WHERE id = 1').run();
  expect(db.prepare('SELECT verifier_id, signer_name FROM signatures').get()).toEqual({ verifier_id: null, signer_name: 'Dana Okafor' });
  expect(db.prepare('SELECT count(*) AS n FROM verifier_sites').get()).toEqual({ n: 0 });
  db.close();
});
