import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../../../electron/core/backend';
import { fixedClock, tempDir } from '../../../../helpers/tmp';

describe('tracks service', () => {
  it('creates and edits a track with every field, auditing the edit', async () => {
    const b = openBackend({ dataDir: tempDir(), host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T12:00:00Z') });
    const created = await b.dispatch('tracks.create', {
      discipline: 'M', startDate: '2026-02-01', plannedApplicationDate: '2027-06-01', supportingCredential: 'R.T.(R)', mqsaQualifiedOn: '2026-03-01',
    });
    expect(created).toMatchObject({ ok: true, value: { name: 'Mammography', mqsaQualifiedOn: '2026-03-01', supportingCredential: 'R.T.(R)' } });
    const updated = await b.dispatch('tracks.update', {
      id: 1, discipline: 'M', name: 'Mammo at Mercy', startDate: '2026-02-01', examWindowAssignedOn: '2026-11-01', mqsaQualifiedOn: '2026-03-01',
    });
    expect(updated).toMatchObject({ ok: true, value: { name: 'Mammo at Mercy', examWindowAssignedOn: '2026-11-01', plannedApplicationDate: null } });
    const audits = b.db.prepare("SELECT action FROM audit_log WHERE entity = 'track'").all();
    expect(audits).toEqual([{ action: 'create' }, { action: 'update' }]);
    b.close();
  });

  it('refuses inconsistent tracks at the field', async () => {
    const b = openBackend({ dataDir: tempDir(), host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T12:00:00Z') });
    const bad = await b.dispatch('tracks.create', { discipline: 'CT', startDate: '2026-02-01', plannedApplicationDate: '2026-01-01', mqsaQualifiedOn: '2026-03-01' });
    expect(bad).toMatchObject({ ok: false, error: { issues: [{ path: 'plannedApplicationDate' }, { path: 'mqsaQualifiedOn' }] } });
    await b.dispatch('tracks.create', { discipline: 'CT', startDate: '2026-02-01' });
    await b.dispatch('entries.create', { trackId: 1, performedOn: '2026-03-10', procedureName: 'CT Head' });
    const move = await b.dispatch('tracks.update', { id: 1, discipline: 'MR', startDate: '2026-04-01' });
    expect(move).toMatchObject({ ok: false, error: { issues: [{ path: 'discipline' }, { path: 'startDate' }] } });
    b.close();
  });

  it('keeps an assigned catalog version valid when the track is edited (ARRT version rules)', async () => {
    const b = openBackend({ dataDir: tempDir(), host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T12:00:00Z') });
    await b.dispatch('tracks.create', { discipline: 'M', startDate: '2025-03-01' });
    // Started before the 2025-09-01 version took effect: the 2020 version may be kept.
    expect(await b.dispatch('catalogs.assign', { trackId: 1, catalog: { key: 'arrt-m-2020-07' } })).toMatchObject({ ok: true });
    const late = await b.dispatch('tracks.update', { id: 1, discipline: 'M', startDate: '2025-10-01' });
    expect(late).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ path: 'catalog' }] } });
    const fine = await b.dispatch('tracks.update', { id: 1, discipline: 'M', startDate: '2025-04-01', plannedApplicationDate: '2027-01-01' });
    expect(fine).toMatchObject({ ok: true, value: { startDate: '2025-04-01', catalogId: expect.any(Number) } });
    b.close();
  });
});
