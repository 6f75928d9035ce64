import { describe, expect, it } from 'vitest';
import { expiryCutoff, finishEstimate, forecast, type ForecastInput } from '../../../../shared/planning/forecast';
import { addIsoDays } from '../../../../shared/planning/schedule';

// All cases use today = 2026-03-01 (a Sunday). With the default 8-week window the pace blocks are the
// 7-day spans ending today: block 0 = 2026-02-23..2026-03-01, block 7 = 2026-01-05..2026-01-11.
const TODAY = '2026-03-01';

/** `perWeek[i]` entries on the first day of the i-th oldest of the last `perWeek.length` 7-day blocks. */
function weeks(perWeek: number[]): string[] {
  const dates: string[] = [];
  perWeek.forEach((count, i) => {
    const blockStart = addIsoDays(TODAY, -7 * (perWeek.length - i) + 1);
    for (let k = 0; k < count; k++) dates.push(blockStart);
  });
  return dates;
}

function repeat(date: string, n: number): string[] {
  return Array<string>(n).fill(date);
}

const steady = weeks([5, 5, 5, 5, 5, 5, 5, 5]); // 40 entries, first on 2026-01-05

describe('forecast: honest when it cannot say anything', () => {
  it("says 'done' when nothing remains, whatever the history", () => {
    expect(forecast({ entryDates: [], remaining: 0, today: TODAY }).status).toBe('done');
    expect(forecast({ entryDates: steady, remaining: { a: 0, b: -2 }, today: TODAY }).status).toBe('done');
  });

  it('refuses with less than 3 full weeks of history', () => {
    // First entry 2026-02-14: 16 days including today = 2 whole weeks < 3.
    const f = forecast({ entryDates: repeat('2026-02-14', 30), remaining: 20, today: TODAY });
    expect(f.status).toBe('insufficient-data');
    if (f.status !== 'insufficient-data') return;
    expect(f.historyWeeks).toBe(2);
    expect(f.message).toContain('16 days');
    expect(f.message).toContain('3 full weeks');
  });

  it('refuses with no entries at all', () => {
    const f = forecast({ entryDates: [], remaining: 20, today: TODAY });
    expect(f.status).toBe('insufficient-data');
  });

  it('refuses with fewer than 5 counted entries in the window', () => {
    // History from the track start 10 weeks ago, but only 4 entries in the last 8 weeks.
    const f = forecast({
      entryDates: ['2026-02-02', '2026-02-03', '2026-02-10', '2026-02-24'],
      remaining: 20,
      today: TODAY,
      historyStart: '2025-12-21',
    });
    expect(f.status).toBe('insufficient-data');
    if (f.status !== 'insufficient-data') return;
    expect(f.entriesInWindow).toBe(4);
    expect(f.message).toBe('Only 4 counted entries in the last 8 weeks; a forecast needs at least 5.');
  });

  it("says 'no-pace' when the history is long but the window is empty", () => {
    const f = forecast({ entryDates: repeat('2025-10-01', 30), remaining: 20, today: TODAY });
    expect(f.status).toBe('no-pace');
    if (f.status !== 'no-pace') return;
    expect(f.pace.weeklyCounts).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(f.message).toContain('last 8 weeks');
  });
});

