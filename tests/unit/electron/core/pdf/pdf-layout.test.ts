// The packet and the progress report as a supervisor reads them: names outside Latin-1 in the
// embedded font, the real date range, the candidate's attestation, the entry over ARRT's daily cap
// marked on its row, columns that fit, a header on every page, and no heading alone at a page foot.
// Every check reads the real PDF back with poppler (pdftotext, pdffonts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import { createDoc, finish } from '../../../../../electron/core/pdf/base';
import { renderProgressReport, type ProgressReportData } from '../../../../../electron/core/pdf/progress';
import type { PacketFile, SavedFile } from '../../../../../shared/ipc/documents';
import type { SignatureView, SignoffPreview } from '../../../../../shared/ipc/signoff';
import { CANDIDATE_ATTESTATION, VERIFIER_CHECKLIST } from '../../../../../shared/signoff/checklist';
import { fixedClock, tempDir } from '../../../../helpers/tmp';

const CANDIDATE = 'Nguyễn Thị Ánh';
const VERIFIER = 'Łukasz Wójcik';
const SITE = "Zoë O'Brien Imaging Center";
const OTHER_SITE = 'Mercy General';

// RADLEDGER_KEEP_PDFS=/some/dir keeps the files there, to render and look at them (pdftoppm).
const keep = process.env.RADLEDGER_KEEP_PDFS;
const dir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'radledger-pdf-layout-'));
afterAll(() => {
  if (!keep) rmSync(dir, { recursive: true, force: true });
});
let backend: Backend | null = null;
afterEach(() => {
  backend?.close();
  backend = null;
});

async function call<T>(b: Backend, channel: string, input?: unknown): Promise<T> {
  const r = await b.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.kind}: ${r.error.message}`);
  return r.value as T;
}

let fileNo = 0;
function writePdf(bytes: Buffer): string {
  const file = path.join(dir, `doc-${++fileNo}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

/** pdftotext -layout of one page (or all pages), as a user copying text out of the PDF gets it. */
function pageText(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
}

function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}

function pdfOf(f: SavedFile): string {
  return writePdf(Buffer.from(f.base64, 'base64'));
}

interface Seeded {
  trackId: number;
  siteId: number;
  verifierId: number;
  /** Entry ids on 2026-06-03 at the first site, in time order. */
  busyDay: number[];
}

/**
 * A CT track on the example catalog (categories known); the candidate, verifier and site named
 * outside Latin-1; two entries on 2026-05-28, ten on 2026-06-03 (CT's cap is 9), one on 2026-06-12.
 */
