import { describe, expect, it } from 'vitest';
import {
  freeDays,
  isWorkDay,
  monthCalendar,
  rotatingPattern,
  weekCalendar,
  type RotationSession,
  type WorkPattern,
} from '../../../../shared/planning/schedule';

// 3 on / 4 off with the first shift on Monday 2026-03-02:
// work Mar 2-4, off 5-8, work 9-11, off 12-15, work 16-18 ...; and backwards: work Feb 23-25, off Feb 26-Mar 1.
const threeFour = rotatingPattern(3, 4, '2026-03-02');
const monToThu: WorkPattern = { kind: 'weekly', weekdays: [1, 2, 3, 4] };

describe('work patterns', () => {
  it('follows a 3-on/4-off cycle forwards and backwards from its anchor', () => {
    const march = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-09', '2026-03-16'];
    for (const d of march) expect(isWorkDay(threeFour, d), d).toBe(true);
    for (const d of ['2026-03-05', '2026-03-08', '2026-03-12', '2026-03-15']) expect(isWorkDay(threeFour, d), d).toBe(false);
    expect(isWorkDay(threeFour, '2026-02-25')).toBe(true);
    expect(isWorkDay(threeFour, '2026-02-26')).toBe(false);
    expect(isWorkDay(threeFour, '2026-03-01')).toBe(false);
  });

  it('follows a weekly pattern by weekday', () => {
    expect(isWorkDay(monToThu, '2026-03-02')).toBe(true); // Monday
    expect(isWorkDay(monToThu, '2026-03-05')).toBe(true); // Thursday
    expect(isWorkDay(monToThu, '2026-03-06')).toBe(false); // Friday
    expect(isWorkDay(monToThu, '2026-03-08')).toBe(false); // Sunday
  });
});

describe('freeDays', () => {
  it('keeps only days off the 3-on/4-off cycle and outside time off', () => {
    // Off days Mar 1-16: 1, 5, 6, 7, 8, 12, 13, 14, 15; time off 7-13 removes 7, 8, 12, 13.
    const days = freeDays(threeFour, [{ from: '2026-03-07', to: '2026-03-13', note: 'family' }], '2026-03-01', '2026-03-16');
    expect(days).toEqual(['2026-03-01', '2026-03-05', '2026-03-06', '2026-03-14', '2026-03-15']);
  });

  it('keeps Friday to Sunday for a Monday-Thursday job', () => {
    expect(freeDays(monToThu, [], '2026-03-02', '2026-03-08')).toEqual(['2026-03-06', '2026-03-07', '2026-03-08']);
  });
});

describe('calendars', () => {
  const sessions: RotationSession[] = [{ id: '1', date: '2026-03-05', siteId: 7, hours: 8, status: 'planned' }];
  const timeOff = [{ from: '2026-03-07', to: '2026-03-07' }];

  it('lays March 2026 out as 6 Monday-first weeks with labelled days', () => {
    const weeks = monthCalendar(threeFour, timeOff, sessions, '2026-03');
    // 2026-03-01 is a Sunday, so the grid starts Monday 2026-02-23; 2026-03-31 is a Tuesday.
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.[0]).toMatchObject({ date: '2026-02-23', inMonth: false, kind: 'work' });
    expect(weeks[0]?.[6]).toMatchObject({ date: '2026-03-01', inMonth: true, kind: 'free' });
    expect(weeks[5]?.[6]).toMatchObject({ date: '2026-04-05', inMonth: false });
    const byDate = new Map(weeks.flat().map((d) => [d.date, d]));
    expect(byDate.get('2026-03-02')?.kind).toBe('work');
    expect(byDate.get('2026-03-05')).toMatchObject({ kind: 'rotation', work: false, sessions });
    expect(byDate.get('2026-03-07')).toMatchObject({ kind: 'time-off', timeOff: true });
  });

  it('gives the 7 days of a week, Sunday-first when asked', () => {
    const week = weekCalendar(monToThu, [], sessions, '2026-03-05', 0);
    expect(week.map((d) => d.date)).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
    ]);
    // Thursday Mar 5 is a work day with a rotation: labelled rotation, the clash still visible.
    expect(week[4]).toMatchObject({ kind: 'rotation', work: true });
    expect(week.map((d) => d.kind)).toEqual(['free', 'work', 'work', 'work', 'rotation', 'free', 'free']);
  });
});