describe('forecast: pace and range', () => {
  it('projects a steady pace with a zero-width range', () => {
    // 40 entries over 8 weeks = 5/week; 40 remaining = 8 weeks = 56 days -> 2026-04-26.
    const f = forecast({ entryDates: steady, remaining: 40, today: TODAY });
    expect(f.status).toBe('projected');
    if (f.status !== 'projected') return;
    expect(f.pace.weeklyCounts).toEqual([5, 5, 5, 5, 5, 5, 5, 5]);
    expect(f.pace.perWeek).toBe(5);
    expect(f.finish).toEqual({ optimistic: '2026-04-26', likely: '2026-04-26', pessimistic: '2026-04-26' });
    expect(f.expiry.expiring).toBe(0);
    expect(f.expiry.message).toBeNull();
    expect(f.message).toBe(
      'At about 5.0 counted entries a week (last 8 weeks), the remaining 40 should be done around 2026-04-26 (between 2026-04-26 and 2026-04-26).',
    );
  });

  it('sums per-procedure remaining counts and ignores negative ones', () => {
    const f = forecast({ entryDates: steady, remaining: { head: 30, chest: 10, spine: -3 }, today: TODAY });
    expect(f.status === 'projected' && f.remaining).toBe(40);
    expect(f.status === 'projected' && f.finish.likely).toBe('2026-04-26');
  });

  it('widens the range when weeks are uneven (mean +/- one standard error)', () => {
    // Weeks 2,8,2,8,2,8,2,8: mean 5; deviations all +/-3, sample variance 8*9/7 = 72/7,
    // sd = 3.2071, standard error = sd/sqrt(8) = 1.1339 -> pace 3.8661 .. 6.1339.
    // Optimistic: 40/6.1339 weeks = 45.65 days -> 46 -> 2026-04-16.
    // Pessimistic: 40/3.8661 weeks = 72.42 days -> 73 -> 2026-05-13.
    const f = forecast({ entryDates: weeks([2, 8, 2, 8, 2, 8, 2, 8]), remaining: 40, today: TODAY });
    expect(f.status).toBe('projected');
    if (f.status !== 'projected') return;
    expect(f.pace.low).toBeCloseTo(3.8661, 3);
    expect(f.pace.high).toBeCloseTo(6.1339, 3);
    expect(f.finish).toEqual({ optimistic: '2026-04-16', likely: '2026-04-26', pessimistic: '2026-05-13' });
  });

  it('gives no latest date when the slow end of the range is not a pace', () => {
    // Track started 2026-01-05 (8 weeks), all 40 entries in the last week: weeks 0,0,0,0,0,0,0,40.
    // Mean 5, sample sd = sqrt((7*25 + 35^2)/7) = sqrt(200) = 14.14, se = 14.14/sqrt(8) = 5 -> low 0.
    const f = forecast({
      entryDates: weeks([0, 0, 0, 0, 0, 0, 0, 40]),
      remaining: 40,
      today: TODAY,
      historyStart: '2026-01-05',
    });
    expect(f.status).toBe('projected');
    if (f.status !== 'projected') return;
    expect(f.pace.low).toBe(0);
    expect(f.finish.pessimistic).toBeNull();
    // High pace 10/week: 40 entries = 28 days -> 2026-03-29.
    expect(f.finish.optimistic).toBe('2026-03-29');
    expect(f.message).toContain('no earlier than 2026-03-29');
  });

  it('uses the user-chosen window, shortened to the history there is', () => {
    // 4-week window: 20 entries / 4 = 5/week again.
    const four = forecast({ entryDates: steady, remaining: 40, today: TODAY, paceWindowWeeks: 4 });
    expect(four.status === 'projected' && four.pace.windowWeeks).toBe(4);
    // A 12-week window over 8 weeks of history uses those 8 weeks, not 12 (which would dilute the pace).
    const twelve = forecast({ entryDates: steady, remaining: 40, today: TODAY, paceWindowWeeks: 12 });
    expect(twelve.status === 'projected' && twelve.pace).toMatchObject({ requestedWindowWeeks: 12, windowWeeks: 8, perWeek: 5 });
  });
});

