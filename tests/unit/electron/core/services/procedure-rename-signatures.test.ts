// A signature covers each entry's procedure (id and name), so renaming a procedure across the log
// voids the signatures of the renamed entries that are signed. Like a site rename, the write refuses
// until the caller confirms, says whose signatures would go, and with the confirmation proceeds.
// Undoing the rename puts the signed digest back, so it asks nothing and the signatures hold again.
import { afterEach, describe, expect, it } from 'vitest';
import type { ProcedureRenameResult } from '../../../../../shared/ipc/names';
import type { SignatureImpact } from '../../../../../shared/sites/signature-impact';
import { dumpDb } from '../../../../helpers/db-dump';
import { call, seed, signSite, signStates, type Seeded } from './signoff-seed';

let s: Seeded | undefined;
afterEach(() => {
  s?.backend.close();
  s = undefined;
});

/** Two "ct head w/o" entries signed at Mercy General (with two other signed ones), one unsigned at County Clinic. */
async function signedHeads() {
  const x = await seed(2);
  const add = async (siteName: string) =>
    (await call<{ id: number }>(x.backend, 'entries.create', { trackId: x.trackId, performedOn: '2026-06-04', procedureName: 'ct head w/o', siteName })).id;
  const heads = [await add('Mercy General'), await add('Mercy General')];
  await signSite(x, x.siteId);
  const unsigned = await add('County Clinic');
  return { x, heads, unsigned, others: x.entryIds };
}

const names = (x: Seeded, ids: number[]) =>
  ids.map((id) => x.backend.db.prepare('SELECT procedure_name FROM entries WHERE id = ?').pluck().get(id) as string);

describe('renaming a procedure with signed entries', () => {
  it('is refused without confirmation, naming how many entries and whose signatures, and changes nothing', async () => {
    const t = await signedHeads();
    s = t.x;
    const before = dumpDb(s.backend.db);
    const r = await s.backend.dispatch('entries.renameProcedure', { trackId: s.trackId, from: 'ct head w/o', to: 'Head without contrast' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('conflict');
      expect(r.error.message).toContain('2 signed entries');
      expect(r.error.message).toContain('Dana Okafor');
      expect(r.error.message).toContain('Rename anyway');
    }
    expect(dumpDb(s.backend.db)).toEqual(before);
    const st = await signStates(s);
    expect([...t.heads, ...t.others].map((id) => st[id])).toEqual(['signed', 'signed', 'signed', 'signed']);
  });

  it('says beforehand whose signatures it would void, without renaming', async () => {
    const t = await signedHeads();
    s = t.x;
    const before = dumpDb(s.backend.db);
    const impact = await call<SignatureImpact>(s.backend, 'entries.renameProcedureImpact', { trackId: s.trackId, from: 'ct head w/o', to: 'Head without contrast' });
    expect(impact.entries).toBe(2);
    expect(impact.voids).toEqual([expect.objectContaining({ kind: 'verifier', signerName: 'Dana Okafor', signerCredentials: 'R.T.(R)(CT)(ARRT)', entries: 2 })]);
    expect(dumpDb(s.backend.db)).toEqual(before);
  });

  it('with confirmation renames and voids exactly the signatures of the renamed signed entries', async () => {
    const t = await signedHeads();
    s = t.x;
    const r = await call<ProcedureRenameResult>(s.backend, 'entries.renameProcedure', { trackId: s.trackId, from: 'ct head w/o', to: 'Head without contrast', voidSignatures: true });
    expect(r.updated).toBe(3);
    expect(names(s, [...t.heads, t.unsigned])).toEqual(['Head without contrast', 'Head without contrast', 'Head without contrast']);
    const st = await signStates(s);
    expect(t.heads.map((id) => st[id])).toEqual(['void', 'void']);
    expect(t.others.map((id) => st[id])).toEqual(['signed', 'signed']);
  });

  it('a rename touching no signed entry needs no confirmation', async () => {
    const t = await signedHeads();
    s = t.x;
    const r = await call<ProcedureRenameResult>(s.backend, 'entries.renameProcedure', { trackId: s.trackId, from: 'CT Elsewhere', to: 'CT Abdomen' });
    expect(r.updated).toBe(1);
    // Only the unsigned one of the name (the ids of an undo): nothing signed changes, nothing is asked.
    const one = await call<ProcedureRenameResult>(s.backend, 'entries.renameProcedure', { trackId: s.trackId, from: 'ct head w/o', to: 'CT Head', ids: [t.unsigned] });
    expect(one.ids).toEqual([t.unsigned]);
    expect((await signStates(s))[t.heads[0]!]).toBe('signed');
  });

  it('undoing a confirmed rename puts the signed digest back: nothing is asked and the signatures hold again', async () => {
    const t = await signedHeads();
    s = t.x;
    const r = await call<ProcedureRenameResult>(s.backend, 'entries.renameProcedure', { trackId: s.trackId, from: 'ct head w/o', to: 'Head without contrast', voidSignatures: true });
    const impact = await call<SignatureImpact>(s.backend, 'entries.renameProcedureImpact', { trackId: s.trackId, from: r.to, to: 'ct head w/o', ids: r.ids });
    expect(impact.entries).toBe(0);
    await call(s.backend, 'entries.renameProcedure', { trackId: s.trackId, from: r.to, to: 'ct head w/o', ids: r.ids });
    expect(names(s, [...t.heads, t.unsigned])).toEqual(['ct head w/o', 'ct head w/o', 'ct head w/o']);
    const st = await signStates(s);
    expect([...t.heads, ...t.others].map((id) => st[id])).toEqual(['signed', 'signed', 'signed', 'signed']);
  });

  it('an undo that would void a newer signature (signed again under the new name) is refused like any rename', async () => {
    const t = await signedHeads();
    s = t.x;
    const r = await call<ProcedureRenameResult>(s.backend, 'entries.renameProcedure', { trackId: s.trackId, from: 'ct head w/o', to: 'Head without contrast', voidSignatures: true });
    await signSite(s, s.siteId);
    expect((await signStates(s))[t.heads[0]!]).toBe('signed');
    const undo = await s.backend.dispatch('entries.renameProcedure', { trackId: s.trackId, from: r.to, to: 'ct head w/o', ids: r.ids });
    expect(undo.ok).toBe(false);
    if (!undo.ok) {
      expect(undo.error.kind).toBe('conflict');
      expect(undo.error.message).toContain('2 signed entries');
    }
    expect(names(s, t.heads)).toEqual(['Head without contrast', 'Head without contrast']);
  });

  it('refuses an unknown confirmation field (strict contract)', async () => {
    const t = await signedHeads();
    s = t.x;
    const r = await s.backend.dispatch('entries.renameProcedure', { trackId: s.trackId, from: 'ct head w/o', to: 'CT Head', voidSignature: true });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('validation');
      expect(r.error.message).toContain('voidSignature');
    }
  });
});
