import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRotations, type PlannerSite } from '../../../../shared/planning/planner';
import { restConflict, sessionWindow, shiftCodeOn, shiftOn, shiftsBetween, type Roster, type ShiftDefinition } from '../../../../shared/planning/roster';
import { addIsoDays, rotatingPattern } from '../../../../shared/planning/schedule';
import { instantToLocal, localToInstant, offsetMinutes } from '../../../../shared/planning/zone';

const CHICAGO = 'America/Chicago';
const H = 3600000;
const defs: ShiftDefinition[] = [
  { code: 'D', label: 'Day', start: '07:00', end: '19:00', kind: 'work' },
  { code: 'N', label: 'Night', start: '19:00', end: '07:00', kind: 'work' },
  { code: 'E', label: 'Evening', start: '15:00', end: '23:00', kind: 'work' },
  { code: 'OC', label: 'On call', start: '17:00', end: '07:00', kind: 'on-call' },
];

// 3 nights on, 4 off, starting Friday 2026-0306: nights on Mar 6, 7, 8 (the US DST change is Sunday
// Mar 8 at 02:00), then Mar 13, 14, 15 ...
const nights: Roster = { definitions: defs, pattern: rotatingPattern(3, 4, '2026-03-06', 'N'), changes: [] };

describe('zone arithmetic', () => {
  it('knows Chicago is UTC-6 before and UTC-5 after 2026-03-08 02:00', () => {
    expect(offsetMinutes(CHICAGO, Date.UTC(2026, 2, 8, 7, 59))).toBe(-360);
    expect(offsetMinutes(CHICAGO, Date.UTC(2026, 2, 8, 8, 0))).toBe(-300);
    expect(new Date(localToInstant('2026-03-08', 7 * 60, CHICAGO)).toISOString()).toBe('2026-03-08T12:00:00.000Z');
    expect(new Date(localToInstant('2026-03-07', 7 * 60, CHICAGO)).toISOString()).toBe('2026-03-07T13:00:00.000Z');
    // 02:30 does not exist that night: it lands after the gap.
    expect(instantToLocal(localToInstant('2026-03-08', 150, CHICAGO), CHICAGO)).toEqual({ date: '2026-03-08', minutes: 210 });
  });
});

describe('a night-shift roster over a DST change', () => {
  it('lays 3 nights on / 4 off and makes the change night 11 h and the fall-back night 13 h', () => {
    expect(shiftsBetween(nights, '2026-03-05', '2026-03-14', CHICAGO).map((s) => s.date)).toEqual([
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-13',
      '2026-03-14',
    ]);
    const change = shiftOn(nights, '2026-03-07', CHICAGO)!;
    expect(change.overnight).toBe(true);
    expect((change.endMs - change.startMs) / H).toBe(11);
    const normal = shiftOn(nights, '2026-03-06', CHICAGO)!;
    expect((normal.endMs - normal.startMs) / H).toBe(12);
    const fallBack: Roster = { ...nights, pattern: { kind: 'sequence', anchor: '2026-10-31', codes: ['N', 'O'] } };
    const long = shiftOn(fallBack, '2026-10-31', CHICAGO)!;
    expect((long.endMs - long.startMs) / H).toBe(13);
  });

  it('keeps the rest rule in real hours across the change', () => {
    // An evening shift ends Sat Mar 7 at 23:00 CST; 10 h later it is 10:00 CDT on Sunday, not 09:00.
    const evening: Roster = { definitions: defs, pattern: { kind: 'sequence', anchor: '2026-03-07', codes: ['E', 'O', 'O', 'O', 'O', 'O', 'O'] }, changes: [] };
    const w = sessionWindow({ roster: evening, zone: CHICAGO, date: '2026-03-08', minutes: 480, limits: { restHours: 10, travelMinutes: 0 }, preferredStart: '09:00' });
    expect(w).toMatchObject({ ok: true, start: '10:00', end: '18:00' });
    // In a zone without DST the same roster allows 09:00.
    const utc = sessionWindow({ roster: evening, zone: 'UTC', date: '2026-03-08', minutes: 480, limits: { restHours: 10, travelMinutes: 0 }, preferredStart: '09:00' });
    expect(utc).toMatchObject({ ok: true, start: '09:00' });
  });

  it('refuses the morning after a night and explains it in the user\'s terms', () => {
    const w = sessionWindow({ roster: nights, zone: CHICAGO, date: '2026-03-09', minutes: 480, limits: { restHours: 10, travelMinutes: 30 } });
    expect(w.ok).toBe(false);
    const plan = planRotations({
      pattern: nights.pattern,
      definitions: defs,
      timeZone: CHICAGO,
      restHours: 10,
      timeOff: [],
      sessions: [],
      sites: [{ id: 1, name: 'Mercy', travelMinutesOneWay: 30, procedures: ['head'], yieldPerDay: 4 }],
      remaining: { head: 8 },
      defaultYieldPerDay: 4,
      dailyCap: 10,
      maxTravelMinutesPerDay: 120,
      from: '2026-03-08',
      target: '2026-04-30',
    });
    // Sunday Mar 8: a night ends at 07:00 and another starts at 19:00; Monday: the last night ends at 07:00.
    expect(plan.unusableDays.map((u) => u.text).slice(0, 2)).toEqual([
      'Sun 8 Mar: you finish a night at 07:00 and start a night at 19:00; with 10 h rest and 30 min travel each way, no 8 h session fits',
      'Mon 9 Mar: you finish a night at 07:00; with 10 h rest and 30 min travel each way, no 8 h session fits',
    ]);
    expect(plan.sessions.map((s) => [s.date, s.start, s.end])).toEqual([
      ['2026-03-10', '08:00', '16:00'],
      ['2026-03-11', '08:00', '16:00'],
    ]);
  });

  it('applies one-off changes: a swap, an extra shift and a day off', () => {
    const changed: Roster = {
      ...nights,
      changes: [
        { date: '2026-03-06', code: null },
        { date: '2026-03-10', code: 'D' },
      ],
    };
    expect(shiftCodeOn(changed, '2026-03-06')).toBeNull();
    expect(shiftCodeOn(changed, '2026-03-07')).toBe('N');
    expect(shiftCodeOn(changed, '2026-03-10')).toBe('D');
  });
});

