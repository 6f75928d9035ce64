// Every rule the engine knows reaches what the user looks at: version-ending and version-ended
// warnings through dashboard.get and dashboard.today, and the exam-window lock through the track.
import { describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import { call } from '../../../../helpers/backend';
import { fixedClock, tempDir } from '../../../../helpers/tmp';

function backendOn(dir: string, today: string): Backend {
  return openBackend({ dataDir: dir, host: 'preview', appVersion: 't', now: fixedClock(`${today}T15:00:00Z`) });
}

describe('requirement-version warnings', () => {
  it('reach dashboard.get and dashboard.today before and after mammography 2020-07-01 stops being accepted', async () => {
    const dir = tempDir();
    let b = backendOn(dir, '2025-03-01');
    // Started before 2025-09-01: the track is on the 2020-07-01 version (accepted until 2027-09-01).
    const track = await call(b, 'tracks.create', { discipline: 'M', name: 'Mammo', startDate: '2025-02-01' });
    let d = await call(b, 'dashboard.get', { trackId: track.id });
    expect(d.catalog.key).toBe('arrt-m-2020-07');
    expect(d.versionWarnings).toEqual([]); // more than 180 days ahead
    b.close();

    b = backendOn(dir, '2027-06-01');
    d = await call(b, 'dashboard.get', { trackId: track.id });
    expect(d.versionWarnings).toMatchObject([{ kind: 'version-expiring', expiresOn: '2027-09-01', daysLeft: 92, derived: 'derived: 24 months after 2025-09-01' }]);
    expect(d.warnings).toContain(d.versionWarnings[0]!.message);
    expect(d.versionWarnings[0]!.message).toBe(
      'The 2020-07-01 requirements expire on 2027-09-01 (derived: 24 months after 2025-09-01), 92 days left: apply before then or switch to the current version.',
    );
    let today = await call(b, 'dashboard.today', undefined);
    expect(today.versionWarnings).toMatchObject([{ trackId: track.id, trackName: 'Mammo', kind: 'version-expiring', daysLeft: 92 }]);
    b.close();

    b = backendOn(dir, '2027-09-01');
    d = await call(b, 'dashboard.get', { trackId: track.id });
    expect(d.versionWarnings).toMatchObject([{ kind: 'version-expired', expiresOn: '2027-09-01', daysLeft: 0 }]);
    expect(d.warnings.join(' ')).toMatch(/expired on 2027-09-01 \(derived: 24 months after 2025-09-01\): ARRT no longer accepts this version/);
    today = await call(b, 'dashboard.today', undefined);
    expect(today.versionWarnings.map((w) => w.kind)).toEqual(['version-expired']);
    b.close();
  });

  it('stay empty for a version with no known end', async () => {
    const b = backendOn(tempDir(), '2026-11-24');
    const track = await call(b, 'tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
    expect((await call(b, 'dashboard.get', { trackId: track.id })).versionWarnings).toEqual([]);
    expect((await call(b, 'dashboard.today', undefined)).versionWarnings).toEqual([]);
    b.close();
  });
});

describe('exam-window lock', () => {
  it('stores the lock date, keeps entries expired before it expired and expires nothing after it', async () => {
    const dir = tempDir();
    let b = backendOn(dir, '2025-03-10');
    const track = await call(b, 'tracks.create', { discipline: 'CT', name: 'CT', startDate: '2023-01-02' });
    for (const day of ['2023-03-09', '2023-03-10', '2024-01-15', '2025-01-20']) {
      await call(b, 'entries.create', { trackId: track.id, performedOn: day, procedureName: 'Routine Head' });
    }
    // Assigned today with no application date: the window froze at 2023-03-10 .. 2025-03-10.
    const locked = await call(b, 'tracks.update', { id: track.id, discipline: 'CT', name: 'CT', startDate: '2023-01-02', examWindowAssignedOn: '2025-03-10' });
    expect(locked.windowLockedOn).toBe('2025-03-10');
    let d = await call(b, 'dashboard.get', { trackId: track.id });
    expect(d.overall.counted).toBe(3);
    expect(d.notCounting).toMatchObject([{ reason: 'expired', count: 1 }]);
    expect(d.window).toMatchObject({ lockedOn: '2025-03-10', start: '2023-03-10' });
    expect(d.window.text).toMatch(/froze at 2025-03-10/);
    b.close();

    // Two years later: without the lock three of the four would have expired; with it, still 3 count.
    b = backendOn(dir, '2027-03-10');
    // Editing the planned application date afterwards does not move the stored lock.
    const edited = await call(b, 'tracks.update', {
      id: track.id, discipline: 'CT', name: 'CT', startDate: '2023-01-02', examWindowAssignedOn: '2025-03-10', plannedApplicationDate: '2027-06-01',
    });
    expect(edited.windowLockedOn).toBe('2025-03-10');
    d = await call(b, 'dashboard.get', { trackId: track.id });
    expect(d.overall.counted).toBe(3);
    expect(d.expiringSoon).toEqual({ within30: 0, within60: 0, within90: 0 });
    const p = await call(b, 'progress.evaluate', { trackId: track.id, verdicts: 'all' });
    expect(p.evaluation!.entries.filter((v) => !v.counts).map((v) => v.reason)).toEqual(['expired']);

    // Clearing the exam window unlocks: the window runs from the planned application date again.
    const cleared = await call(b, 'tracks.update', { id: track.id, discipline: 'CT', name: 'CT', startDate: '2023-01-02', plannedApplicationDate: '2027-06-01' });
    expect(cleared.windowLockedOn).toBeNull();
    d = await call(b, 'dashboard.get', { trackId: track.id });
    expect(d.overall.counted).toBe(0); // every entry is older than 2025-06-01
    b.close();
  });

  it('freezes at the application date when it is on or before the assignment', async () => {
    const b = backendOn(tempDir(), '2025-03-10');
    const track = await call(b, 'tracks.create', {
      discipline: 'CT', startDate: '2023-01-02', plannedApplicationDate: '2025-01-20', examWindowAssignedOn: '2025-03-01',
    });
    expect(track.windowLockedOn).toBe('2025-01-20');
    b.close();
  });
});

describe('the Log judges entries without a track picked', () => {
  it('filters "does not count" over every track, each by its own catalog, and says why per row', async () => {
    const b = backendOn(tempDir(), '2026-11-24');
    const ct = await call(b, 'tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
    const mr = await call(b, 'tracks.create', { discipline: 'MR', startDate: '2026-01-05' });
    // CT accepts 9 a day, MR 7: the tenth CT entry and the eighth MR entry of a day do not count.
    for (let i = 0; i < 10; i++) await call(b, 'entries.create', { trackId: ct.id, performedOn: '2026-11-20', performedAt: `${String(8 + i).padStart(2, '0')}:00`, procedureName: 'Routine Head' });
    for (let i = 0; i < 8; i++) await call(b, 'entries.create', { trackId: mr.id, performedOn: '2026-11-20', performedAt: `${String(8 + i).padStart(2, '0')}:00`, procedureName: 'Brain' });
    const not = await call(b, 'entries.list', { counting: 'not-counting' });
    expect(not.total).toBe(2);
    expect(not.rows.map((r) => [r.trackId, r.performedAt]).sort()).toEqual([[ct.id, '17:00'], [mr.id, '15:00']].sort());
    expect(Object.values(not.judgements).map((j) => j.text).sort()).toEqual([
      'Over the daily limit of 7 entries: keep it, but it cannot be reported for this day.',
      'Over the daily limit of 9 entries: keep it, but it cannot be reported for this day.',
    ]);
    expect((await call(b, 'entries.list', { counting: 'counts' })).total).toBe(16);
    b.close();
  });
});
