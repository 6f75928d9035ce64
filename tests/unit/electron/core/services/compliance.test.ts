import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import type { Result } from '../../../../../shared/result';
import type { ComplianceItem } from '../../../../../shared/sites/types';

let dir: string;
let backend: Backend;
const NOW = new Date('2026-03-01T12:00:00Z');
const pdf = readFileSync(path.resolve('tests/fixtures/sites/bls-certificate.pdf'));
const b64 = (b: Buffer) => b.toString('base64');
const attachmentsDir = () => path.join(dir, 'attachments');
const filesOnDisk = () => (existsSync(attachmentsDir()) ? readdirSync(attachmentsDir()) : []);
const count = (table: string) => (backend.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-compliance-'));
  backend = openBackend({ dataDir: dir, host: 'preview', appVersion: 'test', now: () => NOW });
});
afterEach(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T = unknown>(channel: string, input?: unknown): Promise<T> {
  const r = (await backend.dispatch(channel, input)) as Result<T>;
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.message}`);
  return r.value;
}

describe('compliance wallet on real SQLite', () => {
  it('stores a PDF certificate under its content hash and serves it back as a data URL', async () => {
    const item = await call<ComplianceItem>('compliance.create', {
      kind: 'bls-cpr', issuedOn: '2026-01-10', expiresOn: '2028-01-31',
      attachment: { name: 'C:\\Users\\me\\BLS card.pdf', dataBase64: b64(pdf) },
    });
    expect(item.attachment).toMatchObject({ originalName: 'BLS card.pdf', mime: 'application/pdf', sizeBytes: pdf.length });
    expect(filesOnDisk()).toEqual([`${item.attachment!.sha256}.pdf`]);
    const served = await call<{ dataUrl: string }>('compliance.attachment', { id: item.attachment!.id });
    expect(served.dataUrl).toBe(`data:application/pdf;base64,${b64(pdf)}`);

    // The same file attached again is stored once.
    await call('compliance.create', { kind: 'hipaa', hipaaSource: 'employer', attachment: { name: 'copy.pdf', dataBase64: b64(pdf) } });
    expect([filesOnDisk().length, count('attachments'), count('compliance_items')]).toEqual([1, 1, 2]);
  });

  it('refuses a renamed executable at the attachment field and writes nothing', async () => {
    const exe = existsSync('/bin/true') ? readFileSync('/bin/true') : Buffer.from([0x4d, 0x5a, 0x90, 0]);
    const r = await backend.dispatch('compliance.create', { kind: 'bls-cpr', attachment: { name: 'bls.pdf', dataBase64: b64(exe) } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.issues?.[0]?.path).toBe('attachment');
    expect(!r.ok && r.error.message).toMatch(/program.*not a document/);
    expect([filesOnDisk(), count('compliance_items'), count('attachments')]).toEqual([[], 0, 0]);
  });

  it('refuses a file whose name and content disagree (an HTML page starting with %PDF-) and writes nothing', async () => {
    const polyglot = Buffer.from('%PDF-1.4\n<html><script>alert(document.cookie)</script></html>');
    const r = await backend.dispatch('compliance.create', { kind: 'bls-cpr', attachment: { name: 'report.html', dataBase64: b64(polyglot) } });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ path: 'attachment', message: expect.stringContaining('not named .pdf') }] } });
    expect([filesOnDisk(), count('compliance_items'), count('attachments')]).toEqual([[], 0, 0]);
  });

  it('refuses an oversized upload at the door', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 3);
    pdf.copy(big, 0, 0, 8);
    const r = await backend.dispatch('compliance.create', { kind: 'bls-cpr', attachment: { name: 'big.pdf', dataBase64: b64(big) } });
    expect(!r.ok && r.error.issues).toEqual([{ path: 'attachment.dataBase64', message: 'Attachments are limited to 10.0 MB.' }]);
    expect(filesOnDisk()).toEqual([]);
  });

  it('refuses an expiry before the issue date at the field, before touching the file', async () => {
    const r = await backend.dispatch('compliance.create', {
      kind: 'liability-insurance', insuranceCoverage: 'own-policy', issuedOn: '2026-02-01', expiresOn: '2026-01-31',
      attachment: { name: 'policy.pdf', dataBase64: b64(pdf) },
    });
    expect(!r.ok && r.error.issues).toEqual([{ path: 'expiresOn', message: 'The expiry date cannot be before the issue date (2026-02-01).' }]);
    expect([filesOnDisk(), count('compliance_items')]).toEqual([[], 0]);
  });

  it('cleans up the file when the database write fails after the file was staged', async () => {
    // A fault injected on purpose: the item insert aborts inside the transaction.
    backend.db.exec(`CREATE TEMP TRIGGER fail_items BEFORE INSERT ON compliance_items BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const r = await backend.dispatch('compliance.create', { kind: 'bls-cpr', attachment: { name: 'bls.pdf', dataBase64: b64(pdf) } });
    expect(r.ok).toBe(false);
    expect([filesOnDisk(), count('attachments'), count('compliance_items')]).toEqual([[], 0, 0]);
  });

  it('keeps kind-specific fields to their kind and needs a label for an other item', async () => {
    const hipaa = await call<ComplianceItem>('compliance.create', { kind: 'hipaa', hipaaSource: 'clinical-facility', insurer: 'Ignored Mutual' });
    expect([hipaa.hipaaSource, hipaa.insurer]).toEqual(['clinical-facility', '']);
    const r = await backend.dispatch('compliance.create', { kind: 'custom' });
    expect(!r.ok && r.error.issues?.[0]?.path).toBe('label');
  });

  it('builds the per-site matrix and the reminders from stored items', async () => {
    await call('sites.create', { name: 'Mercy General', status: 'agreed', requirements: [{ kind: 'liability-insurance' }, { kind: 'bls-cpr' }] });
    await call('compliance.create', { kind: 'bls-cpr', issuedOn: '2024-03-15', expiresOn: '2026-03-15' });
    const [row] = await call<Array<{ siteName: string; gaps: number; expiring: number; cells: Array<{ state: string }> }>>('compliance.matrix');
    expect(row).toMatchObject({ siteName: 'Mercy General', gaps: 1, expiring: 1 });
    expect(row!.cells.map((c) => c.state)).toEqual(['missing', 'expiring-30']);
    expect(await call('compliance.reminders')).toEqual([
      { itemId: 1, title: 'BLS / CPR', expiresOn: '2026-03-15', daysLeft: 14, state: 'expiring-30' },
    ]);
  });

  it('removes an item softly and restores it with its document', async () => {
    const item = await call<ComplianceItem>('compliance.create', { kind: 'drug-screen', attachment: { name: 'screen.pdf', dataBase64: b64(pdf) } });
    await call('compliance.remove', { id: item.id });
    expect(await call('compliance.list')).toEqual([]);
    const back = await call<ComplianceItem>('compliance.restore', { id: item.id });
    expect(back.attachment?.sha256).toBe(item.attachment?.sha256);
  });

  it('matches by kind, takes a link by hand (per requirement, every site), and audits link and unlink', async () => {
    const reqs = [{ kind: 'flu-vaccination' }, { kind: 'immunization', label: 'Influenza' }, { kind: 'custom', label: 'Respirator fit' }];
    await call('sites.create', { name: 'Mercy General', status: 'agreed', requirements: reqs });
    await call('sites.create', { name: 'Valley Imaging', status: 'contacted', requirements: [{ kind: 'custom', label: 'Respirator fit' }] });
    await call('compliance.create', { kind: 'flu-vaccination', label: 'Influenza 2026-27', expiresOn: '2027-08-31' });
    const fit = await call<ComplianceItem>('compliance.create', { kind: 'custom', label: 'N95 fit test', expiresOn: '2027-01-15' });
    type Row = { siteName: string; gaps: number; cells: Array<{ state: string; matchedBy: string | null; itemTitle: string | null }> };
    const before = await call<Row[]>('compliance.matrix');
    const mercy = before.find((r) => r.siteName === 'Mercy General')!;
    // A flu vaccination of any name meets both the flu-vaccination requirement and an "Influenza" immunization.
    expect(mercy.cells.map((c) => [c.state, c.matchedBy, c.itemTitle])).toEqual([
      ['valid', 'kind', 'Flu vaccination: Influenza 2026-27'],
      ['valid', 'kind', 'Flu vaccination: Influenza 2026-27'],
      ['missing', null, null],
    ]);
    const linked = await call<Row[]>('compliance.link', { kind: 'custom', label: 'Respirator fit', itemId: fit.id });
    expect(linked.map((r) => [r.siteName, r.gaps])).toEqual([
      ['Mercy General', 0],
      ['Valley Imaging', 0],
    ]);
    expect(linked[1]!.cells[0]).toMatchObject({ matchedBy: 'link', itemTitle: 'Other item: N95 fit test' });
    // Removing the document brings the gap back; restoring it brings the link back.
    await call('compliance.remove', { id: fit.id });
    expect((await call<Row[]>('compliance.matrix'))[1]!.gaps).toBe(1);
    await call('compliance.restore', { id: fit.id });
    expect((await call<Row[]>('compliance.matrix'))[1]!.gaps).toBe(0);
    const unlinked = await call<Row[]>('compliance.unlink', { kind: 'custom', label: 'Respirator fit' });
    expect(unlinked[1]!.gaps).toBe(1);
    const actions = backend.db.prepare("SELECT action FROM audit_log WHERE entity = 'compliance_link' ORDER BY id").pluck().all();
    expect(actions).toEqual(['create', 'delete']);
    const missingItem = await backend.dispatch('compliance.link', { kind: 'custom', label: 'Respirator fit', itemId: 99 });
    expect(missingItem.ok).toBe(false);
  });
});
