// Per-entry review on this device, what an edit would void, returned entries, and the quick log's
// verifier record.
import { afterEach, describe, expect, it } from 'vitest';
import type { EditImpact, ReturnedEntry, ReviewResult } from '../../../../../shared/ipc/review';
import type { EntrySignStates, SignoffPreview } from '../../../../../shared/ipc/signoff';
import { dumpDb } from '../../../../helpers/db-dump';
import { call, seed, type Seeded } from './signoff-seed';

let s: Seeded | undefined;
afterEach(() => {
  s?.backend.close();
  s = undefined;
});

const ATTESTED = { facility: true, 'date-time': true, equipment: true, present: true, quality: true };

async function preview(x: Seeded) {
  return call<SignoffPreview>(x.backend, 'signoff.preview', { batch: { trackId: x.trackId, siteId: x.siteId }, kind: 'verifier', verifierId: x.verifierId });
}

function edit(x: Seeded, id: number, patch: Record<string, unknown> = {}) {
  const e = x.backend.db.prepare('SELECT performed_on, performed_at, procedure_name, status FROM entries WHERE id = ?').get(id) as Record<string, string>;
  return { id, performedOn: e.performed_on, performedAt: e.performed_at, procedureName: e.procedure_name, siteName: 'Mercy General', notes: '', simulated: false, status: e.status, ...patch };
}

describe('per-entry review', () => {
  it('signs the accepted entries and returns the others with the reason; they never count as signed', async () => {
    s = await seed(5);
    const p = await preview(s);
    const decisions = p.entries.map((e, i) => ({ entryId: e.id, decision: i === 1 ? 'reject' : i === 3 ? 'correct' : 'accept', reason: i === 1 ? 'Not my shift' : i === 3 ? 'Time should be 14:00' : '' }));
    const r = await call<ReviewResult>(s.backend, 'review.submit', {
      batch: { trackId: s.trackId, siteId: s.siteId }, kind: 'verifier', verifierId: s.verifierId, decisions, digest: p.digest, signerName: 'Dana Okafor', method: 'typed', attested: ATTESTED,
    });
    expect(r).toMatchObject({ accepted: 3, rejected: 1, corrections: 1 });
    expect(r.signature!.entryIds).toHaveLength(3);
    const states = await call<EntrySignStates>(s.backend, 'signoff.entryStates', { trackId: s.trackId });
    expect(p.entries.map((e) => states.states[e.id])).toEqual(['signed', 'rejected', 'signed', 'needs-correction', 'signed']);
    expect(states.statuses[p.entries[1]!.id]).toBe('draft');
    const returned = await call<ReturnedEntry[]>(s.backend, 'review.returned', {});
    expect(returned.map((x) => [x.entry.id, x.mark.reason, x.mark.by, x.mark.changedSince])).toEqual([
      [p.entries[1]!.id, 'Not my shift', 'Dana Okafor', false],
      [p.entries[3]!.id, 'Time should be 14:00', 'Dana Okafor', false],
    ]);
    // The candidate corrects it: still returned (not signed), now marked as changed since.
    await call(s.backend, 'entries.update', edit(s, p.entries[3]!.id, { performedAt: '14:00' }));
    const after = await call<ReturnedEntry[]>(s.backend, 'review.returned', {});
    expect(after.find((x) => x.entry.id === p.entries[3]!.id)!.mark).toMatchObject({ state: 'needs-correction', changedSince: true });
  });

  it('refuses a rejection without a reason, a reason that looks like a patient identifier, and a missing attestation, writing nothing', async () => {
    s = await seed(2);
    const p = await preview(s);
    const before = dumpDb(s.backend.db);
    const base = { batch: { trackId: s.trackId, siteId: s.siteId }, kind: 'verifier', verifierId: s.verifierId, digest: p.digest, signerName: 'Dana Okafor', method: 'typed', attested: ATTESTED };
    const noReason = await s.backend.dispatch('review.submit', { ...base, decisions: [{ entryId: p.entries[0]!.id, decision: 'reject' }, { entryId: p.entries[1]!.id, decision: 'accept' }] });
    expect(noReason.ok).toBe(false);
    if (!noReason.ok) expect(noReason.error.issues?.[0]?.path).toBe('decisions.0.reason');
    const phi = await s.backend.dispatch('review.submit', { ...base, decisions: [{ entryId: p.entries[0]!.id, decision: 'reject', reason: 'Patient MRN 12345678 was wrong' }, { entryId: p.entries[1]!.id, decision: 'accept' }] });
    expect(phi.ok).toBe(false);
    if (!phi.ok) expect(phi.error.issues?.[0]?.path).toBe('decisions.0.reason');
    const unattested = await s.backend.dispatch('review.submit', { ...base, attested: {}, decisions: p.entries.map((e) => ({ entryId: e.id, decision: 'accept' })) });
    expect(unattested.ok).toBe(false);
    expect(dumpDb(s.backend.db)).toEqual(before);
  });

  it('says exactly whose signature an edit would void, without making the edit', async () => {
    s = await seed(3);
    const p = await preview(s);
    await call(s.backend, 'review.submit', {
      batch: { trackId: s.trackId, siteId: s.siteId }, kind: 'verifier', verifierId: s.verifierId, digest: p.digest, signerName: 'Dana Okafor', method: 'typed', attested: ATTESTED,
      decisions: p.entries.map((e) => ({ entryId: e.id, decision: 'accept' })),
    });
    const target = p.entries[0]!.id;
    const before = dumpDb(s.backend.db);
    const impact = await call<EditImpact>(s.backend, 'review.editImpact', edit(s, target, { performedAt: '06:30' }));
    expect(impact.voids).toEqual([expect.objectContaining({ kind: 'verifier', signerName: 'Dana Okafor', signerCredentials: 'R.T.(R)(CT)(ARRT)', otherEntries: 2 })]);
    expect(dumpDb(s.backend.db)).toEqual(before);
    // A private note voids nothing.
    expect((await call<EditImpact>(s.backend, 'review.editImpact', edit(s, target, { notes: 'good timing' }))).voids).toEqual([]);
  });
});

