// The same bytes attached under two names (issue 14, item 7): the file is stored once (one
// `attachments` row, one file named by its hash), but each wallet item and each education activity
// keeps, lists and serves the name it was attached under, also after the other one is deleted,
// edited or exported and imported back.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import type { Result } from '../../../../../shared/result';
import { call } from '../../../../helpers/backend';
import { fixedClock, tempDir } from '../../../../helpers/tmp';

const pdf = readFileSync(path.resolve('tests/fixtures/sites/bls-certificate.pdf'));
const PDF = pdf.toString('base64');
const dataUrl = `data:application/pdf;base64,${PDF}`;

function backend(): { b: Backend; dir: string } {
  const dir = tempDir('radledger-attnames-');
  return { b: openBackend({ dataDir: dir, host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T15:00:00Z') }), dir };
}

const count = (b: Backend, table: string) => b.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
const files = (dir: string) => readdirSync(path.join(dir, 'attachments'));

async function walletNames(b: Backend) {
  return (await call(b, 'compliance.list', undefined)).map((i) => [i.id, i.attachment?.originalName ?? null]);
}

describe('the same bytes attached under two names', () => {
  it('two wallet items list and serve their own names; deleting, editing or unattaching one leaves the other as it was', async () => {
    const { b, dir } = backend();
    const bls = await call(b, 'compliance.create', {
      kind: 'bls-cpr', expiresOn: '2028-01-31', attachment: { name: 'C:\\scans\\BLS card 2026.pdf', dataBase64: PDF },
    });
    const hipaa = await call(b, 'compliance.create', {
      kind: 'hipaa', hipaaSource: 'employer', attachment: { name: 'HIPAA certificate.pdf', dataBase64: PDF },
    });
    expect(bls.attachment?.originalName).toBe('BLS card 2026.pdf');
    expect(hipaa.attachment?.originalName).toBe('HIPAA certificate.pdf');
    // Stored once: one attachments row, one file.
    expect(hipaa.attachment?.id).toBe(bls.attachment?.id);
    expect([count(b, 'attachments'), files(dir).length]).toEqual([1, 1]);
    expect(await walletNames(b)).toEqual([[bls.id, 'BLS card 2026.pdf'], [hipaa.id, 'HIPAA certificate.pdf']]);

    // Each item's document is served (and saved) under its own name.
    const id = bls.attachment!.id;
    expect(await call(b, 'compliance.attachment', { id, itemId: bls.id })).toMatchObject({ name: 'BLS card 2026.pdf', dataUrl });
    expect(await call(b, 'compliance.attachment', { id, itemId: hipaa.id })).toMatchObject({ name: 'HIPAA certificate.pdf', dataUrl });

    // The audit log records the name the item holds.
    const audited = b.db.prepare("SELECT after_json FROM audit_log WHERE entity = 'compliance_item' AND entity_id = ? ORDER BY id").pluck().all(hipaa.id) as string[];
    expect(JSON.parse(audited.at(-1)!).attachment.originalName).toBe('HIPAA certificate.pdf');

    // An edit without a new file keeps the item's name; the same bytes re-picked under a new name take it.
    await call(b, 'compliance.update', { id: hipaa.id, kind: 'hipaa', hipaaSource: 'employer', notes: 'Annual refresher' });
    expect(await walletNames(b)).toEqual([[bls.id, 'BLS card 2026.pdf'], [hipaa.id, 'HIPAA certificate.pdf']]);
    await call(b, 'compliance.update', { id: hipaa.id, kind: 'hipaa', hipaaSource: 'employer', attachment: { name: 'hipaa-2026.pdf', dataBase64: PDF } });
    expect(await walletNames(b)).toEqual([[bls.id, 'BLS card 2026.pdf'], [hipaa.id, 'hipaa-2026.pdf']]);

    // Deleting one: the other keeps its file and its name; undo brings the deleted one's name back.
    await call(b, 'compliance.remove', { id: bls.id });
    expect(await walletNames(b)).toEqual([[hipaa.id, 'hipaa-2026.pdf']]);
    expect(await call(b, 'compliance.attachment', { id, itemId: hipaa.id })).toMatchObject({ name: 'hipaa-2026.pdf', dataUrl });
    const gone = (await b.dispatch('compliance.attachment', { id, itemId: bls.id })) as Result<unknown>;
    expect(gone).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    await call(b, 'compliance.restore', { id: bls.id });
    expect(await walletNames(b)).toEqual([[bls.id, 'BLS card 2026.pdf'], [hipaa.id, 'hipaa-2026.pdf']]);

    // Unattaching from one leaves the other's document alone.
    await call(b, 'compliance.update', { id: bls.id, kind: 'bls-cpr', expiresOn: '2028-01-31', removeAttachment: true });
    expect(await walletNames(b)).toEqual([[bls.id, null], [hipaa.id, 'hipaa-2026.pdf']]);
    expect(await call(b, 'compliance.attachment', { id, itemId: hipaa.id })).toMatchObject({ name: 'hipaa-2026.pdf', dataUrl });
    // An item that no longer holds that document does not serve it.
    const unattached = (await b.dispatch('compliance.attachment', { id, itemId: bls.id })) as Result<unknown>;
    expect(unattached).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect([count(b, 'attachments'), files(dir).length]).toEqual([1, 1]);
    b.close();
  });

  it('two education activities list and serve their own certificate names; deleting one leaves the other as it was', async () => {
    const { b, dir } = backend();
    const track = await call(b, 'tracks.create', { discipline: 'CT', name: 'CT nights', startDate: '2025-06-01' });
    const base = { trackId: track.id, provider: 'ASRT', credits: 2, categoryKey: 'safety' };
    const dose = await call(b, 'education.create', { ...base, completedOn: '2026-03-02', title: 'Dose optimisation', attachment: { name: 'dose-course.pdf', dataBase64: PDF } });
    const contrast = await call(b, 'education.create', { ...base, completedOn: '2026-04-10', title: 'Contrast reactions', attachment: { name: 'contrast-course.pdf', dataBase64: PDF } });
    expect(contrast.attachment?.id).toBe(dose.attachment?.id);
    expect([count(b, 'attachments'), files(dir).length]).toEqual([1, 1]);
    const names = async () => (await call(b, 'education.list', { trackId: track.id })).activities.map((a) => [a.title, a.attachment?.originalName ?? null]);
    expect(await names()).toEqual([['Contrast reactions', 'contrast-course.pdf'], ['Dose optimisation', 'dose-course.pdf']]);

    const id = dose.attachment!.id;
    expect(await call(b, 'compliance.attachment', { id, activityId: dose.id })).toMatchObject({ name: 'dose-course.pdf', dataUrl });
    expect(await call(b, 'compliance.attachment', { id, activityId: contrast.id })).toMatchObject({ name: 'contrast-course.pdf', dataUrl });

    // An edit without a new file keeps the name.
    await call(b, 'education.update', { id: contrast.id, completedOn: '2026-04-10', title: 'Contrast reactions', provider: 'ASRT', credits: 3, categoryKey: 'safety' });
    expect(await names()).toEqual([['Contrast reactions', 'contrast-course.pdf'], ['Dose optimisation', 'dose-course.pdf']]);

    await call(b, 'education.remove', { id: dose.id });
    expect(await names()).toEqual([['Contrast reactions', 'contrast-course.pdf']]);
    expect(await call(b, 'compliance.attachment', { id, activityId: contrast.id })).toMatchObject({ name: 'contrast-course.pdf', dataUrl });
    await call(b, 'education.restore', { id: dose.id });
    expect(await names()).toEqual([['Contrast reactions', 'contrast-course.pdf'], ['Dose optimisation', 'dose-course.pdf']]);

    // A wallet item holding the same bytes has its own name too.
    const card = await call(b, 'compliance.create', { kind: 'custom', label: 'Radiation safety', attachment: { name: 'radiation-safety.pdf', dataBase64: PDF } });
    expect(card.attachment?.originalName).toBe('radiation-safety.pdf');
    expect(await names()).toEqual([['Contrast reactions', 'contrast-course.pdf'], ['Dose optimisation', 'dose-course.pdf']]);
    expect(await call(b, 'compliance.attachment', { id, itemId: card.id })).toMatchObject({ name: 'radiation-safety.pdf' });
    b.close();
  });

  it('judges each upload by its own name: bytes already stored under a .pdf name are refused under a .html one', async () => {
    const { b } = backend();
    await call(b, 'compliance.create', { kind: 'bls-cpr', attachment: { name: 'bls.pdf', dataBase64: PDF } });
    const r = (await b.dispatch('compliance.create', { kind: 'hipaa', attachment: { name: 'bls.html', dataBase64: PDF } })) as Result<unknown>;
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ path: 'attachment', message: expect.stringContaining('not named .pdf') }] } });
    expect(await walletNames(b)).toEqual([[1, 'bls.pdf']]);
    b.close();
  });

  it('the JSON export carries each item’s name, and importing it gives the names back', async () => {
    const { b } = backend();
    const bls = await call(b, 'compliance.create', { kind: 'bls-cpr', attachment: { name: 'bls.pdf', dataBase64: PDF } });
    const hipaa = await call(b, 'compliance.create', { kind: 'hipaa', attachment: { name: 'hipaa.pdf', dataBase64: PDF } });
    const track = await call(b, 'tracks.create', { discipline: 'CT', startDate: '2025-06-01' });
    const act = await call(b, 'education.create', {
      trackId: track.id, completedOn: '2026-03-02', title: 'Dose', credits: 2, categoryKey: 'safety', attachment: { name: 'dose.pdf', dataBase64: PDF },
    });
    const { json } = await call(b, 'exportjson.export', undefined);
    const doc = JSON.parse(json) as { tables: Record<string, { columns: string[] }> };
    expect(doc.tables.compliance_items!.columns).toContain('attachment_name');
    expect(doc.tables.education_activities!.columns).toContain('attachment_name');

    // Renamed after the export; the import brings back the exported names.
    await call(b, 'compliance.update', { id: hipaa.id, kind: 'hipaa', attachment: { name: 'renamed.pdf', dataBase64: PDF } });
    await call(b, 'education.update', { id: act.id, completedOn: '2026-03-02', title: 'Dose', credits: 2, categoryKey: 'safety', attachment: { name: 'renamed.pdf', dataBase64: PDF } });
    await call(b, 'exportjson.import', { json });
    expect(await walletNames(b)).toEqual([[bls.id, 'bls.pdf'], [hipaa.id, 'hipaa.pdf']]);
    expect((await call(b, 'education.list', { trackId: track.id })).activities[0]!.attachment?.originalName).toBe('dose.pdf');
    expect(await call(b, 'compliance.attachment', { id: act.attachment!.id, activityId: act.id })).toMatchObject({ name: 'dose.pdf', dataUrl });
    b.close();
  });
});
