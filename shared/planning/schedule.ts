// The user's work schedule, time off and rotation sessions, as pure data + functions.
//
// Exported API:
//   WorkPattern            weekly ({kind:'weekly', weekdays}) or a repeating cycle anchored at a date
//                          ({kind:'cycle', anchor, days}); `rotatingPattern(3, 4, anchor)` builds 3-on/4-off
//   TimeOff                an inclusive date range when the user is unavailable for anything
//   RotationSession        a planned or done clinical rotation day at a site
//   isWorkDay(pattern, date)                          does the job's shift pattern put a shift on `date`?
//   isTimeOff(timeOff, date)                          is `date` inside any time-off range?
//   freeDays(pattern, timeOff, from, to)              days in [from, to] that are neither work nor time off
//   weekCalendar(...) / monthCalendar(...)            day-by-day data for the UI calendars
//   addIsoDays / isoDayDiff / isoWeekday              small ISO calendar-date helpers the other planning modules share
//
// Dates are ISO 'YYYY-MM-DD' calendar dates (see shared/dates.ts): a shift is on a local day, so all
// arithmetic is in calendar days and never passes through an instant that a time zone could shift.
import { endOfMonth, format, parseISO, startOfWeek } from 'date-fns';

/** 0 = Sunday ... 6 = Saturday, as JavaScript's Date.getDay and date-fns count them. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export type WorkPattern =
  /** `code` is the shift definition worked on those days (shared/planning/roster.ts); default 'D'. */
  | { kind: 'weekly'; weekdays: readonly Weekday[]; code?: string }
  /**
   * A cycle of `days.length` days repeating forever in both directions from `anchor` (day 0 of the
   * cycle); `days[i]` true means a work day. 3 on / 4 off is [true, true, true, false, false, false, false].
   * N on / M off; a mix of shift codes is a 'sequence'.
   */
  | { kind: 'cycle'; anchor: string; days: readonly boolean[]; code?: string }
  /** A repeating sequence of shift codes from `anchor`, e.g. D D N N O O O O ('O' is a day off). */
  | { kind: 'sequence'; anchor: string; codes: readonly string[] };

/** Inclusive range of days the user is away (holiday, family, sick): no shift, no rotation. */
export interface TimeOff {
  from: string;
  to: string;
  note?: string;
}

export type SessionStatus = 'planned' | 'done';

export interface RotationSession {
  /** Stable id (a database id as text is fine); the .ics UID is derived from it. */
  id: string;
  date: string;
  siteId: number;
  hours: number;
  status: SessionStatus;
  /** Local start time 'HH:MM', when known; without it the session is an all-day one. */
  startTime?: string;
}

export type DayKind = 'rotation' | 'time-off' | 'work' | 'free';

export interface CalendarDay {
  date: string;
  /** False for the leading/trailing days that pad a month grid to whole weeks. */
  inMonth: boolean;
  /** Main label: a rotation wins over time off, which wins over a shift (so conflicts stay visible via the flags). */
  kind: DayKind;
  work: boolean;
  timeOff: boolean;
  sessions: RotationSession[];
}

// The three helpers below run hundreds of thousands of times in a plan; they do calendar arithmetic
// on UTC midnights (no time zone can shift a UTC date), which equals date-fns' local-calendar answer.
const DAY_MS = 86400000;

function utcDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

export function addIsoDays(date: string, days: number): string {
  return new Date(utcDay(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function isoDayDiff(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

export function isoWeekday(date: string): Weekday {
  return new Date(utcDay(date)).getUTCDay() as Weekday;
}

/** `on` work days then `off` days off, repeating, with the first work day on `anchor`. */
export function rotatingPattern(on: number, off: number, anchor: string, code?: string): WorkPattern {
  return {
    kind: 'cycle',
    anchor,
    days: [...Array<boolean>(on).fill(true), ...Array<boolean>(off).fill(false)],
    ...(code ? { code } : {}),
  };
}

export function isWorkDay(pattern: WorkPattern, date: string): boolean {
  switch (pattern.kind) {
    case 'weekly':
      return pattern.weekdays.includes(isoWeekday(date));
    case 'cycle': {
      const n = pattern.days.length;
      if (n === 0) return false;
      // Modulo that stays positive so days before the anchor follow the same cycle.
      const index = ((isoDayDiff(pattern.anchor, date) % n) + n) % n;
      return pattern.days[index] === true;
    }
    case 'sequence': {
      const n = pattern.codes.length;
      if (n === 0) return false;
      const code = pattern.codes[((isoDayDiff(pattern.anchor, date) % n) + n) % n];
      return code !== undefined && code !== '' && code !== 'O';
    }
    default: {
      const never: never = pattern;
      return never;
    }
  }
}

export function isTimeOff(timeOff: readonly TimeOff[], date: string): boolean {
  // ISO dates compare correctly as strings.
  return timeOff.some((t) => t.from <= date && date <= t.to);
}

/** Days in [from, to] (inclusive) with no shift and no time off, in order. */
export function freeDays(pattern: WorkPattern, timeOff: readonly TimeOff[], from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addIsoDays(d, 1)) {
    if (!isWorkDay(pattern, d) && !isTimeOff(timeOff, d)) days.push(d);
  }
  return days;
}

function describeDay(
  pattern: WorkPattern,
  timeOff: readonly TimeOff[],
  sessions: readonly RotationSession[],
  date: string,
  inMonth: boolean,
): CalendarDay {
  const work = isWorkDay(pattern, date);
  const off = isTimeOff(timeOff, date);
  const daySessions = sessions.filter((s) => s.date === date);
  const kind: DayKind = daySessions.length > 0 ? 'rotation' : off ? 'time-off' : work ? 'work' : 'free';
  return { date, inMonth, kind, work, timeOff: off, sessions: daySessions };
}

/** The 7 days of the week containing `date`; weeks start on Monday unless `weekStartsOn` says otherwise. */
export function weekCalendar(
  pattern: WorkPattern,
  timeOff: readonly TimeOff[],
  sessions: readonly RotationSession[],
  date: string,
  weekStartsOn: Weekday = 1,
): CalendarDay[] {
  const first = format(startOfWeek(parseISO(date), { weekStartsOn }), 'yyyy-MM-dd');
  return Array.from({ length: 7 }, (_, i) => describeDay(pattern, timeOff, sessions, addIsoDays(first, i), true));
}

/** A month ('YYYY-MM') as whole weeks, padded with the neighbouring months' days (inMonth false). */
export function monthCalendar(
  pattern: WorkPattern,
  timeOff: readonly TimeOff[],
  sessions: readonly RotationSession[],
  month: string,
  weekStartsOn: Weekday = 1,
): CalendarDay[][] {
  const firstOfMonth = `${month}-01`;
  const lastOfMonth = format(endOfMonth(parseISO(firstOfMonth)), 'yyyy-MM-dd');
  const weeks: CalendarDay[][] = [];
  let weekStart = format(startOfWeek(parseISO(firstOfMonth), { weekStartsOn }), 'yyyy-MM-dd');
  while (weekStart <= lastOfMonth) {
    weeks.push(
      Array.from({ length: 7 }, (_, i) => {
        const d = addIsoDays(weekStart, i);
        return describeDay(pattern, timeOff, sessions, d, d.startsWith(month));
      }),
    );
    weekStart = addIsoDays(weekStart, 7);
  }
  return weeks;
}
