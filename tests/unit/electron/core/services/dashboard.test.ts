// dashboard.get / dashboard.today on a real SQLite file with a fixed clock (today = 2026-11-24) and
// the seeded example-catalog log of tests/helpers/progress-seed.ts. Expected numbers are worked out
// by hand from the seed (see the comments there and below).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import type { ChannelName } from '../../../../../shared/ipc/contract';
import { seedProgressLog } from '../../../../helpers/progress-seed';
import { fixedClock, tempDir } from '../../../../helpers/tmp';
import { call } from '../../../../helpers/backend';

function backend(now = '2026-11-24T15:00:00Z'): Backend {
  return openBackend({ dataDir: tempDir(), host: 'preview', appVersion: 't', now: fixedClock(now) });
}

async function seeded() {
  const b = backend();
  const { trackId } = await seedProgressLog((c, i) => b.dispatch(c as ChannelName, i) as never);
  return { b, trackId };
}

// The read-only tests share one seeded file (seeding 294 entries through the services takes seconds).
let shared: { b: Backend; trackId: number };
let sharedDir: string;
beforeAll(async () => {
  sharedDir = mkdtempSync(path.join(os.tmpdir(), 'radledger-test-'));
  const b = openBackend({ dataDir: sharedDir, host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T15:00:00Z') });
  const { trackId } = await seedProgressLog((c, i) => b.dispatch(c as ChannelName, i) as never);
  shared = { b, trackId };
});
afterAll(() => {
  shared.b.close();
  rmSync(sharedDir, { recursive: true, force: true });
});

describe('dashboard.get', () => {
  it('sums what counts toward each category, not the surplus', async () => {
    const { b, trackId } = shared;
    const d = await call(b, 'dashboard.get', { trackId, paceWindowWeeks: 8 });
    expect(d.catalog).toMatchObject({ key: 'example-ct-like', numbersKnown: true, resolvedFrom: 'track', label: 'Example — not ARRT requirements' });
    // Head: Routine Head 15 + Sinuses 5 + the chosen electives Temporal Bones 3 and Orbits 3 = 26, all met
    // (97 Routine Head logged: 90 in 2026 and 7 early ones).
    const byName = Object.fromEntries(d.categories.map((c) => [c.name, `${c.credited}/${c.required}`]));
    expect(byName).toEqual({
      Head: '26/26',
      'Neck and Spine': '7/15', // Soft Tissue Neck 0/5, Cervical Spine 2/5, Lumbar Spine (elective) 5/5
      Chest: '14/18', // Routine Chest 10/10, CTA Chest (PE) 1/5, HRCT Lungs 3/3
      'Abdomen and Pelvis': '15/20', // Abdomen/Pelvis 15/15, Renal Stone 0/5
      Musculoskeletal: '3/3', // Upper Extremity
      'Special Procedures and QC': '0/0', // no elective chosen there
    });
    // The example's total of 100 repetitions is larger than the 82 listed: required 100, 17 short
    // (5 + 3 + 4 + 5), so 83 % — the 294 counted entries do not make it 100 %.
    expect(d.overall).toMatchObject({ required: 100, remaining: 17, credited: 83, percent: 83, counted: 294, performed: 294, complete: false, mandatoryMet: false });
    expect(d.electiveRules).toEqual([{ scope: 'overall', required: 5, completed: 5, remaining: 0, available: 12 }]);
    expect(d.electives.filter((e) => e.chosen).map((e) => e.name)).toEqual(['Temporal Bones', 'Orbits', 'Lumbar Spine', 'HRCT Lungs', 'Upper Extremity']);
    expect(d.mandatory.filter((m) => !m.met).map((m) => `${m.name} ${m.counted}/${m.required}`)).toEqual([
      'Soft Tissue Neck 0/5',
      'Cervical Spine 2/5',
      'CTA Chest (PE) 1/5',
      'Renal Stone Protocol 0/5',
    ]);
  });

  it('orders what is missing by how hard it is to get, with the sites that supplied or offer it', async () => {
    const { b, trackId } = shared;
    const d = await call(b, 'dashboard.get', { trackId, paceWindowWeeks: 8 });
    expect(d.missingSource).toBe('log-and-offered');
    expect(
      d.missing.map((m) => [m.text, m.difficulty, m.sites.map((s) => `${s.name}:${s.performed}${s.offered ? '+offers' : ''}`)]),
    ).toEqual([
      ['5 more Renal Stone Protocol (0 of 5)', 'hard', []],
      ['5 more Soft Tissue Neck (0 of 5)', 'medium', ['Lakeside Regional:0+offers']],
      ['4 more CTA Chest (PE) (1 of 5)', 'medium', ['Mercy General:1+offers']],
      ['3 more Cervical Spine (2 of 5)', 'easier', ['Valley Imaging:2', 'Northside Clinic:0+offers']],
    ]);
  });

  it('counts entries per week and the counted entries that leave the window in each coming month', async () => {
    const { b, trackId } = shared;
    const d = await call(b, 'dashboard.get', { trackId, paceWindowWeeks: 8 });
    // 104 weeks shown, the last one beginning Monday 2026-11-23; its Tuesday (today) has no entry yet.
    expect(d.weekly).toHaveLength(104);
    expect(d.weekly.at(-1)).toEqual({ weekStart: '2026-11-23', logged: 0, counted: 0 });
    expect(d.weekly.reduce((s, w) => s + w.logged, 0)).toBe(294);
    // Early entries: 6 in Dec 2024 (valid through Dec 2026), 4 in Jan 2025, 2 in Feb 2025.
    expect(d.expiry.slice(0, 4)).toEqual([
      { month: '2026-11', count: 0 },
      { month: '2026-12', count: 6 },
      { month: '2027-01', count: 4 },
      { month: '2027-02', count: 2 },
    ]);
    // Within 30 days (to 2026-12-24): the six performed 3-17 Dec 2024; 60 days adds 7, 14, 21 Jan; 90 adds 28 Jan, 4 and 11 Feb.
    expect(d.expiringSoon).toEqual({ within30: 6, within60: 9, within90: 12 });
  });

  it('forecasts from the chosen pace window; surplus entries that age out cost nothing', async () => {
    const { b, trackId } = shared;
    const d = await call(b, 'dashboard.get', { trackId, paceWindowWeeks: 8 });
    expect(d.forecast.status).toBe('projected');
    if (d.forecast.status !== 'projected') return;
    expect(d.forecast.remaining).toBe(17);
    expect(d.forecast.pace.windowWeeks).toBe(8);
    // The six December 2024 entries are Routine Head/Chest beyond the 15 and 10 required: they
    // age out before the finish, but the newer repetitions still fill both requirements.
    expect(d.forecast.expiry.expiring).toBe(0);
    expect(d.forecast.message).not.toContain('expire before you finish');
    expect(d.forecast.finish.likely).toBe('2026-12-15');
    const wide = await call(b, 'dashboard.get', { trackId, paceWindowWeeks: 26 });
    expect(wide.forecast.status === 'projected' && wide.forecast.pace.windowWeeks).toBe(26);
  });

  it('says so plainly when the catalog has no numbers, instead of showing progress', async () => {
    const b = backend();
    const track = await call(b, 'tracks.create', { discipline: 'MR', startDate: '2026-01-05' });
    await call(b, 'entries.create', { trackId: track.id, performedOn: '2026-11-20', procedureName: 'MRI Brain' });
    const d = await call(b, 'dashboard.get', { trackId: track.id, paceWindowWeeks: 8 });
    expect(d.catalog.numbersKnown).toBe(false);
    expect(d.catalog.proceduresStatus).toBe('unknown');
    expect(d.overall.percent).toBeNull();
    expect(d.forecast.status).toBe('unknown-numbers');
    expect(d.missing[0]?.kind).toBe('catalog');
    b.close();
  });

  it('warns when entries that fill a requirement age out before the finish', async () => {
    const b = backend();
    const track = await call(b, 'tracks.create', { discipline: 'CT', startDate: '2024-11-04' });
    await call(b, 'catalogs.assign', { trackId: track.id, catalog: { key: 'example-ct-like' } });
    // Three Temporal Bones (elective, 3 required) in December 2024: nothing newer replaces them.
    for (const day of ['2024-12-03', '2024-12-10', '2024-12-17']) {
      await call(b, 'entries.create', { trackId: track.id, performedOn: day, procedureName: 'Temporal Bones' });
    }
    // A steady recent pace of Routine Head, two a week for eight weeks (16 entries, 15 required).
    for (let w = 0; w < 8; w++) {
      for (const offset of [0, 3]) {
        const d = new Date(Date.UTC(2026, 9, 1 + w * 7 + offset)).toISOString().slice(0, 10);
        await call(b, 'entries.create', { trackId: track.id, performedOn: d, procedureName: 'Routine Head' });
      }
    }
    const d = await call(b, 'dashboard.get', { trackId: track.id, paceWindowWeeks: 8 });
    expect(d.forecast.status).toBe('projected');
    if (d.forecast.status !== 'projected') return;
    // Finishing the other requirements takes months, so the application date is well after
    // 2026-12-17 and all three Temporal Bones age out: they must be done again.
    expect(d.forecast.expiry.byMonth).toEqual([{ month: '2024-12', count: 3 }]);
    expect(d.forecast.message).toContain('3 entries from December 2024 expire before you finish');
    b.close();
  });

  it('is honest when there is too little history to forecast', async () => {
    const b = backend();
    const track = await call(b, 'tracks.create', { discipline: 'CT', startDate: '2026-11-10' });
    await call(b, 'catalogs.assign', { trackId: track.id, catalog: { key: 'example-ct-like' } });
    await call(b, 'entries.create', { trackId: track.id, performedOn: '2026-11-20', procedureName: 'Routine Head' });
    const d = await call(b, 'dashboard.get', { trackId: track.id, paceWindowWeeks: 8 });
    expect(d.forecast.status).toBe('insufficient-data');
    expect(d.forecast.message).toContain('Not enough history yet');
    b.close();
  });

  it('reflects a new entry at once (the cached evaluation is dropped on any write)', async () => {
    const { b, trackId } = await seeded();
    const first = await call(b, 'dashboard.get', { trackId, paceWindowWeeks: 8 });
    const again = await call(b, 'dashboard.get', { trackId, paceWindowWeeks: 8 });
    expect(again.overall).toEqual(first.overall);
    await call(b, 'entries.create', { trackId, performedOn: '2026-11-24', procedureName: 'Renal Stone Protocol', siteName: 'Mercy General' });
    const after = await call(b, 'dashboard.get', { trackId, paceWindowWeeks: 8 });
    expect(after.overall.remaining).toBe(16);
    expect(after.missing[0]?.text).toBe('5 more Soft Tissue Neck (0 of 5)');
    b.close();
  });
});

describe('dashboard.today', () => {
  it('lists the rotation planned today, the next one, and entries about to expire', async () => {
    const { b } = await seeded();
    await call(b, 'planning.saveSession', { siteId: 1, date: '2026-11-24', hours: 8, startTime: '07:00' });
    await call(b, 'planning.saveSession', { siteId: 2, date: '2026-11-28', hours: 6 });
    const t = await call(b, 'dashboard.today', undefined);
    expect(t.today).toBe('2026-11-24');
    expect(t.rotations).toEqual([{ id: 1, siteName: 'Mercy General', startTime: '07:00', hours: 8, status: 'planned', notes: '' }]);
    expect(t.nextRotation).toMatchObject({ date: '2026-11-28', siteName: 'Valley Imaging' });
    expect(t.expiring).toEqual([{ trackId: 1, trackName: 'Computed Tomography', within30: 6, within60: 9, within90: 12, firstDate: '2026-12-03' }]);
    b.close();
  });
});
