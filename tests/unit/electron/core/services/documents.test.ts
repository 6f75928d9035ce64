import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArrtHelperPlan, PacketCheck, PacketFile, SavedFile } from '../../../../../shared/ipc/documents';
import type { SignatureView, SignoffPreview } from '../../../../../shared/ipc/signoff';
import { VERIFIER_CHECKLIST } from '../../../../../shared/signoff/checklist';
import { LOG_CSV_HEADER } from '../../../../../shared/signoff/csv';
import { openBackend } from '../../../../../electron/core/backend';
import { seedProgressLog } from '../../../../helpers/progress-seed';
import { exportedCsv } from '../../../../helpers/backend';
import { fixedClock, tempDir } from '../../../../helpers/tmp';
import { call, PNG_DATA_URL, seed, type Seeded } from './signoff-seed';

let s: Seeded;
const dirs: string[] = [];
afterEach(() => {
  s?.backend.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Writes the PDF and reads its text back with poppler's pdftotext (-layout keeps table rows on one line). */
function pdfText(file: SavedFile): { text: string; pages: string[]; path: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-pdf-'));
  dirs.push(dir);
  const pdf = path.join(dir, 'out.pdf');
  writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return { text, pages: text.split('\f').filter((p) => p.trim() !== ''), path: pdf };
}

async function signAll(seeded: Seeded) {
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
    attested: Object.fromEntries(VERIFIER_CHECKLIST.map((i) => [i.id, true])),
  });
}