describe('the planner never proposes a session inside a rest period', () => {
  const code = fc.constantFrom('D', 'N', 'E', 'OC', 'O', 'O');
  it('holds for random rosters, rest hours, travel and zones', () => {
    fc.assert(
      fc.property(
        fc.array(code, { minLength: 2, maxLength: 14 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 6, max: 14 }),
        fc.integer({ min: 0, max: 90 }),
        fc.constantFrom(4, 6, 8, 10),
        fc.constantFrom('America/Chicago', 'Europe/London', 'UTC', 'Australia/Sydney'),
        fc.constantFrom('2026-03-01', '2026-10-20', '2026-03-25'),
        (codes, anchorOffset, restHours, travel, shiftHours, zone, from) => {
          const roster: Roster = { definitions: defs, pattern: { kind: 'sequence', anchor: addIsoDays(from, -anchorOffset), codes }, changes: [] };
          const site: PlannerSite = { id: 1, name: 'S', travelMinutesOneWay: travel, procedures: ['a'], yieldPerDay: 2 };
          const plan = planRotations({
            pattern: roster.pattern,
            definitions: defs,
            timeZone: zone,
            restHours,
            timeOff: [],
            sessions: [],
            sites: [site],
            remaining: { a: 16 },
            defaultYieldPerDay: 2,
            dailyCap: 10,
            maxTravelMinutesPerDay: 240,
            shiftHours,
            maxDayHours: 24,
            maxRotationDaysPerWeek: 3,
            from,
            target: addIsoDays(from, 40),
            horizonDays: 60,
          });
          const shifts = shiftsBetween(roster, addIsoDays(from, -3), addIsoDays(from, 110), zone);
          for (const s of plan.sessions) {
            const startMs = localToInstant(s.date, Number(s.start.slice(0, 2)) * 60 + Number(s.start.slice(3)), zone);
            const endMs = startMs + s.hours * H;
            for (const shift of shifts) {
              const rest = shift.kind === 'work' ? restHours * H : 0;
              const leave = startMs - travel * 60000;
              const back = endMs + travel * 60000;
              const ok = back <= shift.startMs - rest || leave >= shift.endMs + rest;
              if (!ok) throw new Error(`${s.date} ${s.start} touches ${shift.date} ${shift.code}`);
            }
            expect(restConflict(shifts, startMs, endMs, { restHours, travelMinutes: travel })).toBeNull();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
