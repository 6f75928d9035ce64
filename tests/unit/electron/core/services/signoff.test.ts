import { afterEach, describe, expect, it } from 'vitest';
import type { IntegrityReport, SignatureView, SignoffPreview, EntrySignStates } from '../../../../../shared/ipc/signoff';
import { VERIFIER_CHECKLIST } from '../../../../../shared/signoff/checklist';
import { writeImport } from '../../../../../electron/core/import/entries';
import { call, PNG_DATA_URL, seed, type Seeded } from './signoff-seed';

const allAttested = Object.fromEntries(VERIFIER_CHECKLIST.map((i) => [i.id, true]));
let s: Seeded;
afterEach(() => s?.backend.close());

async function signBatch(seeded: Seeded, extra: Record<string, unknown> = {}) {
  const batch = { trackId: seeded.trackId, siteId: seeded.siteId };
  const preview = await call<SignoffPreview>(seeded.backend, 'signoff.preview', { batch, verifierId: seeded.verifierId });
  return call<SignatureView>(seeded.backend, 'signoff.sign', {
    batch,
    kind: 'verifier',
    verifierId: seeded.verifierId,
    entryIds: preview.entries.map((e) => e.id),
    digest: preview.digest,
    signerName: 'Dana Okafor',
    method: 'drawn',
    signaturePng: PNG_DATA_URL,
    attested: allAttested,
    ...extra,
  });
}

