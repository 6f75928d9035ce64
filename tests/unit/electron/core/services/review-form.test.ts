// Remote review round trip: RadLedger writes the form with pdfkit; the "reviewer" fills it with
// pdf-lib (another library, as a PDF reader would); RadLedger reads it back with pdf-lib and applies
// it only when everything still matches. Each refusal leaves every table exactly as it was.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewFormApplied, ReviewFormFile } from '../../../../../shared/ipc/review';
import type { EntrySignStates, SignatureView } from '../../../../../shared/ipc/signoff';
import { VERIFIER_CHECKLIST } from '../../../../../shared/signoff/checklist';
import { dumpDb } from '../../../../helpers/db-dump';
import { tempDir } from '../../../../helpers/tmp';
import { call, seed, type Seeded } from './signoff-seed';

let s: Seeded | undefined;
afterEach(() => {
  s?.backend.close();
  s = undefined;
});

async function send(x: Seeded): Promise<ReviewFormFile> {
  return call<ReviewFormFile>(x.backend, 'review.sendForm', { batch: { trackId: x.trackId, siteId: x.siteId }, kind: 'verifier', verifierId: x.verifierId });
}

/** Fills the form as a reviewer would, with pdf-lib. */
async function fill(base64: string, answers: { reject?: Record<number, string>; signed?: boolean; edit?: (pdf: PDFDocument) => void } = {}): Promise<string> {
  const pdf = await PDFDocument.load(Buffer.from(base64, 'base64'));
  const form = pdf.getForm();
  const count = form.getFields().filter((f) => /^entry\.\d+\.decision$/.test(f.getName())).length;
  for (let n = 1; n <= count; n++) {
    const reason = answers.reject?.[n];
    form.getDropdown(`entry.${n}.decision`).select(reason ? 'Reject' : 'Accept');
    if (reason) form.getTextField(`entry.${n}.reason`).setText(reason);
  }
  for (const c of VERIFIER_CHECKLIST) form.getCheckBox(`confirm.${c.id}`).check();
  form.getTextField('reviewer.date').setText('2026-06-20');
  if (answers.signed !== false) form.getTextField('reviewer.signature').setText('Dana Okafor');
  answers.edit?.(pdf);
  return Buffer.from(await pdf.save()).toString('base64');
}

function attachmentFiles(x: Seeded): string[] {
  const dir = path.join(x.backend.ctx.dataDir, 'attachments');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function snapshot(x: Seeded) {
  return { db: dumpDb(x.backend.db), files: attachmentFiles(x) };
}

async function refused(x: Seeded, base64: string, message: RegExp) {
  const before = snapshot(x);
  const r = await x.backend.dispatch('review.importForm', { fileName: 'returned.pdf', base64 });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.message).toMatch(message);
  expect(snapshot(x)).toEqual(before);
}

