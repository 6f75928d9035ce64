// A signature covers each entry's site by name, so renaming or merging a site voids the signatures
// of its signed entries. Both writes refuse until the caller confirms, say whose signatures would
// go, and with the confirmation proceed: the signatures then read as void, as after an entry edit.
import { afterEach, describe, expect, it } from 'vitest';
import type { SignatureView } from '../../../../../shared/ipc/signoff';
import type { SiteSignatureImpact } from '../../../../../shared/ipc/sites';
import type { SiteRecord } from '../../../../../shared/sites/types';
import { dumpDb } from '../../../../helpers/db-dump';
import { call, seed, signSite, signStates, type Seeded } from './signoff-seed';

let s: Seeded | undefined;
afterEach(() => {
  s?.backend.close();
  s = undefined;
});

async function site(x: Seeded, id: number): Promise<SiteRecord> {
  return (await call<SiteRecord[]>(x.backend, 'sites.list')).find((r) => r.id === id)!;
}

/** The update input that keeps everything of the site but what `patch` changes. */
async function updateInput(x: Seeded, id: number, patch: Record<string, unknown>) {
  const r = await site(x, id);
  return {
    id, name: r.name, kind: r.kind, location: r.location, travelMinutes: r.travelMinutes, affiliation: r.affiliation, modalities: r.modalities,
    equipment: r.equipment, costCents: r.costCents, housing: r.housing, notes: r.notes, offered: r.offered, requirements: r.requirements, ...patch,
  };
}

/** Three signed entries at Mercy General, one signed at County Clinic, one unsigned at Valley Imaging. */
async function signedAtTwoSites() {
  const x = await seed(3);
  const mercy = await signSite(x, x.siteId);
  const county = await signSite(x, x.otherSiteId);
  const valley = await call<{ id: number; siteId: number }>(x.backend, 'entries.create', { trackId: x.trackId, performedOn: '2026-06-03', procedureName: 'CT Head', siteName: 'Valley Imaging' });
  return { x, mercy, county, valleyEntry: valley.id, valleySiteId: valley.siteId };
}

