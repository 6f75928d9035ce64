// Structured education through the real backend (a real SQLite file, the contract's zod schemas):
// record, edit, delete and undo activities; the engine's verdict on the dashboard; certificates
// judged by content like the wallet's; categories named by the user where RadLedger knows none.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import type { Result } from '../../../../../shared/result';
import { call } from '../../../../helpers/backend';
import { fixedClock, tempDir } from '../../../../helpers/tmp';

function backend(now = '2026-11-24T15:00:00Z'): { b: Backend; dir: string } {
  const dir = tempDir();
  return { b: openBackend({ dataDir: dir, host: 'preview', appVersion: 't', now: fixedClock(now) }), dir };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n').toString('base64');
const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64');

async function ctTrack(b: Backend) {
  return call(b, 'tracks.create', { discipline: 'CT', name: 'CT nights', startDate: '2025-06-01' });
}

describe('structured education through the backend', () => {
  it('records, edits, deletes and restores activities, and the engine counts them per content category', async () => {
    const { b } = backend();
    const track = await ctTrack(b);
    const empty = await call(b, 'education.list', { trackId: track.id });
    // CT's categories are known to RadLedger (ARRT structured-education page).
    expect(empty.categories.map((c) => c.name)).toEqual(['Patient Care', 'Safety', 'Image Production', 'Procedures']);
    expect(empty.categoriesEditable).toBe(false);
    expect(empty.summary).toMatchObject({ defined: true, requiredTotal: 16, counted: 0, remaining: 16, met: false, categoriesOrigin: 'catalog' });

    const a = await call(b, 'education.create', {
      trackId: track.id, completedOn: '2026-03-02', title: 'CT dose optimisation', provider: 'ASRT', credits: 4, categoryKey: 'safety',
    });
    const c = await call(b, 'education.create', {
      trackId: track.id, completedOn: '2026-04-10', title: 'Contrast reactions', provider: 'ASRT', credits: 2.5, categoryKey: 'patient-care',
    });
    await call(b, 'education.update', {
      id: c.id, completedOn: '2026-04-10', title: 'Contrast reactions', provider: 'ASRT', credits: 3, categoryKey: 'patient-care',
    });
    let list = await call(b, 'education.list', { trackId: track.id });
    expect(list.activities.map((x) => [x.title, x.credits, x.categoryName, x.counts])).toEqual([
      ['Contrast reactions', 3, 'Patient Care', true],
      ['CT dose optimisation', 4, 'Safety', true],
    ]);
    expect(list.summary).toMatchObject({ counted: 7, remaining: 9, missingCategories: ['Image Production', 'Procedures'] });
    expect(list.summary.text).toBe('7 of 16 credits; 2 of 4 content categories covered (missing: Image Production, Procedures).');

    // The dashboard carries the same verdict.
    const d = await call(b, 'dashboard.get', { trackId: track.id });
    expect(d.education).toMatchObject({ counted: 7, requiredTotal: 16 });

    await call(b, 'education.remove', { id: a.id });
    list = await call(b, 'education.list', { trackId: track.id });
    expect(list.summary.counted).toBe(3);
    expect((await call(b, 'dashboard.get', { trackId: track.id })).education.counted).toBe(3);
    await call(b, 'education.restore', { id: a.id });
    expect((await call(b, 'education.list', { trackId: track.id })).summary.counted).toBe(7);

    // Every change is in the audit log.
    const audit = b.db.prepare("SELECT action FROM audit_log WHERE entity = 'education_activity' ORDER BY id").pluck().all();
    expect(audit).toEqual(['create', 'create', 'update', 'delete', 'restore']);
    b.close();
  });

  it('is met with 16 credits covering every category, and says why credits outside the window do not count', async () => {
    const { b } = backend();
    const track = await call(b, 'tracks.create', { discipline: 'CT', startDate: '2024-01-01' });
    for (const [categoryKey, credits] of [['patient-care', 4], ['safety', 4], ['image-production', 4], ['procedures', 4]] as const) {
      await call(b, 'education.create', { trackId: track.id, completedOn: '2026-01-15', title: `Module ${categoryKey}`, credits, categoryKey });
    }
    const old = await call(b, 'education.create', { trackId: track.id, completedOn: '2024-02-01', title: 'Old course', credits: 2, categoryKey: 'safety' });
    const list = await call(b, 'education.list', { trackId: track.id });
    expect(list.summary).toMatchObject({ counted: 16, remaining: 0, met: true, missingCategories: [] });
    const oldView = list.activities.find((x) => x.id === old.id)!;
    expect(oldView.counts).toBe(false);
    expect(oldView.reason).toBe('Completed more than 24 months before the application date.');
    b.close();
  });

  it('refuses a certificate whose content does not match its name, a future date and an unknown category, at the field', async () => {
    const { b, dir } = backend();
    const track = await ctTrack(b);
    const base = { trackId: track.id, completedOn: '2026-03-02', title: 'Cardiac CT', credits: 2, categoryKey: 'procedures' };
    // A real PNG is accepted (content decides its type); a text file named .pdf is not.
    const png = (await b.dispatch('education.create', { ...base, attachment: { name: 'certificate.png', dataBase64: PNG_BYTES } })) as Result<unknown>;
    expect(png.ok).toBe(true);
    const fake = Buffer.from('this is not a pdf at all').toString('base64');
    const bad = (await b.dispatch('education.create', { ...base, attachment: { name: 'certificate.pdf', dataBase64: fake } })) as Result<unknown>;
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.kind).toBe('validation');
      expect(bad.error.issues?.[0]).toMatchObject({ path: 'attachment' });
      expect(bad.error.message).toMatch(/named like a PDF but its content is not one/);
    }
    const exe = Buffer.from('MZ\x90\x00 program').toString('base64');
    const program = (await b.dispatch('education.create', { ...base, attachment: { name: 'cert.pdf', dataBase64: exe } })) as Result<unknown>;
    expect(!program.ok && program.error.message).toMatch(/Windows program/);
    const future = (await b.dispatch('education.create', { ...base, completedOn: '2026-12-01' })) as Result<unknown>;
    expect(!future.ok && future.error.issues?.[0]?.path).toBe('completedOn');
    const unknown = (await b.dispatch('education.create', { ...base, categoryKey: 'nonsense' })) as Result<unknown>;
    expect(!unknown.ok && unknown.error.issues?.[0]?.path).toBe('categoryKey');
    // Nothing half-stored: one activity (the PNG one), one file, no temp files.
    expect((await call(b, 'education.list', { trackId: track.id })).activities).toHaveLength(1);
    const files = readdirSync(path.join(dir, 'attachments'));
    expect(files.filter((f) => f.startsWith('.partial'))).toEqual([]);
    expect(files).toHaveLength(1);
    b.close();
  });

  it('stores a real PDF certificate by content hash and reads it back; removing it keeps the activity', async () => {
    const { b, dir } = backend();
    const track = await ctTrack(b);
    const saved = await call(b, 'education.create', {
      trackId: track.id, completedOn: '2026-03-02', title: 'Cardiac CT', credits: 2, categoryKey: 'procedures', attachment: { name: 'cert.pdf', dataBase64: PDF },
    });
    expect(saved.attachment).toMatchObject({ mime: 'application/pdf', originalName: 'cert.pdf' });
    expect(existsSync(path.join(dir, 'attachments', `${saved.attachment!.sha256}.pdf`))).toBe(true);
    const back = await call(b, 'compliance.attachment', { id: saved.attachment!.id });
    expect(back.dataUrl).toBe(`data:application/pdf;base64,${PDF}`);
    const updated = await call(b, 'education.update', {
      id: saved.id, completedOn: '2026-03-02', title: 'Cardiac CT', credits: 2, categoryKey: 'procedures', removeAttachment: true,
    });
    expect(updated.attachment).toBeNull();
    b.close();
  });

  it('lets the user name the categories from the content specification where RadLedger does not know them', async () => {
    const { b } = backend();
    const track = await call(b, 'tracks.create', { discipline: 'BD', startDate: '2025-06-01' });
    const before = await call(b, 'education.list', { trackId: track.id });
    expect(before.categoriesEditable).toBe(true);
    expect(before.categories).toEqual([]);
    expect(before.summary.categoriesOrigin).toBe('none');
    expect(before.summary.text).toMatch(/not known to RadLedger: name them from your ARRT content specification/);
    // Until named, an activity cannot be filed.
    const early = (await b.dispatch('education.create', { trackId: track.id, completedOn: '2026-03-02', title: 'DXA basics', credits: 2, categoryKey: 'x' })) as Result<unknown>;
    expect(!early.ok && early.error.message).toMatch(/Name the content categories/);

    const cats = await call(b, 'education.setCategories', { trackId: track.id, names: ['Patient Care', 'Safety'] });
    expect(cats).toEqual([{ key: 'patient-care', name: 'Patient Care' }, { key: 'safety', name: 'Safety' }]);
    await call(b, 'education.create', { trackId: track.id, completedOn: '2026-03-02', title: 'DXA basics', credits: 2, categoryKey: 'safety' });
    const after = await call(b, 'education.list', { trackId: track.id });
    expect(after.summary).toMatchObject({ categoriesOrigin: 'user', counted: 2, missingCategories: ['Patient Care'] });
    // A category in use cannot be dropped; one not in use can.
    const drop = (await b.dispatch('education.setCategories', { trackId: track.id, names: ['Patient Care'] })) as Result<unknown>;
    expect(!drop.ok && drop.error.kind).toBe('conflict');
    expect((await call(b, 'education.setCategories', { trackId: track.id, names: ['Safety', 'Procedures'] })).map((c) => c.key)).toEqual(['safety', 'procedures']);
    // CT's are known: they cannot be renamed.
    const ct = await ctTrack(b);
    const refused = (await b.dispatch('education.setCategories', { trackId: ct.id, names: ['Mine'] })) as Result<unknown>;
    expect(!refused.ok && refused.error.message).toMatch(/known to RadLedger/);
    b.close();
  });

  it('puts education, with its verdict and each activity, in the progress report PDF (read back with pdftotext)', async () => {
    const { b, dir } = backend();
    const track = await ctTrack(b);
    await call(b, 'education.create', { trackId: track.id, completedOn: '2026-03-02', title: 'CT dose optimisation', provider: 'ASRT', credits: 4, categoryKey: 'safety' });
    await call(b, 'education.create', { trackId: track.id, completedOn: '2026-04-10', title: 'Contrast reactions', credits: 1.5, categoryKey: 'patient-care' });
    const report = await call(b, 'documents.progressReport', { trackId: track.id });
    const pdf = path.join(dir, 'report.pdf');
    writeFileSync(pdf, Buffer.from(report.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Structured education');
    expect(text).toContain('5.5 of 16 credits; 2 of 4 content categories covered (missing: Image Production, Procedures).');
    expect(text).toMatch(/2026-03-02\s+CT dose optimisation \(ASRT\)\s+Safety\s+4\s+Yes/);
    expect(text).toMatch(/Text equivalent: Patient Care: 1\.5 credits; Safety: 4 credits; Image Production: 0 credits \(missing\)/);
    b.close();
  });
});
