import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import { verifyAuditChain } from '../../../../../electron/core/audit';
import type { Result } from '../../../../../shared/result';

let dir: string;
let backend: Backend;
// 2026-03-01 at noon UTC: a fixed "today" for every rule that reads the clock.
const NOW = new Date('2026-03-01T12:00:00Z');

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-sites-'));
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

describe('sites service on real SQLite', () => {
  it('creates a full site record and reads it back', async () => {
    const site = await call<{ id: number }>('sites.create', {
      name: 'Mercy General',
      kind: 'hospital',
      location: 'Springfield',
      travelMinutes: 45,
      affiliation: 'other-provider',
      modalities: ['CT', 'MR', 'CT'],
      equipment: 'Siemens SOMATOM Force',
      costCents: 25000,
      housing: 'Staff dorm, $30/night',
      offered: [{ name: 'CT Angiography chest' }],
      requirements: [{ kind: 'liability-insurance' }, { kind: 'immunization', label: 'Hepatitis B' }],
    });
    const [listed] = await call<Array<Record<string, unknown>>>('sites.list');
    expect(listed).toMatchObject({
      id: site.id,
      name: 'Mercy General',
      kind: 'hospital',
      travelMinutes: 45,
      affiliation: 'other-provider',
      modalities: ['CT', 'MR'],
      costCents: 25000,
      status: 'prospect',
      offered: [{ name: 'CT Angiography chest', procedureId: null }],
      requirements: [
        { kind: 'liability-insurance', label: '' },
        { kind: 'immunization', label: 'Hepatitis B' },
      ],
    });
  });

  it('refuses a duplicate name case-insensitively, at the name field, also against sites made by the log', async () => {
    await call('tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
    await call('entries.create', { trackId: 1, performedOn: '2026-02-02', procedureName: 'CT Head', siteName: 'Valley Imaging' });
    const r = await backend.dispatch('sites.create', { name: 'VALLEY imaging' });
    expect(r).toEqual({
      ok: false,
      error: { kind: 'validation', message: 'A site named "Valley Imaging" already exists.', issues: [{ path: 'name', message: 'A site named "Valley Imaging" already exists.' }] },
    });
    const sites = await call<Array<{ name: string; status: string }>>('sites.list');
    // The log-made site is one the user already works at.
    expect(sites).toEqual([expect.objectContaining({ name: 'Valley Imaging', status: 'active' })]);

    const other = await call<{ id: number }>('sites.create', { name: 'North Clinic' });
    const rename = await backend.dispatch('sites.update', { id: other.id, name: 'valley IMAGING' });
    expect(!rename.ok && rename.error.issues?.[0]?.path).toBe('name');
  });

  it('moves a site through the pipeline, refusing skips and a decline without reason', async () => {
    const { id } = await call<{ id: number }>('sites.create', { name: 'Mercy General' });
    const skip = await backend.dispatch('sites.move', { id, to: 'active' });
    expect(!skip.ok && skip.error.issues?.[0]?.path).toBe('to');
    for (const to of ['contacted', 'follow-up', 'agreed', 'active']) await call('sites.move', { id, to });
    expect((await call<Array<{ status: string }>>('sites.list'))[0]!.status).toBe('active');

    const { id: id2 } = await call<{ id: number }>('sites.create', { name: 'Lakeside' });
    const bare = await backend.dispatch('sites.move', { id: id2, to: 'declined' });
    expect(!bare.ok && bare.error.issues).toEqual([{ path: 'reason', message: 'Say why the site declined, so you know later.' }]);
    const declined = await call<{ status: string; declinedReason: string }>('sites.move', { id: id2, to: 'declined', reason: 'Only takes students of its own program' });
    expect(declined).toMatchObject({ status: 'declined', declinedReason: 'Only takes students of its own program' });
    expect(verifyAuditChain(backend.db).breaks).toEqual([]);
  });

  it('logs contacts, shows a due follow-up, and drops it when done or superseded', async () => {
    const { id } = await call<{ id: number }>('sites.create', { name: 'Mercy General', status: 'contacted' });
    const first = await call<{ id: number }>('sites.addContact', {
      siteId: id, contactedOn: '2026-02-20', person: 'Dana Lee', role: 'CT supervisor', channel: 'email',
      outcome: 'Asked to call back after the budget meeting', nextFollowUpOn: '2026-02-27',
    });
    expect(await call('sites.followUps')).toEqual([
      expect.objectContaining({ contactId: first.id, siteName: 'Mercy General', dueOn: '2026-02-27', daysOverdue: 2, person: 'Dana Lee' }),
    ]);
    await call('sites.completeFollowUp', { contactId: first.id });
    expect(await call('sites.followUps')).toEqual([]);

    await call('sites.addContact', { siteId: id, contactedOn: '2026-03-01', channel: 'phone', nextFollowUpOn: '2026-03-01' });
    expect((await call<unknown[]>('sites.followUps')).length).toBe(1);
    const contacts = await call<Array<{ contactedOn: string }>>('sites.contacts', { siteId: id });
    expect(contacts.map((c) => c.contactedOn)).toEqual(['2026-03-01', '2026-02-20']);
  });

  it("checks the contact log's person, role and outcome for patient identifiers, not for the contact's own phone", async () => {
    const { id } = await call<{ id: number }>('sites.create', { name: 'Mercy General' });
    const own = await call<{ warnings: unknown[] }>('sites.addContact', {
      siteId: id, contactedOn: '2026-02-20', person: 'Mrs. Okafor', role: 'CT coordinator, (617) 555-0142', channel: 'phone',
      outcome: 'Call back at 617-555-0142 or rokafor@mercy.org after 2026-03-02',
    });
    expect(own.warnings).toEqual([]);
    const leaked = await call<{ warnings: Array<{ kind: string; field: string; findings: Array<{ kind: string; text: string }> }> }>('sites.addContact', {
      siteId: id, contactedOn: '2026-02-21', person: 'pt Smith', role: 'MRN 00482913', channel: 'email',
      outcome: 'Asked about the CT of DOB 03/14/1950',
    });
    expect(leaked.warnings.map((w) => [w.field, w.findings.map((f) => f.kind)])).toEqual([
      ['person', ['name']],
      ['role', ['mrn']],
      ['outcome', ['dob']],
    ]);
    expect(leaked.warnings[0]).toMatchObject({ kind: 'phi', message: expect.stringContaining('may identify a patient') });
  });

  it('refuses a follow-up before the contact date and stores nothing', async () => {
    const { id } = await call<{ id: number }>('sites.create', { name: 'Mercy General' });
    const r = await backend.dispatch('sites.addContact', { siteId: id, contactedOn: '2026-02-20', nextFollowUpOn: '2026-02-10' });
    expect(!r.ok && r.error.issues).toEqual([{ path: 'nextFollowUpOn', message: 'The next follow-up cannot be before the contact date (2026-02-20).' }]);
    expect(await call('sites.contacts', { siteId: id })).toEqual([]);
  });

  it('groups performed procedures by site for site variety', async () => {
    await call('tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
    const log = (performedOn: string, procedureName: string, siteName: string) =>
      call('entries.create', { trackId: 1, performedOn, procedureName, siteName });
    await log('2026-02-02', 'CT Head', 'Mercy General');
    await log('2026-02-03', 'CT Head', 'Mercy General');
    await log('2026-02-03', 'CT Chest', 'Mercy General');
    await log('2026-02-04', 'CT Head', 'Valley Imaging');
    type Report = { needs: string; sites: Array<{ siteName: string; totalPerformed: number; canClose: number | null; lines: Array<{ name: string; performed: number; needed: boolean | null }> }> };
    const report = await call<Report>('sites.variety', { trackId: 1 });
    // ARRT's CT procedure list is not transcribed in the shipped catalog, so needs cannot be known.
    expect(report.needs).toBe('catalog-empty');
    expect(report.sites.map((s) => [s.siteName, s.totalPerformed, s.lines.map((l) => `${l.name}×${l.performed}`)])).toEqual([
      ['Mercy General', 3, ['CT Head×2', 'CT Chest×1']],
      ['Valley Imaging', 1, ['CT Head×1']],
    ]);
    expect((await call<Report>('sites.variety', {})).needs).toBe('all-tracks');
  });

  it('sets site variety against the needs of a track whose catalog lists procedures', async () => {
    await call('tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
    await call('catalogs.assign', { trackId: 1, catalog: { key: 'example-ct-like' } });
    await call('entries.create', { trackId: 1, performedOn: '2026-02-02', procedureName: 'Routine Head', siteName: 'Mercy General' });
    await call('sites.create', { name: 'Valley Imaging', offered: [{ name: 'CTA Chest (PE)' }, { name: 'Dental CT' }] });
    const report = await call<{ needs: string; sites: Array<{ siteName: string; canClose: number | null; lines: Array<{ name: string; needed: boolean | null }> }> }>(
      'sites.variety',
      { trackId: 1 },
    );
    expect(report.needs).toBe('known');
    const valley = report.sites.find((s) => s.siteName === 'Valley Imaging')!;
    // The example catalog lists CTA Chest (PE) as mandatory; "Dental CT" is not in it.
    expect(valley.lines.map((l) => [l.name, l.needed])).toEqual([
      ['CTA Chest (PE)', true],
      ['Dental CT', false],
    ]);
    expect(valley.canClose).toBe(1);
  });
});