describe('renaming a site with signed entries', () => {
  it('is refused without confirmation, naming how many entries and whose signatures, and changes nothing', async () => {
    const t = await signedAtTwoSites();
    s = t.x;
    const before = dumpDb(s.backend.db);
    const r = await s.backend.dispatch('sites.update', await updateInput(s, s.siteId, { name: 'Mercy General Hospital' }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('conflict');
      expect(r.error.message).toContain('3 signed entries');
      expect(r.error.message).toContain('Dana Okafor');
    }
    expect(dumpDb(s.backend.db)).toEqual(before);
    expect((await site(s, s.siteId)).name).toBe('Mercy General');
    const st = await signStates(s);
    expect([...t.mercy, ...t.county].map((id) => st[id])).toEqual(['signed', 'signed', 'signed', 'signed']);
  });

  it('says beforehand whose signatures it would void, without renaming', async () => {
    const t = await signedAtTwoSites();
    s = t.x;
    const before = dumpDb(s.backend.db);
    const impact = await call<SiteSignatureImpact>(s.backend, 'sites.updateImpact', await updateInput(s, s.siteId, { name: 'Mercy General Hospital' }));
    expect(impact.entries).toBe(3);
    expect(impact.voids).toEqual([expect.objectContaining({ kind: 'verifier', signerName: 'Dana Okafor', signerCredentials: 'R.T.(R)(CT)(ARRT)', entries: 3 })]);
    expect(dumpDb(s.backend.db)).toEqual(before);
    // The name unchanged (other fields edited, or only surrounding spaces typed): nothing is voided.
    expect((await call<SiteSignatureImpact>(s.backend, 'sites.updateImpact', await updateInput(s, s.siteId, { name: '  Mercy General ', notes: 'Parking B' }))).entries).toBe(0);
  });

  it('with confirmation renames, audits it, and voids exactly the signatures of that site', async () => {
    const t = await signedAtTwoSites();
    s = t.x;
    const audits = () => s!.backend.db.prepare("SELECT COUNT(*) FROM audit_log WHERE entity = 'site' AND entity_id = ?").pluck().get(s!.siteId) as number;
    const audited = audits();
    const renamed = await call<SiteRecord>(s.backend, 'sites.update', { ...(await updateInput(s, s.siteId, { name: 'Mercy General Hospital' })), voidSignatures: true });
    expect(renamed.name).toBe('Mercy General Hospital');
    expect(audits()).toBe(audited + 1);
    const st = await signStates(s);
    expect(t.mercy.map((id) => st[id])).toEqual(['void', 'void', 'void']);
    expect(t.county.map((id) => st[id])).toEqual(['signed']);
    const sigs = await call<SignatureView[]>(s.backend, 'signoff.list', { trackId: s.trackId });
    expect(sigs.map((g) => [g.siteId, g.validity.state]).sort()).toEqual([[s.otherSiteId, 'valid'], [s.siteId, 'void']].sort());
  });

  it('a change of letter case alone changes the stored name, so it asks too', async () => {
    const t = await signedAtTwoSites();
    s = t.x;
    const r = await s.backend.dispatch('sites.update', await updateInput(s, s.siteId, { name: 'MERCY GENERAL' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('conflict');
    // Surrounding spaces are trimmed before storing: the name, and so every signature, stays the same.
    const same = await call<SiteRecord>(s.backend, 'sites.update', await updateInput(s, s.siteId, { name: ' Mercy General  ', notes: 'Parking B' }));
    expect(same).toMatchObject({ name: 'Mercy General', notes: 'Parking B' });
    const after = await signStates(s);
    expect(t.mercy.map((id) => after[id])).toEqual(['signed', 'signed', 'signed']);
  });

  it('a site without signed entries is renamed without confirmation', async () => {
    const t = await signedAtTwoSites();
    s = t.x;
    const renamed = await call<SiteRecord>(s.backend, 'sites.update', await updateInput(s, t.valleySiteId, { name: 'Valley Imaging Center' }));
    expect(renamed.name).toBe('Valley Imaging Center');
  });

  it('refuses an unknown confirmation field (strict contract)', async () => {
    const t = await signedAtTwoSites();
    s = t.x;
    const r = await s.backend.dispatch('sites.update', { ...(await updateInput(s, s.siteId, { name: 'Mercy' })), voidSignature: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('validation');
  });
});

describe('merging a site with signed entries', () => {
  it('is refused without confirmation and changes nothing; with it the moved entries read void, the kept site stays signed', async () => {
    const t = await signedAtTwoSites();
    s = t.x;
    const before = dumpDb(s.backend.db);
    const impact = await call<SiteSignatureImpact>(s.backend, 'sites.mergeImpact', { fromId: s.siteId, intoId: s.otherSiteId });
    expect(impact).toMatchObject({ entries: 3, voids: [expect.objectContaining({ signerName: 'Dana Okafor', entries: 3 })] });
    const refused = await s.backend.dispatch('sites.merge', { fromId: s.siteId, intoId: s.otherSiteId });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.kind).toBe('conflict');
      expect(refused.error.message).toContain('3 signed entries');
      expect(refused.error.message).toContain('Dana Okafor');
    }
    expect(dumpDb(s.backend.db)).toEqual(before);

    const merged = await call<{ movedEntries: number }>(s.backend, 'sites.merge', { fromId: s.siteId, intoId: s.otherSiteId, voidSignatures: true });
    expect(merged.movedEntries).toBe(3);
    expect((await call<SiteRecord[]>(s.backend, 'sites.list')).some((r) => r.id === s!.siteId)).toBe(false);
    const st = await signStates(s);
    expect(t.mercy.map((id) => st[id])).toEqual(['void', 'void', 'void']);
    expect(t.county.map((id) => st[id])).toEqual(['signed']);
    const audit = s.backend.db.prepare("SELECT action FROM audit_log WHERE entity = 'site' AND entity_id = ? ORDER BY id DESC LIMIT 1").pluck().get(s.siteId);
    expect(audit).toBe('delete');
  });

  it('a site without signed entries merges without confirmation, even into a signed one', async () => {
    const t = await signedAtTwoSites();
    s = t.x;
    const merged = await call<{ movedEntries: number }>(s.backend, 'sites.merge', { fromId: t.valleySiteId, intoId: s.siteId });
    expect(merged.movedEntries).toBe(1);
    const st = await signStates(s);
    expect(t.mercy.map((id) => st[id])).toEqual(['signed', 'signed', 'signed']);
  });
});