async function seedUnicode(): Promise<Seeded> {
  const b = openBackend({ dataDir: tempDir('radledger-pdf-'), host: 'preview', appVersion: 'test', now: fixedClock('2026-06-15T14:00:00.000Z') });
  backend = b;
  const track = await call<{ id: number }>(b, 'tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
  await call(b, 'catalogs.assign', { trackId: track.id, catalog: { key: 'example-ct-like' } });
  const add = (performedOn: string, performedAt: string, procedureName: string, siteName = SITE) =>
    call<{ id: number }>(b, 'entries.create', { trackId: track.id, performedOn, performedAt, procedureName, siteName });
  await add('2026-05-28', '09:00', 'Routine Head');
  await add('2026-05-28', '10:30', 'Abdomen/Pelvis with Contrast');
  const names = ['Routine Head', 'Routine Chest', 'CTA Chest (PE)', 'Abdomen/Pelvis with Contrast', '3D Post-Processing', 'Water Phantom QC', 'Sinuses', 'Soft Tissue Neck', 'Multiphase Liver', 'Lower Extremity'];
  const busyDay: number[] = [];
  for (let i = 0; i < names.length; i++) busyDay.push((await add('2026-06-03', `${String(7 + i).padStart(2, '0')}:00`, names[i]!)).id);
  await add('2026-06-12', '08:00', 'Renal Stone Protocol');
  const options = await call<{ sites: Array<{ id: number; name: string }> }>(b, 'signoff.options');
  const siteId = options.sites.find((s) => s.name === SITE)!.id;
  await call(b, 'signoff.saveCandidate', { name: CANDIDATE, arrtId: '765432' });
  const v = await call<{ id: number }>(b, 'verifiers.save', { name: VERIFIER, credentials: 'R.T.(R)(CT)(ARRT)', email: 'lw@example.org', siteIds: [siteId] });
  return { trackId: track.id, siteId, verifierId: v.id, busyDay };
}

describe('verification packet a supervisor files without comment', () => {
  it('prints names outside Latin-1 in an embedded subset font, the real date range and the candidate attestation', async () => {
    const s = await seedUnicode();
    const b = backend!;
    const packet = await call<PacketFile>(b, 'documents.packet', { batch: { trackId: s.trackId, siteId: s.siteId }, verifierId: s.verifierId });
    const file = pdfOf(packet.pdf);
    const text = pageText(file);
    expect(text).toContain(CANDIDATE);
    expect(text).toContain(`${VERIFIER}, R.T.(R)(CT)(ARRT)`);
    expect(text).toContain(SITE);
    // The range of the entries themselves, not the filter ("All dates").
    expect(text).toMatch(/Dates\s+2026-05-28 to 2026-06-12/);
    expect(text).not.toContain('All dates');
    // No app-internal wording from the catalog's version label.
    expect(text).not.toContain('not known here');
    // The candidate's own attestation, with a signature line and their printed name under it.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(CANDIDATE_ATTESTATION);
    expect(text).toMatch(/Candidate's attestation/);
    expect(flat).toMatch(new RegExp(`${CANDIDATE_ATTESTATION.slice(-40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} Signature Date ${CANDIDATE} 765432 Printed name ARRT ID`));

    // Only DejaVu, embedded as subsets (a "ABCDEF+" prefix), nothing from pdfkit's built-in fonts.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const line of fonts) {
      expect(line).toMatch(/^[A-Z]{6}\+DejaVuSans/);
      expect(line).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, ToUnicode
    }

    // The JSON twin says what the PDF says.
    const twin = JSON.parse(Buffer.from(packet.json.base64, 'base64').toString('utf8')) as {
      period: { first: string; last: string };
      candidateAttestation: string;
      candidate: { name: string };
      digest: string;
    };
    expect(twin.period).toEqual({ first: '2026-05-28', last: '2026-06-12' });
    expect(twin.candidateAttestation).toBe(CANDIDATE_ATTESTATION);
    expect(twin.candidate.name).toBe(CANDIDATE);
    expect(text).toContain(twin.digest);

    // The third name as the candidate, and a typed signature drawn in the font too.
    await call(b, 'signoff.saveCandidate', { name: "Zoë O'Brien", arrtId: null });
    const batch = { trackId: s.trackId, siteId: s.siteId };
    const preview = await call<SignoffPreview>(b, 'signoff.preview', { batch, verifierId: s.verifierId });
    await call<SignatureView>(b, 'signoff.sign', {
      batch,
      kind: 'verifier',
      verifierId: s.verifierId,
      entryIds: preview.entries.map((e) => e.id),
      digest: preview.digest,
      signerName: VERIFIER,
      method: 'typed',
      attested: Object.fromEntries(VERIFIER_CHECKLIST.map((i) => [i.id, true])),
    });
    const signed = pageText(pdfOf((await call<PacketFile>(b, 'documents.packet', { batch, verifierId: s.verifierId })).pdf));
    expect(signed).toMatch(/Candidate\s+Zoë O'Brien/);
    expect(signed).toContain('Signature (typed in RadLedger)');
    expect(signed.split(VERIFIER).length - 1).toBeGreaterThanOrEqual(3); // facts, typed signature, printed name
  });

  it('marks the entry over the daily cap on its row, with a legend, and says so in the twin', async () => {
    const s = await seedUnicode();
    const packet = await call<PacketFile>(backend!, 'documents.packet', { batch: { trackId: s.trackId, siteId: s.siteId }, verifierId: s.verifierId });
    const text = pageText(pdfOf(packet.pdf));
    const rows = text.split('\n').filter((l) => /^\s*\d+\s+(▲\s+)?\d{4}-\d{2}-\d{2}\s/.test(l));
    expect(rows).toHaveLength(13);
    const marked = rows.filter((l) => l.includes('▲'));
    // CT accepts 9 a day: the tenth of 2026-06-03 (16:00) is over; nothing else.
    expect(marked).toHaveLength(1);
    expect(marked[0]).toMatch(/12\s+▲\s+2026-06-03\s+16:00\s+Lower Extremity/);
    expect(text).toMatch(/Entries\s+13, 1 over the daily limit \(▲\)/);
    expect(text.replace(/\s+/g, ' ')).toContain("▲ Over ARRT's daily limit: ARRT accepts at most 9 CT entries per day of performance");
    const twin = JSON.parse(Buffer.from(packet.json.base64, 'base64').toString('utf8')) as { overCapEntryIds: number[]; dailyCap: number };
    expect(twin).toMatchObject({ overCapEntryIds: [s.busyDay[9]], dailyCap: 9 });

    // A day under the cap marks nothing, and an empty packet says what it was asked for.
    const june12File = pdfOf((await call<PacketFile>(backend!, 'documents.packet', { batch: { trackId: s.trackId, from: '2026-06-12', to: '2026-06-12' } })).pdf);
    const june12 = pageText(june12File);
    // (-raw: in content order; -layout splits short label/value pairs of the right column.)
    expect(execFileSync('pdftotext', ['-raw', june12File, '-'], { encoding: 'utf8' })).toMatch(/Dates 2026-06-12\n/);
    expect(june12).not.toContain('▲');
    const emptyFile = pdfOf((await call<PacketFile>(backend!, 'documents.packet', { batch: { trackId: s.trackId, from: '2027-01-01', to: '2027-01-31' } })).pdf);
    const empty = pageText(emptyFile);
    expect(execFileSync('pdftotext', ['-raw', emptyFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain('Dates 2027-01-01 to 2027-01-31 (no entries)');
    expect(empty).toContain('No entries in this packet.');
  });

  it('counts the cap across sites: a packet for one site marks its entry that is over the day total', async () => {
    const s = await seedUnicode();
    const b = backend!;
    // Two more that day at another site, earlier: now the last three at the first site are over.
    for (const at of ['06:00', '06:30']) {
      await call(b, 'entries.create', { trackId: s.trackId, performedOn: '2026-06-03', performedAt: at, procedureName: 'Orbits', siteName: OTHER_SITE });
    }
    const packet = await call<PacketFile>(b, 'documents.packet', { batch: { trackId: s.trackId, siteId: s.siteId } });
    const twin = JSON.parse(Buffer.from(packet.json.base64, 'base64').toString('utf8')) as { overCapEntryIds: number[] };
    expect(twin.overCapEntryIds).toEqual(s.busyDay.slice(7));
    const marked = pageText(pdfOf(packet.pdf)).split('\n').filter((l) => /^\s*\d+\s+▲\s+2026-06-03/.test(l));
    expect(marked.map((l) => /\d{2}:\d{2}/.exec(l)?.[0])).toEqual(['14:00', '15:00', '16:00']);
  });

  it('keeps ordinary procedure and category names on one line; only a very long name wraps; a Site column only when sites differ', async () => {
    const s = await seedUnicode();
    const b = backend!;
    const long = 'CT angiography of the chest, abdomen and pelvis with bilateral lower extremity runoff, 3D reconstruction and perfusion';
    // The catalog's list is complete, so the app refuses such a name today; a log imported from an
    // older catalog or another tool can still hold one.
    const e = await call<{ id: number }>(b, 'entries.create', { trackId: s.trackId, performedOn: '2026-06-13', performedAt: '09:00', procedureName: 'Routine Chest', siteName: SITE });
    b.db.prepare('UPDATE entries SET procedure_name = ?, procedure_id = NULL WHERE id = ?').run(long, e.id);
    const packet = await call<PacketFile>(b, 'documents.packet', { batch: { trackId: s.trackId, siteId: s.siteId } });
    const text = pageText(pdfOf(packet.pdf));
    // One site, nothing simulated: both said once at the top, no column repeating them.
    expect(text).toMatch(/Facility\s+Zoë O'Brien Imaging Center/);
    expect(text).toMatch(/Simulated\s+none/);
    expect(text).toMatch(/#\s+Date\s+Time\s+Procedure\s+Category\n/);
    // Each ordinary row is one line holding the whole procedure and category name.
    for (const [proc, cat] of [
      ['3D Post-Processing', 'Special Procedures and QC'],
      ['Abdomen/Pelvis with Contrast', 'Abdomen and Pelvis'],
      ['Water Phantom QC', 'Special Procedures and QC'],
      ['CTA Chest \\(PE\\)', 'Chest'],
    ]) {
      expect(text).toMatch(new RegExp(`\\d{2}:\\d{2}\\s+${proc}\\s+${cat}\\n`));
    }
    // The long name wraps inside its column, on few lines.
    const longLines = text.split('\n').filter((l) => /CT angiography|perfusion|runoff|pelvis with/.test(l));
    expect(longLines[0]).toMatch(/14\s+2026-06-13\s+09:00\s+CT angiography of the chest,/);
    expect(longLines.length).toBeLessThanOrEqual(3);
    expect(text.replace(/\s+/g, ' ')).toContain('3D reconstruction and perfusion');

    // Entries from two sites, one simulated: the Site and Simulated columns appear.
    await call(b, 'entries.create', { trackId: s.trackId, performedOn: '2026-06-14', performedAt: '10:00', procedureName: 'Orbits', siteName: OTHER_SITE, simulated: true });
    const both = pageText(pdfOf((await call<PacketFile>(b, 'documents.packet', { batch: { trackId: s.trackId } })).pdf));
    expect(both).toMatch(/Facility\s+2 sites \(see each entry\)/);
    expect(both).toMatch(/#\s+Date\s+Time\s+Procedure\s+Category\s+Site\s+Simulated/);
    expect(both).toMatch(/Simulated\s+1 \(see the Simulated column\)/);
    expect(both).toMatch(/2026-06-14\s+10:00\s+Orbits\s+Head\s+Mercy General\s+Yes/);
    expect(both).toMatch(/2026-06-03\s+08:00\s+Routine Chest\s+Chest\s+Zoë O'Brien Imaging Center\s+No/);
    // Even with the Site and Simulated columns, ordinary rows stay one line high.
    expect(both).toMatch(/10:00\s+Abdomen\/Pelvis with Contrast\s+Abdomen and Pelvis\s+Zoë O'Brien Imaging Center\s+No\n/);
    expect(both).toMatch(/11:00\s+3D Post-Processing\s+Special Procedures and QC\s+Zoë O'Brien Imaging Center\s+No\n/);
  });

  it('repeats the table header and a running head on every page of a long packet, with Page n of m', async () => {
    const s = await seedUnicode();
    const b = backend!;
    for (let i = 0; i < 90; i++) {
      const day = `2026-04-${String(1 + (i % 28)).padStart(2, '0')}`;
      await call(b, 'entries.create', { trackId: s.trackId, performedOn: day, performedAt: `${String(8 + (i % 3)).padStart(2, '0')}:00`, procedureName: 'Routine Chest', siteName: SITE });
    }
    const packet = await call<PacketFile>(b, 'documents.packet', { batch: { trackId: s.trackId, siteId: s.siteId }, verifierId: s.verifierId });
    const file = pdfOf(packet.pdf);
    const pages = pageCount(file);
    expect(pages).toBe(packet.pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    let tablePages = 0;
    for (let p = 1; p <= pages; p++) {
      const t = pageText(file, p);
      expect(t).toContain(`Page ${p} of ${pages}`);
      if (!/\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}\s+Routine/.test(t)) continue;
      tablePages++;
      expect(t).toMatch(/#\s+Date\s+Time\s+Procedure\s+Category\n/);
      if (p > 1) expect(t).toContain(`Verification log (continued): ${CANDIDATE}, Computed Tomography, 2026-04-01 to 2026-06-12`);
    }
    expect(tablePages).toBeGreaterThanOrEqual(2);
  });
});

/** A progress report whose requirement table has `n` rows, so later headings land anywhere on a page. */
function progressData(n: number): ProgressReportData {
  return {
    generatedAt: '2026-11-24T15:00:00.000Z',
    candidate: { name: CANDIDATE, arrtId: '765432' },
    discipline: { code: 'CT', name: 'Computed Tomography', dailyCap: 9 },
    requirementVersion: 'Example CT-style catalog, version Example 1',
    track: { name: 'CT', startDate: '2026-01-05', plannedApplicationDate: null },
    totals: { entries: 40, simulated: 2, byStatus: [{ label: 'Draft', count: 40 }] },
    procedures: Array.from({ length: 12 }, (_, i) => ({ name: `Procedure ${i + 1} at ${SITE}`, count: 3, simulated: 0, first: '2026-02-01', last: '2026-03-01' })),
    months: [
      { month: '2026-01', count: 10 },
      { month: '2026-02', count: 30 },
    ],
    requirements: {
      rows: Array.from({ length: n }, (_, i) => ({ name: `Requirement ${i + 1}`, category: 'Abdomen and Pelvis', kind: 'mandatory', counted: 1, required: 2, remaining: 1 })),
      counted: n,
      required: 2 * n,
      remaining: n,
      complete: false,
      missing: [],
      expiringSoon: 0,
    },
  };
}

const HEADINGS = ['Requirements', 'Entries per month', 'Procedures logged'];

describe('progress report layout', () => {
  it('never leaves a heading alone at a page foot: it moves to the next page with its first rows', async () => {
    let moved = 0;
    // Requirement tables of 16 to 40 rows put "Entries per month" and "Procedures logged" at every
    // height of the first and second page, including the last lines above the footer.
    for (let n = 16; n <= 40; n += 2) {
      const { bytes, pages } = await renderProgressReport(progressData(n), new Date('2026-11-24T15:00:00Z'));
      const file = writePdf(bytes);
      expect(pageCount(file)).toBe(pages);
      for (let p = 1; p <= pages; p++) {
        const lines = pageText(file, p)
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '' && !/^Progress report, .*Page \d+ of \d+$/.test(l));
        // The last line above the footer is never a heading.
        expect(HEADINGS, `n=${n}, page ${p}`).not.toContain(lines.at(-1));
        // No table row alone on a page (a first row left at the foot, or a last row carried over).
        expect(lines.filter((l) => /^Requirement \d+\s/.test(l)).length, `n=${n}, page ${p}`).not.toBe(1);
        // A heading at the top of a page (after the first) is a heading that was moved there.
        if (p > 1 && HEADINGS.includes(lines[0]!)) {
          moved++;
          // ...and what follows it came along: the chart's text equivalent or the table header.
          expect(lines.slice(1, 4).join(' ')).toMatch(/2026-01|Procedure\s+Logged/);
        }
      }
      expect(pageText(file, 1)).toContain(CANDIDATE);
    }
    expect(moved).toBeGreaterThan(0);
  });
});

describe('the font in the built app', () => {
  it('is found from a CommonJS bundle built like the Electron main process (fonts read from the package at run time)', async () => {
    const options = pathToFileURL(path.resolve('scripts/electron-bundle-options.mjs')).href;
    const { common, mainOnly } = (await import(options)) as { common: BuildOptions; mainOnly: BuildOptions };
    const entry = path.join(dir, 'font-entry.ts');
    writeFileSync(
      entry,
      `import { createDoc, finish, FONT } from ${JSON.stringify(path.resolve('electron/core/pdf/base.ts'))};
       const doc = createDoc({ title: 't', subject: 's', createdAt: new Date('2026-01-01T00:00:00Z') });
       doc.font(FONT.regular).text(${JSON.stringify(`${CANDIDATE} / ${VERIFIER} / ${SITE}`)});
       finish(doc).then((b) => process.stdout.write(b.toString('base64')));`,
    );
    // Like dist/electron/main.cjs: a CommonJS file whose packages resolve from the repo's node_modules.
    const outfile = path.resolve('node_modules/.cache/radledger-tests/pdf-font-bundle.cjs');
    mkdirSync(path.dirname(outfile), { recursive: true });
    await build({ ...common, ...mainOnly, entryPoints: [entry], outfile, logLevel: 'error' });
    const file = writePdf(Buffer.from(execFileSync(process.execPath, [outfile], { encoding: 'utf8' }), 'base64'));
    expect(pageText(file)).toContain(`${CANDIDATE} / ${VERIFIER} / ${SITE}`);
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/[A-Z]{6}\+DejaVuSans\s/);
  });
});

describe('every PDF gets the font', () => {
  it('maps pdfkit built-in names to DejaVu, so a section that names Helvetica still prints any name; a form can keep the real Helvetica', async () => {
    const doc = createDoc({ title: 't', subject: 's', createdAt: new Date('2026-01-01T00:00:00Z') });
    doc.font('Helvetica-Bold').text(CANDIDATE);
    doc.font('Times-Italic').text(VERIFIER);
    doc.font('Courier').text(SITE);
    const file = writePdf(await finish(doc));
    expect(pageText(file)).toMatch(new RegExp(`${CANDIDATE}\\s+${VERIFIER}\\s+${SITE}`));
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).not.toMatch(/Helvetica|Times|Courier/);
    expect(fonts).toMatch(/DejaVuSans-Bold/);

    const form = createDoc({ title: 't', subject: 's', createdAt: new Date('2026-01-01T00:00:00Z'), keepBuiltInFonts: true });
    form.font('Helvetica').text('Accept');
    expect(execFileSync('pdffonts', [writePdf(await finish(form))], { encoding: 'utf8' })).toMatch(/Helvetica/);
  });
});
