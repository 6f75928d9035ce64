// The Log's Status filter and signatures: "Signed" lists entries whose signature still holds; an
// entry edited after signing (its signature void, though its stored status is still 'signed') is
// listed under "Signature void" instead, as the Log marks it.
import { afterEach, describe, expect, it } from 'vitest';
import type { EntryPage } from '../../../../../shared/ipc/entries';
import type { SignoffPreview } from '../../../../../shared/ipc/signoff';
import { ATTESTED, call, seed, type Seeded } from './signoff-seed';

let s: Seeded | undefined;
afterEach(() => {
  s?.backend.close();
  s = undefined;
});

async function ids(x: Seeded, filter: Record<string, unknown>) {
  const page = await call<EntryPage>(x.backend, 'entries.list', { trackId: x.trackId, ...filter });
  return { ids: page.rows.map((r) => r.id).sort((a, b) => a - b), total: page.total };
}

describe('the Log status filter and void signatures', () => {
  it('"Signed" leaves out entries whose signature is void; "Signature void" lists exactly those', async () => {
    s = await seed(3);
    const p = await call<SignoffPreview>(s.backend, 'signoff.preview', { batch: { trackId: s.trackId, siteId: s.siteId }, kind: 'verifier', verifierId: s.verifierId });
    await call(s.backend, 'review.submit', {
      batch: { trackId: s.trackId, siteId: s.siteId }, kind: 'verifier', verifierId: s.verifierId, digest: p.digest, signerName: 'Dana Okafor', method: 'typed', attested: ATTESTED,
      decisions: p.entries.map((e) => ({ entryId: e.id, decision: 'accept' })),
    });
    const [edited, ...kept] = [...s.entryIds].sort((a, b) => a - b) as [number, ...number[]];
    const e = s.backend.db.prepare('SELECT performed_on, procedure_name FROM entries WHERE id = ?').get(edited) as { performed_on: string; procedure_name: string };
    await call(s.backend, 'entries.update', { id: edited, performedOn: e.performed_on, performedAt: '06:30', procedureName: e.procedure_name, siteName: 'Mercy General', notes: '', simulated: false, status: 'signed' });

    // The stored status alone still says signed for all three.
    expect((await ids(s, { status: 'signed' })).ids).toEqual([...s.entryIds].sort((a, b) => a - b));
    expect(await ids(s, { status: 'signed', signature: 'holds' })).toEqual({ ids: kept, total: 2 });
    expect(await ids(s, { signature: 'void' })).toEqual({ ids: [edited], total: 1 });
    // Without a track picked, across every track.
    const all = await call<EntryPage>(s.backend, 'entries.list', { signature: 'void' });
    expect(all.rows.map((r) => r.id)).toEqual([edited]);
  });
});