describe('remote review with a fillable PDF form', () => {
  it('writes a form a PDF reader can fill, with the entries, fields and embedded digests', async () => {
    s = await seed(12);
    const sent = await send(s);
    expect(sent.entryCount).toBe(12);
    const dir = tempDir('radledger-form-');
    const file = path.join(dir, 'form.pdf');
    writeFileSync(file, Buffer.from(sent.pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Review request: Computed Tomography');
    expect(text).toContain('Jamie Rivera');
    expect(text).toContain('Dana Okafor');
    expect(text).toContain('CT Procedure 0012');
    expect(text).toMatch(/Candidate physically present/);
    const pdf = await PDFDocument.load(Buffer.from(sent.pdf.base64, 'base64'));
    const names = pdf.getForm().getFields().map((f) => f.getName());
    expect(names).toEqual(expect.arrayContaining(['entry.1.decision', 'entry.12.reason', 'entry.12.digest', 'confirm.present', 'reviewer.name', 'reviewer.credentials', 'reviewer.date', 'reviewer.signature', 'reviewer.digitalSignature', 'radledger.payload']));
    expect(pdf.getForm().getTextField('reviewer.name').getText()).toBe('Dana Okafor');
  });

  it('applies a filled form: accepted entries signed, rejected ones returned with the reason, the PDF kept as evidence', async () => {
    s = await seed(12);
    const sent = await send(s);
    const filled = await fill(sent.pdf.base64, { reject: { 2: 'Date does not match the schedule', 5: 'Not performed at this site' } });
    const applied = await call<ReviewFormApplied>(s.backend, 'review.importForm', { fileName: 'returned.pdf', base64: filled });
    expect(applied).toMatchObject({ accepted: 10, rejected: 2, corrections: 0, signerName: 'Dana Okafor', formId: sent.formId });
    const states = await call<EntrySignStates>(s.backend, 'signoff.entryStates', { trackId: s.trackId });
    const rejected = s.entryIds.filter((id) => states.states[id] === 'rejected');
    expect(rejected).toHaveLength(2);
    expect(s.entryIds.filter((id) => states.states[id] === 'signed')).toHaveLength(10);
    expect(Object.values(states.marks).filter((m) => m.state === 'rejected').map((m) => m.reason).sort()).toEqual(['Date does not match the schedule', 'Not performed at this site']);
    const [sig] = await call<SignatureView[]>(s.backend, 'signoff.list', { trackId: s.trackId });
    expect(sig).toMatchObject({ signerName: 'Dana Okafor', reviewFormId: expect.any(Number), validity: { state: 'valid' } });
    // The returned PDF is stored by content hash in the attachments folder.
    const form = s.backend.db.prepare('SELECT evidence_sha256, applied_at FROM review_forms').get() as { evidence_sha256: string; applied_at: string };
    expect(form.applied_at).not.toBeNull();
    expect(attachmentFiles(s)).toEqual([`${form.evidence_sha256}.pdf`]);
    expect(sig!.attachment).toMatchObject({ fileName: 'returned.pdf', mime: 'application/pdf' });
    const kept = await call<{ fileName: string; base64: string }>(s.backend, 'signoff.attachment', { signatureId: sig!.id });
    expect(kept.base64).toBe(filled);
    // Applying the same form again is refused, and nothing changes.
    await refused(s, filled, /already applied/);
  });

  it('refuses a form for entries edited since it was sent', async () => {
    s = await seed(4);
    const sent = await send(s);
    const e = s.backend.db.prepare('SELECT performed_on, procedure_name FROM entries WHERE id = ?').get(s.entryIds[2]) as { performed_on: string; procedure_name: string };
    await call(s.backend, 'entries.update', { id: s.entryIds[2], performedOn: e.performed_on, performedAt: '06:00', procedureName: e.procedure_name, siteName: 'Mercy General', notes: '', simulated: false, status: 'draft' });
    await refused(s, await fill(sent.pdf.base64), /entry \d+ \(2026-06-03, CT Procedure 0003\) was edited/);
  });

  it("refuses a form from another candidate's file", async () => {
    s = await seed(3);
    const other = await seed(3);
    try {
      const sent = await send(other);
      await refused(s, await fill(sent.pdf.base64), /another candidate's log/);
    } finally {
      other.backend.close();
    }
  });

  it('refuses an altered file: digest fields changed, or the embedded data edited', async () => {
    s = await seed(3);
    const sent = await send(s);
    const changedDigest = await fill(sent.pdf.base64, {
      edit: (pdf) => {
        const f = pdf.getForm().getTextField('entry.2.digest');
        f.acroField.dict.set(PDFName.of('V'), PDFString.of('0'.repeat(64)));
      },
    });
    await refused(s, changedDigest, /altered after RadLedger wrote it: .*digest fields of entry 2/);
    const changedPayload = await fill(sent.pdf.base64, {
      edit: (pdf) => {
        const f = pdf.getForm().getTextField('radledger.payload');
        const text = f.getText()!;
        f.acroField.dict.set(PDFName.of('V'), PDFString.of(text.replace(/"digest":"[0-9a-f]{4}/, '"digest":"ffff')));
      },
    });
    await refused(s, changedPayload, /altered after RadLedger wrote it: its embedded form data/);
  });

  it('refuses an incomplete form (rejection without a reason, no signature) and a PDF that is not a form', async () => {
    s = await seed(3);
    const sent = await send(s);
    await refused(s, await fill(sent.pdf.base64, { signed: false }), /not signed/);
    const noReason = await fill(sent.pdf.base64, { edit: (pdf) => pdf.getForm().getDropdown('entry.1.decision').select('Reject') });
    await refused(s, noReason, /Entry 1 is rejected without a reason/);
    const plain = await PDFDocument.create();
    plain.addPage();
    await refused(s, Buffer.from(await plain.save()).toString('base64'), /not a RadLedger review form/);
  });
});
