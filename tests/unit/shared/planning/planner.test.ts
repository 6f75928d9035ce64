import { describe, expect, it } from 'vitest';
import { planRotations, siteTravelCheck, type PlanInput, type PlannerSite } from '../../../../shared/planning/planner';
import { freeDays, isTimeOff, isWorkDay, rotatingPattern } from '../../../../shared/planning/schedule';

// Job: 3 on / 4 off from Monday 2026-03-02 -> off days Mar 5-8, 12-15, 19-22, 26-29.
// Time off Mar 12-15 (the whole second block). Weeks run Monday-Sunday, at most 2 rotation days each.
const pattern = rotatingPattern(3, 4, '2026-03-02');
const timeOff = [{ from: '2026-03-12', to: '2026-03-15' }];

const near: PlannerSite = { id: 1, name: 'Near Clinic', travelMinutesOneWay: 30, procedures: ['chest', 'head'], yieldPerDay: 4 };
const far: PlannerSite = {
  id: 2,
  name: 'Far Hospital',
  travelMinutesOneWay: 150,
  procedures: ['abdomen', 'chest', 'head'],
  yieldPerDay: 9,
};

const base: PlanInput = {
  pattern,
  timeOff,
  sessions: [],
  sites: [near, far],
  remaining: { head: 6, chest: 4 },
  defaultYieldPerDay: 3,
  dailyCap: 9,
  maxTravelMinutesPerDay: 180,
  from: '2026-03-02',
  target: '2026-03-31',
};

