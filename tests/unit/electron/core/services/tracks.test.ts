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
});