describe('verification packet PDF', () => {
  it('lists every entry, the checklist, the candidate and the digest, with page numbers', async () => {
    s = await seed(5);
    const packet = await call<PacketFile>(s.backend, 'documents.packet', { batch: { trackId: s.trackId, siteId: s.siteId }, verifierId: s.verifierId });
    expect(packet.entryCount).toBe(5);
    const { text } = pdfText(packet.pdf);
    for (let i = 1; i <= 5; i++) expect(text).toContain(`CT Procedure ${String(i).padStart(4, '0')}`);
    expect(text).not.toContain('CT Elsewhere');
    expect(text).toMatch(/2026-06-01\s+08:15\s+CT Procedure 0001/);
    expect(text).toContain('Jamie Rivera');
    expect(text).toContain('Computed Tomography (CT)');
    expect(text).toContain('Dana Okafor, R.T.(R)(CT)(ARRT)');
    for (const item of VERIFIER_CHECKLIST) expect(text).toContain(`${item.label}:`);
    expect(text.replace(/\s+/g, ' ')).toContain('(remote scanning is not accepted)');
    expect(text).toContain(packet.digest);
    expect(text).toContain(`Page 1 of ${packet.pages}`);
    // The JSON twin carries the same digest and entries.
    const twin = JSON.parse(Buffer.from(packet.json.base64, 'base64').toString('utf8')) as { digest: string; entries: unknown[] };
    expect(twin.digest).toBe(packet.digest);
    expect(twin.entries).toHaveLength(5);
  });

  it('repeats the table header on every page of a long packet', async () => {
    s = await seed(120);
    const packet = await call<PacketFile>(s.backend, 'documents.packet', { batch: { trackId: s.trackId, siteId: s.siteId } });
    const { pages, text } = pdfText(packet.pdf);
    expect(pages.length).toBe(packet.pages);
    expect(packet.pages).toBeGreaterThanOrEqual(3);
    const tablePages = pages.filter((p) => /CT Procedure \d{4}/.test(p));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    // No catalog procedures on this track: no Category column (it would be empty).
    for (const p of tablePages) expect(p).toMatch(/#\s+Date\s+Time\s+Procedure\s+Simulated/);
    for (let i = 1; i <= 120; i++) expect(text).toContain(`CT Procedure ${String(i).padStart(4, '0')}`);
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${packet.pages}`));
  });

  it('shows the signer while a signature validly covers every listed entry, and blank lines once an edit voids one of them', async () => {
    s = await seed(3);
    await signAll(s);
    let packet = await call<PacketFile>(s.backend, 'documents.packet', { batch: { trackId: s.trackId, siteId: s.siteId }, verifierId: s.verifierId });
    let { text } = pdfText(packet.pdf);
    expect(text).toContain('Signature (drawn in RadLedger)');
    expect(text).toContain('signed 2026-06-15 14:00 UTC');

    s.backend.db.prepare("UPDATE entries SET procedure_name = 'CT Changed' WHERE id = ?").run(s.entryIds[0]);
    packet = await call<PacketFile>(s.backend, 'documents.packet', { batch: { trackId: s.trackId, siteId: s.siteId }, verifierId: s.verifierId });
    ({ text } = pdfText(packet.pdf));
    expect(text).not.toContain('drawn in RadLedger');
    expect(text).toContain('CT Changed');

    // Signatures are per entry: a packet of the two untouched entries still carries the signature.
    packet = await call<PacketFile>(s.backend, 'documents.packet', { batch: { trackId: s.trackId, siteId: s.siteId, from: '2026-06-02' }, verifierId: s.verifierId });
    ({ text } = pdfText(packet.pdf));
    expect(packet.entryCount).toBe(2);
    expect(text).toContain('Signature (drawn in RadLedger)');
  });
});

describe('packet: structured education', () => {
  it('adds the education section on its own page, outside what the verifier signs (not in the digest)', async () => {
    s = await seed(2);
    const batch = { batch: { trackId: s.trackId, siteId: s.siteId }, verifierId: s.verifierId };
    const before = await call<PacketFile>(s.backend, 'documents.packet', batch);
    await call(s.backend, 'education.create', { trackId: s.trackId, completedOn: '2026-05-02', title: 'Cardiac CT protocols', provider: 'RSNA', credits: 3, categoryKey: 'procedures' });
    const packet = await call<PacketFile>(s.backend, 'documents.packet', batch);
    expect(packet.digest).toBe(before.digest);
    const { pages } = pdfText(packet.pdf);
    const last = pages.at(-1)!;
    expect(last).toContain('Structured education');
    expect(last).toContain('3 of 16 credits; 1 of 4 content categories covered');
    expect(last).toMatch(/2026-05-02\s+Cardiac CT protocols \(RSNA\)\s+Procedures\s+3\s+Yes/);
    expect(last).toContain('structured education is not part of what the verifier signs above');
  });
});

describe('check a packet', () => {
  it('reports a JSON twin or PDF as matching, then as changed after an edit, and catches an altered twin', async () => {
    s = await seed(3);
    const packet = await call<PacketFile>(s.backend, 'documents.packet', { batch: { trackId: s.trackId, siteId: s.siteId } });
    for (const f of [packet.json, packet.pdf]) {
      const r = await call<PacketCheck>(s.backend, 'documents.checkPacket', { fileName: f.fileName, base64: f.base64 });
      expect(r).toMatchObject({ digest: packet.digest, matchesLog: true, entryCount: 3 });
    }
    const json = JSON.parse(Buffer.from(packet.json.base64, 'base64').toString('utf8')) as { entries: Array<{ procedureName: string }> };
    json.entries[0]!.procedureName = 'CT Forged';
    const forged = await call<PacketCheck>(s.backend, 'documents.checkPacket', { fileName: 'x.json', base64: Buffer.from(JSON.stringify(json)).toString('base64') });
    expect(forged.selfConsistent).toBe(false);
    expect(forged.message).toContain('altered after RadLedger produced it');

    s.backend.db.prepare("UPDATE entries SET performed_at = '23:59' WHERE id = ?").run(s.entryIds[1]);
    const twin = await call<PacketCheck>(s.backend, 'documents.checkPacket', { fileName: 'p.json', base64: packet.json.base64 });
    expect(twin).toMatchObject({ matchesLog: false, selfConsistent: true, changedEntryIds: [s.entryIds[1]] });
    const pdf = await call<PacketCheck>(s.backend, 'documents.checkPacket', { fileName: 'p.pdf', base64: packet.pdf.base64 });
    expect(pdf.matchesLog).toBe(false);

    const notPacket = await s.backend.dispatch('documents.checkPacket', { fileName: 'n.pdf', base64: Buffer.from('%PDF-1.4 nothing').toString('base64') });
    expect(notPacket.ok).toBe(false);

    // A packet JSON whose entries are malformed is the file's fault: `validation`, never `internal`.
    for (const entries of [[null], [{}], [{ ...json.entries[0], id: 'seven' }], [{ ...json.entries[0], simulated: 'no' }], 'many', [1, 2]]) {
      const bad = { ...json, entries };
      const r = await s.backend.dispatch('documents.checkPacket', { fileName: 'bad.json', base64: Buffer.from(JSON.stringify(bad)).toString('base64') });
      expect(r).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringContaining('not a RadLedger verification packet') } });
    }
    const noDigest = await s.backend.dispatch('documents.checkPacket', { fileName: 'bad.json', base64: Buffer.from(JSON.stringify({ ...json, digest: 42 })).toString('base64') });
    expect(noDigest).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });
});

describe('CSV of the log', () => {
  it('has a BOM, one row per entry, and neutralises cells that start with = + - @', async () => {
    s = await seed(1);
    for (const name of ['=HYPERLINK("http://x","y")', '+1+2', '-3+4', '@SUM(A1)']) {
      await call(s.backend, 'entries.create', { trackId: s.trackId, performedOn: '2026-06-05', procedureName: name, siteName: 'Mercy General' });
    }
    const { text } = await exportedCsv(s.backend, s.trackId);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(6);
    const names = parsed.data.map((r) => r.procedure);
    expect(names).toEqual(expect.arrayContaining(["'=HYPERLINK(\"http://x\",\"y\")", "'+1+2", "'-3+4", "'@SUM(A1)", 'CT Procedure 0001']));
    for (const n of names) expect(n).not.toMatch(/^[=+\-@]/);
  });
});

describe('CSV of the log: what a spreadsheet user needs', () => {
  it('carries category, site, verifier, status, counts and the reason why not, and signature state, under the one exported header', async () => {
    s = await seed(1);
    // The example catalog lists procedures with categories (Routine Head is in "Head").
    await call(s.backend, 'catalogs.assign', { trackId: s.trackId, catalog: { key: 'example-ct-like' } });
    await signAll(s); // signs the one Mercy General entry (CT Procedure 0001, not in the catalog)
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) {
      const e = await call<{ id: number }>(s.backend, 'entries.create', {
        trackId: s.trackId, performedOn: '2026-06-12', performedAt: `${String(8 + i).padStart(2, '0')}:00`, procedureName: 'Routine Head',
        siteName: 'County Clinic', verifierName: 'Sam Lee, R.T.(CT)',
      });
      ids.push(e.id);
    }
    const { text } = await exportedCsv(s.backend, s.trackId);
    expect(text.slice(1, text.indexOf('\r\n'))).toBe(LOG_CSV_HEADER);
    expect(LOG_CSV_HEADER).toBe('id,date,time,discipline,procedure,procedure_id,category,site,verifier,simulated,status,counts,reason,signature,notes');
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    const first = byId.get(ids[0]!)!;
    expect(first).toMatchObject({ category: 'Head', site: 'County Clinic', verifier: 'Sam Lee, R.T.(CT)', status: 'Draft', counts: 'yes', reason: '', signature: 'unsigned' });
    // The tenth on one day is over CT's cap of 9: kept, does not count, and says why.
    expect(byId.get(ids[9]!)).toMatchObject({ counts: 'no', reason: expect.stringMatching(/^Over the daily limit of 9 entries/) as unknown as string });
    // The signed entry is not in the example catalog (a complete list), so it does not count either.
    const signed = byId.get(s.entryIds[0]!)!;
    expect(signed).toMatchObject({ signature: 'signed', counts: 'no', reason: 'The procedure is not in this requirement catalog.', category: '' });
    // The export of all tracks says the same.
    const all = (await exportedCsv(s.backend, null)).text;
    expect(all).toContain('Over the daily limit of 9 entries');
  });
});

describe('ARRT entry helper', () => {
  it('groups pending entries by day within the daily cap and marks entries as entered', async () => {
    s = await seed(1);
    // 11 CT entries on one day: ARRT accepts 9 (CT's cap); 2 cannot be entered at all.
    const ids: number[] = [];
    for (let i = 0; i < 11; i++) {
      const e = await call<{ id: number }>(s.backend, 'entries.create', {
        trackId: s.trackId,
        performedOn: '2026-06-10',
        performedAt: `${String(7 + i).padStart(2, '0')}:00`,
        procedureName: `CT Scan ${i}`,
      });
      ids.push(e.id);
    }
    let plan = await call<ArrtHelperPlan>(s.backend, 'documents.arrtHelper', { trackId: s.trackId });
    expect(plan.dailyCap).toBe(9);
    const day = plan.days.find((d) => d.date === '2026-06-10')!;
    expect(day.toEnter.map((e) => e.id)).toEqual(ids.slice(0, 9));
    expect(day.overCap.map((e) => e.id)).toEqual(ids.slice(9));

    const marked = await call<{ marked: number }>(s.backend, 'documents.markEntered', { entryIds: ids.slice(0, 3) });
    expect(marked.marked).toBe(3);
    plan = await call<ArrtHelperPlan>(s.backend, 'documents.arrtHelper', { trackId: s.trackId });
    const after = plan.days.find((d) => d.date === '2026-06-10')!;
    expect(after.alreadyEntered).toBe(3);
    expect(after.toEnter.map((e) => e.id)).toEqual(ids.slice(3, 9));
  });
});

describe('progress report PDF', () => {
  it('lists the procedures logged with their counts', async () => {
    s = await seed(6);
    const report = await call<SavedFile>(s.backend, 'documents.progressReport', { trackId: s.trackId });
    const { text } = pdfText(report);
    expect(text).toContain('Clinical Experience Progress Report');
    expect(text).toMatch(/CT Procedure 0001\s+1\s+0/);
    expect(text).toMatch(/Entries logged\s+7/);
    expect(text).toContain('2026-06: 7');
    expect(readdirSync(path.dirname(pdfText(report).path))).toContain('out.pdf');
  });

  it('states progress as the dashboard does: extra repetitions do not add to it', async () => {
    const backend = openBackend({ dataDir: tempDir(), host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T15:00:00Z') });
    const { trackId } = await seedProgressLog(backend.dispatch as never);
    const { text } = pdfText(await call<SavedFile>(backend, 'documents.progressReport', { trackId }));
    // 294 entries count toward ARRT's log, but only 83 of the 100 required repetitions are done.
    expect(text.replace(/\s+/g, ' ')).toContain("83 of 100 required repetitions done, 17 to go (294 entries count toward ARRT's log).");
    expect(text).toContain('5 more Renal Stone Protocol (0 of 5)');
    // The finish date the dashboard and Today show, with its basis.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Finish date 2026-12-15 Around 2026-12-15, from the pace of your log');
    expect(flat).toContain('Basis: the pace of the log.');
    backend.close();
  });
});
