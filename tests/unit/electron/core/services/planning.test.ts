// planning.* on a real SQLite file with a fixed clock (today = Tuesday 2026-11-24).
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../../electron/core/audit';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import type { ChannelName } from '../../../../../shared/ipc/contract';
import { isoWeekday } from '../../../../../shared/planning/schedule';
import { seedProgressLog } from '../../../../helpers/progress-seed';
import { fixedClock, tempDir } from '../../../../helpers/tmp';
import { call } from '../../../../helpers/backend';

function backend(): Backend {
  return openBackend({ dataDir: tempDir(), host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T15:00:00Z') });
}

const THREE_ON_FOUR_OFF = { kind: 'cycle' as const, anchor: '2026-11-23', days: [true, true, true, false, false, false, false] };
const limits = { maxTravelMinutes: 120, shiftHours: 8, maxDayHours: 12, maxRotationDaysPerWeek: 2 };

describe('schedule, time off and sessions', () => {
  it('starts from Monday-Friday defaults, then keeps the saved rotating pattern', async () => {
    const b = backend();
    const before = await call(b, 'planning.get', undefined);
    expect(before.settings).toMatchObject({ pattern: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5] }, saved: false });
    await call(b, 'planning.saveSettings', { pattern: THREE_ON_FOUR_OFF, ...limits, targetDate: '2027-03-01' });
    const after = await call(b, 'planning.get', undefined);
    expect(after.settings).toEqual({
      pattern: { ...THREE_ON_FOUR_OFF, code: 'D' },
      ...limits,
      targetDate: '2027-03-01',
      restHours: 10,
      timeZone: null,
      preferredStart: '08:00',
      saved: true,
    });
    b.close();
  });

  it('refuses time off that ends before it starts, and a session at a site that does not exist', async () => {
    const b = backend();
    const bad = await b.dispatch('planning.addTimeOff', { from: '2026-12-24', to: '2026-12-20' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues?.[0]?.path).toBe('to');
    const noSite = await b.dispatch('planning.saveSession', { siteId: 9, date: '2026-12-01', hours: 8 });
    expect(noSite.ok).toBe(false);
    b.close();
  });

  it('adds, edits and removes sessions and time off, each change in the audit chain', async () => {
    const b = backend();
    const site = await call(b, 'sites.create', { name: 'Mercy General', travelMinutes: 25, status: 'active' });
    const off = await call(b, 'planning.addTimeOff', { from: '2026-12-24', to: '2026-12-26', note: 'Holidays' });
    const s = await call(b, 'planning.saveSession', { siteId: site.id, date: '2026-12-03', hours: 8, startTime: '07:00' });
    expect(s).toMatchObject({ siteName: 'Mercy General', status: 'planned', startTime: '07:00' });
    const done = await call(b, 'planning.saveSession', { id: s.id, siteId: site.id, date: '2026-12-03', hours: 9, status: 'done' });
    expect(done).toMatchObject({ id: s.id, hours: 9, status: 'done' });
    await call(b, 'planning.deleteTimeOff', { id: off.id });
    await call(b, 'planning.deleteSession', { id: s.id });
    const state = await call(b, 'planning.get', undefined);
    expect(state.timeOff).toEqual([]);
    expect(state.sessions).toEqual([]);
    const actions = b.db.prepare("SELECT entity, action FROM audit_log WHERE entity IN ('time_off', 'rotation_session') ORDER BY id").all();
    expect(actions).toEqual([
      { entity: 'time_off', action: 'create' },
      { entity: 'rotation_session', action: 'create' },
      { entity: 'rotation_session', action: 'update' },
      { entity: 'time_off', action: 'delete' },
      { entity: 'rotation_session', action: 'delete' },
    ]);
    expect(verifyAuditChain(b.db).breaks).toEqual([]);
    b.close();
  });
});

describe('the planner over the seeded log', () => {
  it('proposes only free days of a 3-on/4-off pattern, honours travel and time off, and says what it cannot cover', async () => {
    const b = backend();
    const { trackId } = await seedProgressLog((c, i) => b.dispatch(c as ChannelName, i) as never);
    await call(b, 'planning.saveSettings', { pattern: THREE_ON_FOUR_OFF, ...limits, targetDate: '2027-01-31' });
    // Away Thursday 3 - Friday 4 December: the planner must skip those free days.
    await call(b, 'planning.addTimeOff', { from: '2026-12-03', to: '2026-12-04' });
    const p = await call(b, 'planning.propose', { trackId });
    expect(p.refusal).toBeNull();
    const plan = p.plan!;
    // Still needed with a reachable source: CTA Chest (PE) 4 at Mercy (about 2 a day there), Cervical
    // Spine 3 at Valley (about 1 a day). Shifts are Mon-Wed, so Thu-Sun only, two a week.
    expect(plan.sessions.map((s) => [s.date, s.siteName, s.expected])).toEqual([
      ['2026-11-26', 'Mercy General', { 'CTA Chest (PE)': 2 }],
      ['2026-11-27', 'Mercy General', { 'CTA Chest (PE)': 2 }],
      ['2026-12-05', 'Valley Imaging', { 'Cervical Spine': 1 }],
      ['2026-12-06', 'Valley Imaging', { 'Cervical Spine': 1 }],
      ['2026-12-10', 'Valley Imaging', { 'Cervical Spine': 1 }],
    ]);
    for (const s of plan.sessions) expect([0, 4, 5, 6]).toContain(isoWeekday(s.date));
    // Lakeside (95 min each way) is over the 120-minute round trip; Northside has not agreed yet.
    expect(plan.excludedSites).toEqual([{ siteId: 3, name: 'Lakeside Regional', reason: 'round trip of 190 min is over your limit of 120 min' }]);
    expect(p.sitesNotAgreed).toEqual(['Northside Clinic']);
    expect(plan.outcome).toEqual({ kind: 'cannot-finish', unsupplied: ['Renal Stone Protocol', 'Soft Tissue Neck'] });
    expect(plan.message).toBe(
      'Cannot reach the target by 2027-01-31: Lakeside Regional offers Soft Tissue Neck but its round trip of 190 min is over your limit of 120 min; none of your sites offers Renal Stone Protocol.',
    );

    // Accept, then export: one all-day event per session, parsed back with ical.js.
    const accepted = await call(b, 'planning.accept', { sessions: plan.sessions.map((s) => ({ siteId: s.siteId, date: s.date })) });
    expect(accepted.map((s) => s.date)).toEqual(plan.sessions.map((s) => s.date));
    const ics = await call(b, 'planning.exportIcs', {});
    expect(ics.filename).toBe('radledger-rotations-2026-11-24.ics');
    expect(ics.events).toBe(5);
    const calendar = new ICAL.Component(ICAL.parse(ics.text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.startDate.toString(), e.summary, e.uid])).toEqual(
      accepted.map((s) => [s.date, `Rotation: ${s.siteName}`, `rotation-${s.id}@radledger.local`]),
    );
    expect(events[0]?.description).toContain('Travel about 25 min each way.');

    // The accepted days now occupy the calendar: proposing again only plans what is left.
    const again = await call(b, 'planning.propose', { trackId });
    expect(again.plan?.sessions).toEqual([]);
    b.close();
  });

  it('asks for a target date, and refuses to plan while the catalog has no numbers', async () => {
    const b = backend();
    const ct = await call(b, 'tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
    await call(b, 'catalogs.assign', { trackId: ct.id, catalog: { key: 'example-ct-like' } });
    expect((await call(b, 'planning.propose', { trackId: ct.id })).refusal).toMatch(/Set a target date/);
    const mr = await call(b, 'tracks.create', { discipline: 'MR', startDate: '2026-01-05' });
    expect((await call(b, 'planning.propose', { trackId: mr.id, target: '2027-06-01' })).refusal).toMatch(/does not say how many repetitions/);
    b.close();
  });
});

describe('roster with times, timed sessions and the calendar export', () => {
  const NIGHTS = { kind: 'cycle' as const, anchor: '2026-11-23', days: [true, true, true, false, false, false, false], code: 'N' };

  it('keeps the rest rule after nights, accepts timed sessions, and exports them with zone, address and stable UIDs', async () => {
    const b = backend();
    const { trackId } = await seedProgressLog((c, i) => b.dispatch(c as ChannelName, i) as never);
    // The address as the Sites page stores it.
    b.db.prepare("UPDATE sites SET location = '1200 Mercy Way, Springfield' WHERE name = 'Mercy General'").run();
    await call(b, 'planning.saveSettings', { pattern: NIGHTS, ...limits, targetDate: '2027-01-31', timeZone: 'America/Chicago' });
    const p = await call(b, 'planning.propose', { trackId });
    const plan = p.plan!;
    // Nights Mon-Wed end Thu 07:00: Thursday is lost to the rest rule, Friday is the first day.
    expect(plan.sessions[0]).toMatchObject({ date: '2026-11-27', start: '08:00', end: '16:00', hours: 8 });
    expect(plan.sessions.map((s) => isoWeekday(s.date))).not.toContain(4);
    expect(plan.unusableDays.find((u) => u.date === '2026-11-26')?.text).toBe(
      'Thu 26 Nov: you finish a night at 07:00; with 10 h rest and 25 min travel each way, no 8 h session fits',
    );

    const accepted = await call(b, 'planning.accept', {
      sessions: plan.sessions.map((s) => ({ siteId: s.siteId, date: s.date, startTime: s.start, hours: s.hours })),
    });
    expect(accepted[0]).toMatchObject({ date: '2026-11-27', startTime: '08:00', hours: 8 });

    const first = await call(b, 'planning.exportIcs', { includeShifts: true });
    const second = await call(b, 'planning.exportIcs', { includeShifts: true });
    const parse = (text: string) => {
      const cal = new ICAL.Component(ICAL.parse(text));
      for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
      return cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    };
    const a = parse(first.text);
    const c = parse(second.text);
    expect(a.map((e) => e.uid)).toEqual(c.map((e) => e.uid));
    const session = a.find((e) => e.uid === `rotation-${accepted[0]!.id}@radledger.local`)!;
    expect(session.startDate.toString()).toBe('2026-11-27T08:00:00');
    expect(session.startDate.toJSDate().toISOString()).toBe('2026-11-27T14:00:00.000Z'); // CST
    expect(session.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('America/Chicago');
    expect(session.location).toBe('Mercy General, 1200 Mercy Way, Springfield');
    const night = a.find((e) => e.uid === 'shift-2026-11-24-N@radledger.local')!;
    expect([night.startDate.toString(), night.endDate.toString()]).toEqual(['2026-11-24T19:00:00', '2026-11-25T07:00:00']);
    expect(first.text).toContain('BEGIN:VTIMEZONE');
    b.close();
  });

  it('edits shift definitions and one-off changes, each in the audit chain, and refuses codes nobody defined', async () => {
    const b = backend();
    const bad = await b.dispatch('planning.saveSettings', {
      pattern: { kind: 'sequence', anchor: '2026-11-23', codes: ['D', 'D', 'X', 'O'] },
      ...limits,
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues?.[0]?.path).toBe('pattern.codes');
    await call(b, 'planning.saveSettings', { pattern: { kind: 'sequence', anchor: '2026-11-23', codes: ['D', 'D', 'N', 'N', 'O', 'O', 'O', 'O'] }, ...limits });
    const defs = await call(b, 'planning.saveDefinitions', {
      definitions: [
        { code: 'D', label: 'Day', start: '07:00', end: '19:00', kind: 'work' },
        { code: 'N', label: 'Night', start: '19:00', end: '07:30', kind: 'work' },
        { code: 'OC', label: 'On call', start: '17:00', end: '07:00', kind: 'on-call' },
      ],
    });
    expect(defs.map((d) => d.code)).toEqual(['D', 'N', 'OC']);
    // The pattern still uses N: removing it is refused.
    const refused = await b.dispatch('planning.saveDefinitions', { definitions: [{ code: 'D', label: 'Day', start: '07:00', end: '19:00' }] });
    expect(refused.ok).toBe(false);
    await call(b, 'planning.saveChange', { date: '2026-11-28', code: 'OC', note: 'covering for Sam' });
    await call(b, 'planning.saveChange', { date: '2026-11-23', code: null });
    const state = await call(b, 'planning.get', undefined);
    expect(state.changes).toEqual([
      { date: '2026-11-23', code: null, note: '' },
      { date: '2026-11-28', code: 'OC', note: 'covering for Sam' },
    ]);
    await call(b, 'planning.deleteChange', { date: '2026-11-23' });
    const actions = b.db.prepare("SELECT entity, action FROM audit_log WHERE entity IN ('shift_definitions', 'roster_change') ORDER BY id").all();
    expect(actions).toEqual([
      { entity: 'shift_definitions', action: 'update' },
      { entity: 'roster_change', action: 'create' },
      { entity: 'roster_change', action: 'create' },
      { entity: 'roster_change', action: 'delete' },
    ]);
    expect(verifyAuditChain(b.db).breaks).toEqual([]);
    b.close();
  });
});
