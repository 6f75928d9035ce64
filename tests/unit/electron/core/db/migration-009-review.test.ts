// Migration 009 on a real version-8 database: tests/fixtures/signoff/v8-signed.sqlite was made by
// the released sign-off code (tests/fixtures/signoff/make-v8-signed.ts): Dana's drawn signature over
// 4 entries, her paper signature over 2, Lee's typed signature over the County entry (edited after
// signing: void before the upgrade) and a supervisor approval of the 6 Mercy entries.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../../../electron/core/backend';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../../../electron/core/db/migrations';
import { openDatabase } from '../../../../../electron/core/db/open';
import { exportJson } from '../../../../../electron/core/import/json';
import type { EntrySignStates, IntegrityReport, SignatureView } from '../../../../../shared/ipc/signoff';
import { fixedClock, tempDir } from '../../../../helpers/tmp';
import { call } from '../services/signoff-seed';

const FIXTURE = path.join(import.meta.dirname, '../../../../fixtures/signoff/v8-signed.sqlite');

function upgraded() {
  const dir = tempDir('radledger-m009-');
  copyFileSync(FIXTURE, path.join(dir, 'radledger.sqlite'));
  return { dir, backend: openBackend({ dataDir: dir, host: 'preview', appVersion: 'test', now: fixedClock('2026-07-01T10:00:00.000Z') }) };
}