describe('planRotations', () => {
  it('proposes only free days, honours travel and reaches the target', () => {
    // Far Hospital: round trip 300 min > 180 -> excluded. Near Clinic gives 4 a day.
    // Week Mar 2-8: Mar 5 {head 3, chest 1} (need head 3, chest 3), Mar 6 {chest 2, head 2} (1 + 1 left);
    // the weekly limit of 2 skips Mar 7-8. Week Mar 9-15: every free day is time off.
    // Week Mar 16-22: Mar 19 {chest 1, head 1} -> done on 2026-03-19.
    const plan = planRotations(base);
    expect(plan.sessions.map((s) => [s.date, s.siteId, s.expected])).toEqual([
      ['2026-03-05', 1, { head: 3, chest: 1 }],
      ['2026-03-06', 1, { chest: 2, head: 2 }],
      ['2026-03-19', 1, { chest: 1, head: 1 }],
    ]);
    const free = new Set(freeDays(pattern, timeOff, base.from, base.target));
    for (const s of plan.sessions) {
      expect(free.has(s.date), s.date).toBe(true);
      expect(isWorkDay(pattern, s.date)).toBe(false);
      expect(isTimeOff(timeOff, s.date)).toBe(false);
    }
    expect(plan.excludedSites).toEqual([
      { siteId: 2, name: 'Far Hospital', reason: 'round trip of 300 min is over your limit of 180 min' },
    ]);
    expect(plan.outcome).toEqual({ kind: 'reaches-target', finish: '2026-03-19' });
    expect(plan.finish).toBe('2026-03-19');
    expect(plan.uncovered).toEqual({});
    expect(plan.message).toBe('Reaches the target: 3 rotation days on free days, done by 2026-03-19 (target 2026-03-31).');
  });

  it('says it cannot reach an earlier target and by how many rotation days', () => {
    const plan = planRotations({ ...base, target: '2026-03-10' });
    expect(plan.outcome).toEqual({ kind: 'misses-target', finish: '2026-03-19', extraDays: 1 });
    expect(plan.sessions.map((s) => s.afterTarget)).toEqual([false, false, true]);
    expect(plan.message).toBe(
      'Cannot reach the target by 2026-03-10: needs 1 more rotation day than your free days allow (at most 2 rotation days a week; 4 days of time off); this plan finishes on 2026-03-19.',
    );
  });

  it('says it cannot finish when no reachable site offers a procedure', () => {
    const plan = planRotations({ ...base, remaining: { head: 2, abdomen: 3 } });
    expect(plan.outcome).toEqual({ kind: 'cannot-finish', unsupplied: ['abdomen'] });
    expect(plan.finish).toBeNull();
    // The part that can be done is still planned.
    expect(plan.sessions.map((s) => [s.date, s.expected])).toEqual([['2026-03-05', { head: 2 }]]);
    expect(plan.uncovered).toEqual({ abdomen: 3 });
    // The headline names the real cause: the one site offering it is over the travel limit.
    expect(plan.message).toBe(
      'Cannot reach the target by 2026-03-31: Far Hospital offers abdomen but its round trip of 300 min is over your limit of 180 min.',
    );
  });

  it('names a missing travel time as the cause, not the sites', () => {
    const plan = planRotations({
      ...base,
      sites: [near],
      remaining: { head: 2, abdomen: 3 },
      skippedSites: [{ name: 'Lakeside', reason: 'no-travel', procedures: ['abdomen'] }],
    });
    expect(plan.message).toBe(
      'Cannot reach the target by 2026-03-31: Lakeside offers abdomen but has no travel time on the Sites page; add it so the planner can use the site.',
    );
    const none = planRotations({ ...base, sites: [near], remaining: { abdomen: 3 } });
    expect(none.message).toBe('Cannot reach the target by 2026-03-31: none of your sites offers abdomen.');
  });

  it('re-checks the expiry window on its own proposal and adds days for entries that would expire', () => {
    // Two head entries count only for applications up to Mar 10; the plan would finish on Mar 19.
    const expiring = [
      { key: 'head', validThrough: '2026-03-10' },
      { key: 'head', validThrough: '2026-03-10' },
      { key: 'chest', validThrough: '2027-01-01' },
    ];
    const plain = planRotations(base);
    const checked = planRotations({ ...base, expiring });
    expect(checked.expiryAdded).toBe(2);
    const expected = (p: typeof plain) => p.sessions.reduce((n, s) => n + s.expectedTotal, 0);
    expect(expected(checked)).toBe(expected(plain) + 2);
    expect(checked.message).toContain('re-doing 2 entries that would leave the window');
  });

  it('prefers the site that supplies most, then the shorter trip, once travel allows it', () => {
    // Limits raised: round trip 300 <= 300 and 300 + 480 = 780 min <= 14 h. Far gives 9 on Mar 5
    // (head 5, chest 4), then only head 1 is left: both sites supply 1, Near wins on travel.
    const plan = planRotations({ ...base, maxTravelMinutesPerDay: 300, maxDayHours: 14 });
    expect(plan.sessions.map((s) => [s.date, s.siteId, s.expected])).toEqual([
      ['2026-03-05', 2, { head: 5, chest: 4 }],
      ['2026-03-06', 1, { head: 1 }],
    ]);
    expect(plan.excludedSites).toEqual([]);
  });

  it('keeps existing planned sessions, their days and their place in the weekly limit', () => {
    // Planned Mar 5 at Near is expected to give {head 3, chest 1}, leaving head 3, chest 3.
    // Mar 6 {chest 2, head 2}; the planned session + Mar 6 fill the week, so Mar 7-8 are skipped;
    // Mar 9-15 is time off; Mar 19 {chest 1, head 1}.
    const plan = planRotations({
      ...base,
      sessions: [{ id: '9', date: '2026-03-05', siteId: 1, hours: 8, status: 'planned' }],
    });
    expect(plan.sessions.map((s) => [s.date, s.expected])).toEqual([
      ['2026-03-06', { chest: 2, head: 2 }],
      ['2026-03-19', { chest: 1, head: 1 }],
    ]);
    expect(plan.finish).toBe('2026-03-19');
  });

  it('only uses days the site is open and never expects more than the daily cap', () => {
    const saturdays: PlannerSite = { ...near, openWeekdays: [6], yieldPerDay: 20 };
    const plan = planRotations({ ...base, sites: [saturdays], remaining: { head: 12 } });
    // Saturdays off work and not on time off: Mar 7, Mar 21 (Mar 14 is time off). 9 then 3.
    expect(plan.sessions.map((s) => [s.date, s.expectedTotal])).toEqual([
      ['2026-03-07', 9],
      ['2026-03-21', 3],
    ]);
  });

  it('proposes nothing when the sessions already planned cover the need', () => {
    // Planned Mar 5 and Mar 6 at Near: 4 + 4 = 8 of 8 needed, met on Mar 6.
    const plan = planRotations({
      ...base,
      remaining: { head: 5, chest: 3 },
      sessions: [
        { id: '9', date: '2026-03-05', siteId: 1, hours: 8, status: 'planned' },
        { id: '10', date: '2026-03-06', siteId: 1, hours: 8, status: 'planned' },
        { id: '8', date: '2026-02-28', siteId: 1, hours: 8, status: 'done' },
      ],
    });
    expect(plan.sessions).toEqual([]);
    expect(plan.outcome).toEqual({ kind: 'reaches-target', finish: '2026-03-06' });
    expect(plan.message).toBe('Reaches the target: the sessions already planned cover the need by 2026-03-06 (target 2026-03-31).');
  });

  it("reports 'done' when nothing remains", () => {
    const plan = planRotations({ ...base, remaining: { head: 0 } });
    expect(plan.outcome).toEqual({ kind: 'done' });
    expect(plan.sessions).toEqual([]);
  });
});

describe('siteTravelCheck', () => {
  it('rejects a site whose round trip plus a shift makes the day too long', () => {
    // Round trip 200 min is within 240, but 200 + 8 h (480) = 680 min > 11 h (660).
    const site: PlannerSite = { id: 3, name: 'Mid', travelMinutesOneWay: 100, procedures: ['head'] };
    expect(siteTravelCheck(site, { maxTravelMinutesPerDay: 240, maxDayHours: 11 })).toBe(
      'round trip of 200 min plus a 8 h shift is over your 11 h day',
    );
    expect(siteTravelCheck(site, { maxTravelMinutesPerDay: 240 })).toBeNull(); // 680 <= 12 h default
    expect(siteTravelCheck(site, { maxTravelMinutesPerDay: 240, shiftHours: 10 })).not.toBeNull(); // 800 > 720
  });
});