describe('over the daily cap', () => {
  it("flags the entries beyond ARRT's cap for their day, counting every entry of the track that day in time order", async () => {
    s = await seed(1);
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) {
      const e = await call<{ id: number }>(s.backend, 'entries.create', {
        trackId: s.trackId, performedOn: '2026-06-08', performedAt: `${String(8 + i).padStart(2, '0')}:00`, procedureName: `CT ${i}`, siteName: i === 0 ? 'County Clinic' : 'Mercy General',
      });
      ids.push(e.id);
    }
    const p = await preview(s);
    expect(p.dailyCap).toBe(9);
    expect(p.dayCounts['2026-06-08']).toBe(10); // the County entry counts toward the day
    expect(p.overCapIds).toEqual([ids[9]]);
    // An entry already entered in ARRT's tool uses the cap up first: the latest pending one is over it.
    await call(s.backend, 'entries.setStatus', { ids: [ids[9]], status: 'entered' });
    expect((await preview(s)).overCapIds).toEqual([ids[8]]);
  });
});

describe('the quick log remembers the verifier record', () => {
  it('an entry created with a verifier record stores its id and shows its name; memory returns the record', async () => {
    s = await seed(1);
    const e = await call<{ id: number; verifierId: number | null; verifierName: string | null }>(s.backend, 'entries.create', {
      trackId: s.trackId, performedOn: '2026-06-05', procedureName: 'CT Head', siteName: 'Mercy General', verifierId: s.verifierId, verifierName: 'ignored text',
    });
    expect(e).toMatchObject({ verifierId: s.verifierId, verifierName: 'Dana Okafor' });
    expect(await call(s.backend, 'entries.memory', { trackId: s.trackId })).toEqual({ siteName: 'Mercy General', verifierId: s.verifierId, verifierName: 'Dana Okafor' });
    // Editing the entry without touching the verifier keeps the record linked.
    const kept = await call<{ verifierId: number | null }>(s.backend, 'entries.update', { ...edit(s, e.id), verifierName: 'Dana Okafor' });
    expect(kept.verifierId).toBe(s.verifierId);
    // A shift logged with the record stores it on every entry.
    const shift = await call<{ ids: number[] }>(s.backend, 'entries.createShift', {
      trackId: s.trackId, performedOn: '2026-06-06', siteName: 'Mercy General', verifierId: s.verifierId, rows: [{ procedureName: 'CT Chest', count: 2 }],
    });
    const rows = s.backend.db.prepare('SELECT verifier_id, verifier_name FROM entries WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(shift.ids));
    expect(rows).toEqual([{ verifier_id: s.verifierId, verifier_name: 'Dana Okafor' }, { verifier_id: s.verifierId, verifier_name: 'Dana Okafor' }]);
  });
});
