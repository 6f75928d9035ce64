// Migration 014 gives each wallet item and education activity its own attachment name. A database
// made by the previous release (schema 13) keeps every name it showed: each reference is backfilled
// from its `attachments` row, including two items sharing one row (both showed the first upload's
// name then, and still do); the files are served as before. An export written by that release
// (schema 13, without the column) imports the same way.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../../../electron/core/backend';
import { migrations } from '../../../../../electron/core/db/migrations';
import { openDatabase, type DB } from '../../../../../electron/core/db/open';
import { exportJson } from '../../../../../electron/core/import/json';
import { call } from '../../../../helpers/backend';
import { fixedClock, tempDir } from '../../../../helpers/tmp';

const pdf = readFileSync(path.resolve('tests/fixtures/sites/bls-certificate.pdf'));
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR-and-more')]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** What release 13 wrote: attachments stored once by hash, items pointing at them. */
function fillVersion13(db: DB, dir: string) {
  mkdirSync(path.join(dir, 'attachments'), { recursive: true });
  writeFileSync(path.join(dir, 'attachments', `${sha(pdf)}.pdf`), pdf);
  writeFileSync(path.join(dir, 'attachments', `${sha(png)}.png`), png);
  const att = db.prepare("INSERT INTO attachments (sha256, mime, size_bytes, original_name, created_at) VALUES (?, ?, ?, ?, '2026-01-10T10:00:00Z')");
  const shared = Number(att.run(sha(pdf), 'application/pdf', pdf.length, 'BLS card.pdf').lastInsertRowid);
  const photo = Number(att.run(sha(png), 'image/png', png.length, 'flu shot.png').lastInsertRowid);
  const item = db.prepare(
    `INSERT INTO compliance_items (kind, label, expires_on, hipaa_source, notes, attachment_id, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, '2026-01-10T10:00:00Z', '2026-01-10T10:00:00Z', ?)`,
  );
  item.run('bls-cpr', '', '2028-01-31', null, '', shared, null);
  item.run('hipaa', '', null, 'employer', 'Same scan as the BLS card', shared, null); // the second upload of the same bytes
  item.run('flu-vaccination', '', '2026-09-30', null, '', photo, null);
  item.run('drug-screen', '', null, null, 'Paper copy at home', null, null);
  item.run('background-check', '', null, null, '', photo, '2026-02-01T09:00:00Z'); // deleted, undo-able
  db.prepare(
    "INSERT INTO tracks (discipline, name, start_date, created_at, updated_at) VALUES ('CT', 'CT nights', '2025-06-01', 't', 't')",
  ).run();
  const act = db.prepare(
    `INSERT INTO education_activities (track_id, completed_on, title, provider, credits, category_key, attachment_id, created_at, updated_at)
     VALUES (1, ?, ?, 'ASRT', ?, ?, ?, 't', 't')`,
  );
  act.run('2026-03-02', 'Dose optimisation', 4, 'safety', shared);
  act.run('2026-04-10', 'Contrast reactions', 2, 'patient-care', null);
}

const EXPECTED_ITEMS = [
  ['bls-cpr', 'BLS card.pdf'],
  ['hipaa', 'BLS card.pdf'],
  ['flu-vaccination', 'flu shot.png'],
  ['drug-screen', null],
  ['background-check', 'flu shot.png'],
];

describe('migration 014: attachment names per reference', () => {
  it('upgrades a version-13 database: every item and activity keeps the name and file it had', async () => {
    const dir = tempDir('radledger-m014-');
    const file = path.join(dir, 'radledger.sqlite');
    const before = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 13) });
    expect(before.pragma('user_version', { simple: true })).toBe(13);
    fillVersion13(before, dir);
    before.close();

    const db = openDatabase(file, { migrations });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect(db.prepare('SELECT kind, attachment_name FROM compliance_items ORDER BY id').raw().all()).toEqual(EXPECTED_ITEMS);
    expect(db.prepare('SELECT title, attachment_name FROM education_activities ORDER BY id').raw().all()).toEqual([
      ['Dose optimisation', 'BLS card.pdf'],
      ['Contrast reactions', null],
    ]);
    // Nothing else moved: still one row per content.
    expect(db.prepare('SELECT original_name FROM attachments ORDER BY id').pluck().all()).toEqual(['BLS card.pdf', 'flu shot.png']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();

    // Through the backend: the wallet and education list and serve the same names and bytes.
    const b = openBackend({ dataDir: dir, host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T12:00:00Z') });
    const items = await call(b, 'compliance.list', undefined);
    expect(items.map((i) => [i.kind, i.attachment?.originalName ?? null]).sort()).toEqual(
      EXPECTED_ITEMS.filter(([k]) => k !== 'background-check').sort(),
    );
    for (const i of items.filter((x) => x.attachment)) {
      const served = await call(b, 'compliance.attachment', { id: i.attachment!.id, itemId: i.id });
      const bytes = i.attachment!.mime === 'application/pdf' ? pdf : png;
      expect(served).toEqual({ name: i.attachment!.originalName, mime: i.attachment!.mime, sizeBytes: bytes.length, dataUrl: `data:${i.attachment!.mime};base64,${bytes.toString('base64')}` });
    }
    const restored = await call(b, 'compliance.restore', { id: 5 });
    expect(restored.attachment?.originalName).toBe('flu shot.png');
    const edu = await call(b, 'education.list', { trackId: 1 });
    expect(edu.activities.map((a) => [a.title, a.attachment?.originalName ?? null])).toEqual([
      ['Contrast reactions', null],
      ['Dose optimisation', 'BLS card.pdf'],
    ]);

    // From now on a new upload of the same bytes keeps its own name, and the old ones keep theirs.
    const again = await call(b, 'compliance.create', { kind: 'tb-test', attachment: { name: 'TB result.pdf', dataBase64: pdf.toString('base64') } });
    expect(again.attachment).toMatchObject({ id: items.find((i) => i.kind === 'bls-cpr')!.attachment!.id, originalName: 'TB result.pdf' });
    expect((await call(b, 'compliance.list', undefined)).find((i) => i.kind === 'hipaa')!.attachment!.originalName).toBe('BLS card.pdf');
    b.close();
  });

  it('imports a JSON export written by the version-13 release (no name column): each reference takes its attachment’s name', async () => {
    const oldDir = tempDir('radledger-m014-old-');
    const old = openDatabase(path.join(oldDir, 'radledger.sqlite'), { migrations: migrations.filter((m) => m.version <= 13) });
    fillVersion13(old, oldDir);
    const doc = exportJson(old, '0.13.0', new Date('2026-11-20T12:00:00Z'));
    old.close();
    expect(doc.schemaVersion).toBe(13);
    expect(doc.tables.compliance_items!.columns).not.toContain('attachment_name');

    const dir = tempDir('radledger-m014-new-');
    const b = openBackend({ dataDir: dir, host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T12:00:00Z') });
    await call(b, 'exportjson.import', { json: JSON.stringify(doc) });
    expect(b.db.prepare('SELECT kind, attachment_name FROM compliance_items ORDER BY id').raw().all()).toEqual(EXPECTED_ITEMS);
    expect((await call(b, 'education.list', { trackId: 1 })).activities.map((a) => a.attachment?.originalName ?? null)).toEqual([null, 'BLS card.pdf']);
    b.close();
  });
});