describe('forecast: expiry risk', () => {
  // Recent pace 5/week (40 entries in 2026) plus older counted entries:
  //   14 on 2024-03-10, 6 on 2024-05-10, 10 on 2024-06-15. 40 remaining.
  const entryDates = [...steady, ...repeat('2024-03-10', 14), ...repeat('2024-05-10', 6), ...repeat('2024-06-15', 10)];
  const base: ForecastInput = { entryDates, remaining: 40, today: TODAY };

  it('moves the finish later until no more entries expire (fixed point)', () => {
    // Pass 0: 40 at 5/week = 56 days -> 2026-04-26; cutoff 2024-04-26: the 14 March 2024 entries expire.
    // Pass 1: 54 at 5/week = 75.6 -> 76 days -> 2026-05-16; cutoff 2024-05-16: the 6 from May 2024 too.
    // Pass 2: 60 at 5/week = 84 days -> 2026-05-24; cutoff 2024-05-24: still 20. Fixed point.
    // 2026-04-26 -> 2026-05-24 is 28 days = 4 more weeks. The June 2024 entries stay valid.
    const f = forecast(base);
    expect(f.status).toBe('projected');
    if (f.status !== 'projected') return;
    expect(f.finish.likely).toBe('2026-05-24');
    expect(f.expiry).toMatchObject({
      locked: false,
      windowMonths: 24,
      applicationDate: '2026-05-24',
      expiring: 20,
      byMonth: [
        { month: '2024-03', count: 14 },
        { month: '2024-05', count: 6 },
      ],
      finishWithoutExpiry: '2026-04-26',
      extraWeeks: 4,
      outrunsWindow: false,
      converged: true,
    });
    expect(f.expiry.message).toBe(
      'At this pace, 20 entries from March 2024 to May 2024 expire before you finish; you need 4 more weeks to redo them.',
    );
    expect(f.message).toContain(f.expiry.message as string);
  });

  it('names one month when only one month expires', () => {
    // Without the May 2024 entries: 14 expire, 54 at 5/week -> 76 days -> 2026-05-16, 20 days = 3 weeks.
    const f = forecast({ ...base, entryDates: [...steady, ...repeat('2024-03-10', 14), ...repeat('2024-06-15', 10)] });
    expect(f.status === 'projected' && f.expiry.message).toBe(
      'At this pace, 14 entries from March 2024 expire before you finish; you need 3 more weeks to redo them.',
    );
  });

  it('counts back from a planned application date later than the finish', () => {
    // Application 2026-07-01 -> cutoff 2024-07-01: all 30 old entries expire.
    // 70 at 5/week = 98 days -> 2026-06-07, still before the planned date, so that is the fixed point.
    const f = forecast({ ...base, plannedApplicationDate: '2026-07-01' });
    expect(f.status).toBe('projected');
    if (f.status !== 'projected') return;
    expect(f.finish.likely).toBe('2026-06-07');
    expect(f.expiry.applicationDate).toBe('2026-07-01');
    expect(f.expiry.expiring).toBe(30);
    expect(f.expiry.message).toContain('before your planned application date (2026-07-01)');
  });

  it('expires nothing once an exam window is assigned', () => {
    const f = forecast({ ...base, examWindowAssigned: true });
    expect(f.status).toBe('projected');
    if (f.status !== 'projected') return;
    expect(f.finish.likely).toBe('2026-04-26');
    expect(f.expiry).toMatchObject({ locked: true, expiring: 0, extraWeeks: 0 });
    expect(f.expiry.message).toBe('Your exam window is assigned: logged entries no longer expire.');
  });

  it('warns when the remaining work alone outruns the 24-month window', () => {
    // 600 at 5/week = 840 days, beyond 2028-03-01: every entry logged so far expires (70 more).
    const f = forecast({ ...base, remaining: 600 });
    expect(f.status).toBe('projected');
    if (f.status !== 'projected') return;
    expect(f.expiry.outrunsWindow).toBe(true);
    expect(f.expiry.expiring).toBe(70);
    expect(f.expiry.message).toContain('more than 24 months');
  });

  it("uses the catalog's window: none means nothing expires, a shorter one expires more", () => {
    const none = forecast({ ...base, windowMonths: null });
    expect(none.status === 'projected' && none.expiry).toMatchObject({ windowMonths: null, expiring: 0, locked: false });
    expect(none.status === 'projected' && none.expiry.message).toBeNull();
    // 12 months: finish 2026-04-26 -> cutoff 2025-04-26 and all 30 old entries expire;
    // 70 at 5/week = 98 days -> 2026-06-07 -> cutoff 2025-06-07, no 2025 entries: fixed point.
    const twelve = forecast({ ...base, windowMonths: 12 });
    expect(twelve.status === 'projected' && [twelve.finish.likely, twelve.expiry.expiring]).toEqual(['2026-06-07', 30]);
  });

  it('counts 24 calendar months back, the same day being still valid', () => {
    expect(expiryCutoff('2026-03-10')).toBe('2024-03-10');
    expect(expiryCutoff('2026-02-28')).toBe('2024-02-28');
  });
});

describe('finishEstimate: the basis switches from the accepted plan to the pace of the log', () => {
  const remaining = 30;
  const start = '2026-01-05';
  const plan = { finish: '2026-06-30', sessions: 12 };
  it('uses the plan while history is short, then the pace once there is enough', () => {
    const early = forecast({ entryDates: ['2026-01-06', '2026-01-07'], remaining, today: '2026-01-12', historyStart: start });
    expect(early.status).toBe('insufficient-data');
    const e1 = finishEstimate(early, plan);
    expect(e1).toMatchObject({ basis: 'plan', date: '2026-06-30' });
    expect(e1.message).toContain('from your accepted plan');
    // Five weeks later, two entries a week: a pace.
    const dates = Array.from({ length: 10 }, (_, i) => addIsoDays('2026-01-06', Math.floor(i / 2) * 7 + (i % 2)));
    const later = forecast({ entryDates: dates, remaining, today: '2026-02-09', historyStart: start });
    expect(later.status).toBe('projected');
    const e2 = finishEstimate(later, plan);
    expect(e2.basis).toBe('pace');
    expect(e2.date).toBe(later.status === 'projected' ? later.finish.likely : null);
    expect(e2.message).toContain('from the pace of your log');
  });

  it('gives no date, and says why, without a pace or a plan that covers the need', () => {
    const early = forecast({ entryDates: [], remaining, today: '2026-01-12', historyStart: start });
    expect(finishEstimate(early, null)).toMatchObject({ basis: 'none', date: null });
    expect(finishEstimate(early, { finish: null, sessions: 3 }).message).toContain('does not cover everything');
  });
});