describe('migration 009 (per-entry signatures)', () => {
  it('the fixture is a version-8 database', () => {
    const dir = tempDir('radledger-m009-');
    copyFileSync(FIXTURE, path.join(dir, 'db.sqlite'));
    const db = openDatabase(path.join(dir, 'db.sqlite'), { migrations: migrations.filter((m) => m.version <= 8) });
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare('SELECT count(*) AS n FROM signatures').get()).toEqual({ n: 4 });
    db.close();
  });

  it('keeps every signature meaning what it meant, per entry, and a later edit voids that entry only', async () => {
    const { backend } = upgraded();
    const db = backend.db;
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    // Every entry got a distinct UUID; every signature link names it and holds a digest or NULL.
    const uuids = db.prepare('SELECT uuid FROM entries').all() as Array<{ uuid: string }>;
    expect(new Set(uuids.map((u) => u.uuid)).size).toBe(7);
    for (const u of uuids) expect(u.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const links = db.prepare('SELECT entry_uuid, entry_digest FROM signature_entries').all() as Array<{ entry_uuid: string | null; entry_digest: string | null }>;
    expect(links.every((l) => l.entry_uuid !== null)).toBe(true);

    const trackId = (db.prepare('SELECT id FROM tracks').get() as { id: number }).id;
    const sigs = await call<SignatureView[]>(backend, 'signoff.list', {});
    const byName = (name: string, kind = 'verifier', method?: string) => sigs.find((s) => s.signerName === name && s.kind === kind && (!method || s.method === method))!;
    expect(byName('Dana Okafor', 'verifier', 'drawn').validity).toEqual({ state: 'valid' });
    expect(byName('Dana Okafor', 'verifier', 'paper').validity).toEqual({ state: 'valid' });
    expect(byName('Dana Okafor', 'supervisor').validity).toEqual({ state: 'valid' });
    // Lee's signature was void before the upgrade (its only entry edited after signing): still void, with the day.
    expect(byName('Lee Park').validity).toMatchObject({ state: 'void', on: '2026-06-16T09:00:00.000Z' });
    // The digests were recomputed from the signed content, recovered from the audit log.
    const lee = links.filter((l) => l.entry_digest !== null);
    expect(lee.length).toBe(links.length);

    let states = await call<EntrySignStates>(backend, 'signoff.entryStates', { trackId });
    const mercy = byName('Dana Okafor', 'verifier', 'drawn').entryIds;
    const paper = byName('Dana Okafor', 'verifier', 'paper').entryIds;
    const county = byName('Lee Park').entryIds[0]!;
    expect(mercy.map((id) => states.states[id])).toEqual(['signed', 'signed', 'signed', 'signed']);
    expect(paper.map((id) => states.states[id])).toEqual(['signed-on-paper', 'signed-on-paper']);
    expect(states.states[county]).toBe('void');
    expect((await call<IntegrityReport>(backend, 'signoff.integrity')).ok).toBe(true);

    // A later edit to one entry voids that entry's signature only.
    const target = mercy[1]!;
    const e = db.prepare('SELECT performed_on, procedure_name FROM entries WHERE id = ?').get(target) as { performed_on: string; procedure_name: string };
    await call(backend, 'entries.update', { id: target, performedOn: e.performed_on, performedAt: '07:00', procedureName: e.procedure_name, siteName: 'Mercy General', notes: '', simulated: false, status: 'signed' });
    const after = await call<SignatureView[]>(backend, 'signoff.list', {});
    const drawn = after.find((s) => s.method === 'drawn')!;
    expect(drawn.validity).toMatchObject({ state: 'partly-void', voidEntryIds: [target] });
    expect(after.find((s) => s.method === 'paper')!.validity).toEqual({ state: 'valid' });
    states = await call<EntrySignStates>(backend, 'signoff.entryStates', { trackId });
    expect(mercy.map((id) => states.states[id])).toEqual(['signed', 'void', 'signed', 'signed']);
    expect((await call<IntegrityReport>(backend, 'signoff.integrity')).ok).toBe(true);
    backend.close();
  });

  it('signatures stay checkable after a JSON export is imported on another computer', async () => {
    const { backend } = upgraded();
    const exported = await call<{ json: string }>(backend, 'exportjson.export');
    const before = await call<SignatureView[]>(backend, 'signoff.list', {});
    backend.close();
    const other = openBackend({ dataDir: tempDir('radledger-m009-other-'), host: 'preview', appVersion: 'test', now: fixedClock('2026-07-02T10:00:00.000Z') });
    await call(other, 'exportjson.import', { json: exported.json });
    const after = await call<SignatureView[]>(other, 'signoff.list', {});
    expect(after.map((s) => [s.id, s.validity.state])).toEqual(before.map((s) => [s.id, s.validity.state]));
    const uuidsBefore = JSON.parse(exported.json).tables.entries;
    const col = uuidsBefore.columns.indexOf('uuid');
    const there = other.db.prepare('SELECT uuid FROM entries ORDER BY id').all() as Array<{ uuid: string }>;
    expect(there.map((r) => r.uuid)).toEqual(uuidsBefore.rows.map((r: unknown[]) => r[col]));
    other.close();
  });

  it('a version-1 JSON export (schema 8) still imports: entries get UUIDs and signatures keep their meaning', async () => {
    const dir = tempDir('radledger-m009-');
    copyFileSync(FIXTURE, path.join(dir, 'db.sqlite'));
    const v8 = openDatabase(path.join(dir, 'db.sqlite'), { migrations: migrations.filter((m) => m.version <= 8) });
    const doc = { ...exportJson(v8, 'v8', new Date('2026-06-20T00:00:00Z')), formatVersion: 1 };
    v8.close();
    expect(doc.schemaVersion).toBe(8);
    const other = openBackend({ dataDir: tempDir('radledger-m009-v1-'), host: 'preview', appVersion: 'test', now: fixedClock('2026-07-02T10:00:00.000Z') });
    await call(other, 'exportjson.import', { json: JSON.stringify(doc) });
    const sigs = await call<SignatureView[]>(other, 'signoff.list', {});
    expect(sigs.map((s) => `${s.signerName}/${s.method}:${s.validity.state}`).sort()).toEqual([
      'Dana Okafor/drawn:valid',
      'Dana Okafor/paper:valid',
      'Dana Okafor/typed:valid',
      'Lee Park/typed:void',
    ]);
    expect((other.db.prepare('SELECT count(*) AS n FROM entries WHERE uuid IS NULL').get() as { n: number }).n).toBe(0);
    other.close();
  });
});