describe('sign-off session', () => {
  it('previews a site batch with the checklist and only the known eligibility warnings', async () => {
    s = await seed(3);
    const preview = await call<SignoffPreview>(s.backend, 'signoff.preview', { batch: { trackId: s.trackId, siteId: s.siteId }, verifierId: s.verifierId });
    expect(preview.entries.map((e) => e.id)).toEqual(s.entryIds);
    expect(preview.checklist.map((c) => c.id)).toEqual(['facility', 'date-time', 'equipment', 'present', 'quality']);
    expect(preview.digest).toMatch(/^[0-9a-f]{64}$/);
    // The verifier works at the batch's site and is an R.T.: only the "rule unknown" note remains.
    expect(preview.warnings.map((w) => w.code)).toEqual(['credential-rule-unknown']);

    const whole = await call<SignoffPreview>(s.backend, 'signoff.preview', { batch: { trackId: s.trackId }, verifierId: s.verifierId });
    expect(whole.warnings.find((w) => w.code === 'site-not-linked')?.message).toContain('County Clinic');
  });

  it('signs a batch: entries become signed, the audit log records the signature, the signature is valid', async () => {
    s = await seed(3);
    const sig = await signBatch(s);
    expect(sig.validity).toEqual({ state: 'valid' });
    expect(sig.entryIds).toEqual(s.entryIds);
    expect(sig.checklist.every((c) => c.attested)).toBe(true);
    const states = await call<EntrySignStates>(s.backend, 'signoff.entryStates', { trackId: s.trackId });
    for (const id of s.entryIds) {
      expect(states.states[id]).toBe('signed');
      expect(states.statuses[id]).toBe('signed');
    }
    const audit = s.backend.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'signature' AND action = 'sign'").get() as { n: number };
    expect(audit.n).toBe(1);
    const integrity = await call<IntegrityReport>(s.backend, 'signoff.integrity');
    expect(integrity.ok).toBe(true);
  });

  it('refuses to sign without every attestation, or when the entries changed since they were shown', async () => {
    s = await seed(2);
    const r = await s.backend.dispatch('signoff.sign', {
      batch: { trackId: s.trackId, siteId: s.siteId },
      kind: 'verifier',
      verifierId: s.verifierId,
      entryIds: s.entryIds,
      digest: 'a'.repeat(64),
      signerName: 'Dana Okafor',
      method: 'typed',
      attested: { ...allAttested, present: false },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.map((i) => i.path)).toEqual(['attested.present']);

    const stale = await s.backend.dispatch('signoff.sign', {
      batch: { trackId: s.trackId, siteId: s.siteId },
      kind: 'verifier',
      verifierId: s.verifierId,
      entryIds: s.entryIds,
      digest: 'a'.repeat(64),
      signerName: 'Dana Okafor',
      method: 'typed',
      attested: allAttested,
    });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.kind).toBe('conflict');
  });

  it('an edit to a signed entry voids the signature of that entry only (visibly, with the day) until a new signature covers it', async () => {
    s = await seed(3);
    await signBatch(s);
    const target = s.entryIds[1]!;
    const entry = s.backend.db.prepare('SELECT * FROM entries WHERE id = ?').get(target) as Record<string, unknown>;
    // Edit through the entries service, as the Log page does.
    const edited = await s.backend.dispatch('entries.update', {
      id: target,
      performedOn: entry.performed_on,
      performedAt: '11:45',
      procedureName: entry.procedure_name,
      siteName: 'Mercy General',
      notes: '',
      simulated: false,
      status: 'signed',
    });
    expect(edited.ok).toBe(true);

    const [sig] = await call<SignatureView[]>(s.backend, 'signoff.list', { trackId: s.trackId });
    // Each entry has its own digest: the signature is void for the edited entry only.
    expect(sig!.validity.state).toBe('partly-void');
    if (sig!.validity.state === 'partly-void') {
      expect(sig!.validity.on?.slice(0, 10)).toBe('2026-06-15');
      expect(sig!.validity.reason).toBe('1 signed entry was edited');
      expect(sig!.validity.voidEntryIds).toEqual([target]);
    }
    let states = await call<EntrySignStates>(s.backend, 'signoff.entryStates', { trackId: s.trackId });
    expect(s.entryIds.map((id) => states.states[id])).toEqual(['signed', 'void', 'signed']);

    // Never a hard lock: signing again covers the edited entries.
    const again = await signBatch(s, { method: 'typed', signaturePng: null });
    expect(again.validity.state).toBe('valid');
    states = await call<EntrySignStates>(s.backend, 'signoff.entryStates', { trackId: s.trackId });
    expect(s.entryIds.map((id) => states.states[id])).toEqual(['signed', 'signed', 'signed']);
    // An edit to a private note does not touch reportable fields: the signature stays valid.
    await s.backend.dispatch('entries.update', {
      id: target,
      performedOn: entry.performed_on,
      performedAt: '11:45',
      procedureName: entry.procedure_name,
      siteName: 'Mercy General',
      notes: 'Good contrast timing.',
      simulated: false,
      status: 'signed',
    });
    const list = await call<SignatureView[]>(s.backend, 'signoff.list', { trackId: s.trackId });
    expect(list[0]!.validity.state).toBe('valid');
  });

  it('deleting a signed entry voids the signature', async () => {
    s = await seed(2);
    await signBatch(s);
    const del = await s.backend.dispatch('entries.delete', { ids: [s.entryIds[0]] });
    expect(del.ok).toBe(true);
    const [sig] = await call<SignatureView[]>(s.backend, 'signoff.list', {});
    expect(sig!.validity).toMatchObject({ state: 'partly-void', reason: '1 signed entry was deleted', voidEntryIds: [s.entryIds[0]] });
  });

  it('the integrity check reports a row altered with raw SQL and a broken audit chain', async () => {
    s = await seed(3);
    await signBatch(s);
    expect((await call<IntegrityReport>(s.backend, 'signoff.integrity')).ok).toBe(true);

    // Outside the app: someone moves a procedure's date with a SQL tool.
    s.backend.db.prepare("UPDATE entries SET performed_on = '2026-05-30' WHERE id = ?").run(s.entryIds[2]);
    let report = await call<IntegrityReport>(s.backend, 'signoff.integrity');
    expect(report.ok).toBe(false);
    expect(report.chainBreaks).toEqual([]);
    expect(report.alteredEntries).toEqual([
      { entryId: s.entryIds[2], reason: expect.stringContaining('changed outside the app'), fields: ['performedOn'] },
    ]);
    // The same raw change voids the signature, with no date since the app never saw an edit.
    const [sig] = await call<SignatureView[]>(s.backend, 'signoff.list', {});
    expect(sig!.validity).toMatchObject({ state: 'partly-void', on: null, voidEntryIds: [s.entryIds[2]] });

    // Rewriting history in the audit log itself breaks the hash chain.
    s.backend.db.prepare("UPDATE audit_log SET after_json = replace(after_json, '2026-06-03', '2026-05-30') WHERE entity = 'entry' AND entity_id = ?").run(s.entryIds[2]);
    report = await call<IntegrityReport>(s.backend, 'signoff.integrity');
    expect(report.chainBreaks.length).toBeGreaterThan(0);

    // A row inserted with raw SQL has no audit record at all.
    s.backend.db
      .prepare("INSERT INTO entries (track_id, performed_on, procedure_name, created_at, updated_at) VALUES (?, '2026-06-04', 'CT Ghost', 'x', 'x')")
      .run(s.trackId);
    report = await call<IntegrityReport>(s.backend, 'signoff.integrity');
    expect(report.alteredEntries.some((a) => a.reason.includes('added outside RadLedger'))).toBe(true);
  });

  it('attaches a scanned paper copy checked by content, and the entries show as signed on paper', async () => {
    s = await seed(2);
    const batch = { trackId: s.trackId, siteId: s.siteId };
    const preview = await call<SignoffPreview>(s.backend, 'signoff.preview', { batch });
    const base = { batch, verifierId: s.verifierId, digest: preview.digest, entryIds: preview.entries.map((e) => e.id) };

    const fake = await s.backend.dispatch('signoff.attachPaper', { ...base, fileName: 'scan.pdf', base64: Buffer.from('MZ not a pdf').toString('base64') });
    expect(fake.ok).toBe(false);
    if (!fake.ok) expect(fake.error.message).toContain('PDF, PNG or JPEG');

    const polyglot = Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>');
    const html = await s.backend.dispatch('signoff.attachPaper', { ...base, fileName: 'signed.html', base64: polyglot.toString('base64') });
    expect(html).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ path: 'fileName', message: expect.stringContaining('not named .pdf') }] } });

    const pdf = Buffer.from('%PDF-1.4\n% a scanned page\n%%EOF\n');
    const sig = await call<SignatureView>(s.backend, 'signoff.attachPaper', { ...base, fileName: 'signed-packet.pdf', base64: pdf.toString('base64') });
    expect(sig.method).toBe('paper');
    expect(sig.attachment).toMatchObject({ fileName: 'signed-packet.pdf', mime: 'application/pdf', size: pdf.length });
    const states = await call<EntrySignStates>(s.backend, 'signoff.entryStates', { trackId: s.trackId });
    expect(s.entryIds.map((id) => states.states[id])).toEqual(['signed-on-paper', 'signed-on-paper']);
    const back = await call<{ base64: string }>(s.backend, 'signoff.attachment', { signatureId: sig.id });
    expect(Buffer.from(back.base64, 'base64').equals(pdf)).toBe(true);
  });

  it('warns when the signer looks like the candidate or has no credentials', async () => {
    s = await seed(1);
    const self = await call<{ id: number }>(s.backend, 'verifiers.save', { name: 'jamie rivera', credentials: '', siteIds: [s.siteId] });
    const preview = await call<SignoffPreview>(s.backend, 'signoff.preview', { batch: { trackId: s.trackId, siteId: s.siteId }, verifierId: self.id });
    expect(preview.warnings.map((w) => w.code)).toEqual(['self-verification', 'no-credentials', 'credential-rule-unknown']);
  });

  it('a supervisor gives final approval the same way, without changing entry statuses or verifier sign states', async () => {
    s = await seed(2);
    await signBatch(s);
    const batch = { trackId: s.trackId, siteId: s.siteId };
    const preview = await call<SignoffPreview>(s.backend, 'signoff.preview', { batch, kind: 'supervisor', verifierId: s.verifierId });
    expect(preview.checklist.map((c) => c.id)).toEqual(['reviewed', 'approved']);
    expect(preview.warnings).toEqual([]);
    const approval = await call<SignatureView>(s.backend, 'signoff.sign', {
      batch,
      kind: 'supervisor',
      verifierId: s.verifierId,
      entryIds: preview.entries.map((e) => e.id),
      digest: preview.digest,
      signerName: 'Dana Okafor',
      method: 'typed',
      attested: { reviewed: true, approved: true },
    });
    expect(approval).toMatchObject({ kind: 'supervisor', method: 'typed', validity: { state: 'valid' }, siteName: 'Mercy General' });
    const states = await call<EntrySignStates>(s.backend, 'signoff.entryStates', { trackId: s.trackId });
    expect(s.entryIds.map((id) => [states.states[id], states.statuses[id]])).toEqual([
      ['signed', 'signed'],
      ['signed', 'signed'],
    ]);
  });

  it('entries from a spreadsheet import pass the integrity check until someone changes them outside the app', async () => {
    s = await seed(1);
    const now = '2026-06-15T14:00:00.000Z';
    const row = { line: 2, performedOn: '2026-06-03', performedAt: null, procedureId: null, procedureName: 'CT Imported', fileProcedureName: 'CT Imported', siteName: 'Mercy General', fileSiteName: 'Mercy General', verifierName: null, simulated: false, notes: '', status: 'draft' as const };
    const { firstId } = await writeImport(
      s.backend.db,
      [row, { ...row, procedureName: 'CT Imported 2' }],
      { trackId: s.trackId, fileName: 'log.csv', fileSha256: 'h', now, rowsInFile: 2, skippedDuplicates: 0, skippedSummary: 0 },
      { procedures: [], sites: [], discipline: 'CT' },
      () => {},
      () => {},
    );
    let report = await call<IntegrityReport>(s.backend, 'signoff.integrity');
    expect(report).toMatchObject({ ok: true, importedUnedited: 2 });
    s.backend.db.prepare("UPDATE entries SET procedure_name = 'CT Changed', updated_at = '2026-06-16T00:00:00.000Z' WHERE id = ?").run(firstId);
    report = await call<IntegrityReport>(s.backend, 'signoff.integrity');
    expect(report.alteredEntries).toEqual([{ entryId: firstId, reason: 'This imported entry was changed outside RadLedger.', fields: [] }]);
  });
});
