// When will the user finish at their recent pace, and which counted entries age out before then?
// Pure: every date, including today, is passed in. Method in plain words: docs/planning.md.
//
// Exported API:
//   forecast(input: ForecastInput): Forecast
//     status 'done'              nothing remains
//     status 'insufficient-data' too little history to say anything honest (message says why)
//     status 'no-pace'           history is long enough but no entry fell in the pace window
//     status 'projected'         pace, finish date with a range, expiry risk and a plain message
//   finishEstimate(forecast, plan)   the one finish date shown everywhere, and its basis (pace or accepted plan)
//   expiryCutoff(applicationDate, months = 24)   the oldest entry date that still counts for that application date
//   DEFAULT_PACE_WINDOW_WEEKS, MIN_HISTORY_WEEKS, MIN_ENTRIES_IN_WINDOW
//
// Rules (docs/arrt-rules.md, "The 24-month window", confirmed): an entry counts only when it was performed
// no more than 24 months before the application; nothing expires once an exam window is assigned.
// The window length is an input (default 24) so a catalog's own `windowMonths` can be passed through,
// and null (a custom catalog with no window) means nothing expires.
import { format, parseISO, subMonths } from 'date-fns';
import { addIsoDays, isoDayDiff } from './schedule';

export const DEFAULT_PACE_WINDOW_WEEKS = 8;
/** Fewer whole weeks of history than this and a weekly pace is noise, not a trend. */
export const MIN_HISTORY_WEEKS = 3;
/** Fewer counted entries than this in the window and one busy day would swing the date by months. */
export const MIN_ENTRIES_IN_WINDOW = 5;
/** The expiry fixed point moves the finish forward monotonically; this only guards against surprises. */
const MAX_ITERATIONS = 200;

export interface ForecastInput {
  /**
   * Dates of the entries that count toward the requirement today (one date per counted entry; surplus
   * repetitions, entries over the daily cap and already-expired entries are left out by the caller).
   */
  entryDates: readonly string[];
  /**
   * Dates of the counted entries whose expiry would cost progress: those that fill a requirement.
   * A surplus repetition (the 40th Routine Head when 15 are required) can age out harmlessly.
   * Default: every date in `entryDates`.
   */
  expiryDates?: readonly string[];
  /** Repetitions still needed: a total, or per-procedure counts (summed; negative counts ignored). */
  remaining: number | Readonly<Record<string, number>>;
  today: string;
  /** The user's pace window in weeks (default 8). */
  paceWindowWeeks?: number;
  /** Start of the history, e.g. the track's start date; default: the earliest entry. */
  historyStart?: string | null;
  /** Planned application date, if the user set one; the finish is used when it is later. */
  plannedApplicationDate?: string | null;
  /** Once ARRT has assigned an exam window, entries are locked and nothing expires. */
  examWindowAssigned?: boolean;
  /** The catalog's window in months (default 24, ARRT's); null when the catalog has none. */
  windowMonths?: number | null;
}

export interface Pace {
  requestedWindowWeeks: number;
  /** Weeks actually used: the requested window, shortened when the history is shorter. */
  windowWeeks: number;
  /** Counted entries per 7-day block, oldest first; the last block ends today. */
  weeklyCounts: number[];
  entriesInWindow: number;
  /** Mean entries per week over the window. */
  perWeek: number;
  /** Mean minus / plus one standard error of the weekly counts (low is 0 when that is not positive). */
  low: number;
  high: number;
}

export interface ExpiringMonth {
  /** 'YYYY-MM' of the entries' performed dates. */
  month: string;
  count: number;
}

export interface ExpiryRisk {
  /** True once an exam window is assigned: nothing expires. */
  locked: boolean;
  /** The window in months that was applied; null when the catalog has none (nothing expires). */
  windowMonths: number | null;
  /** The application date the 24 months are counted back from: the later of finish and planned date. */
  applicationDate: string;
  /** Counted entries older than 24 months on the application date; each must be done again. */
  expiring: number;
  byMonth: ExpiringMonth[];
  /** Where the finish would be if nothing expired. */
  finishWithoutExpiry: string;
  /** Whole weeks the redone entries add (rounded up). */
  extraWeeks: number;
  /** The remaining work alone takes longer than the window: entries logged now would expire too. */
  outrunsWindow: boolean;
  /** False only if the fixed point was not reached within the iteration bound. */
  converged: boolean;
  message: string | null;
}

export interface FinishRange {
  /** At the faster end of the range (mean + one standard error). */
  optimistic: string;
  likely: string;
  /** At the slower end; null when the slower pace is zero or less, so no latest date can be given. */
  pessimistic: string | null;
}

export type Forecast =
  | { status: 'done'; message: string }
  | { status: 'insufficient-data'; message: string; historyWeeks: number; entriesInWindow: number }
  | { status: 'no-pace'; message: string; pace: Pace }
  | {
      status: 'projected';
      message: string;
      remaining: number;
      pace: Pace;
      finish: FinishRange;
      /** Expiry risk at the likely pace; the optimistic and pessimistic dates include their own expiry. */
      expiry: ExpiryRisk;
    };

/** Oldest performed date that still counts for an application on `applicationDate`. */
export function expiryCutoff(applicationDate: string, months = 24): string {
  return format(subMonths(parseISO(applicationDate), months), 'yyyy-MM-dd');
}

function windowOf(input: ForecastInput): number | null {
  return input.windowMonths === undefined ? 24 : input.windowMonths;
}

function totalRemaining(remaining: ForecastInput['remaining']): number {
  if (typeof remaining === 'number') return Math.max(0, remaining);
  return Object.values(remaining).reduce((sum, n) => sum + Math.max(0, n), 0);
}

/** Calendar days to log `count` entries at `perWeek`; the epsilon keeps 8.0000001 weeks from becoming 9. */
function daysFor(count: number, perWeek: number): number {
  return Math.max(0, Math.ceil((count / perWeek) * 7 - 1e-9));
}

/** Number of sorted dates strictly before `cutoff` (binary search: logs can hold 100,000 entries). */
function countBefore(sorted: readonly string[], cutoff: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < cutoff) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function later(a: string, b: string | null | undefined): string {
  return b && b > a ? b : a;
}

interface Projection {
  finish: string;
  applicationDate: string;
  expiring: number;
  converged: boolean;
}

/**
 * Finish date at `perWeek` when entries that age out before the application must be redone.
 * Redoing entries moves the finish later, which can age out more entries: iterate to the fixed
 * point. Both steps only ever move forward, so the loop stops once a pass adds nothing.
 */
function project(sorted: readonly string[], remaining: number, perWeek: number, input: ForecastInput): Projection {
  let finish = addIsoDays(input.today, daysFor(remaining, perWeek));
  const months = windowOf(input);
  if (input.examWindowAssigned || months === null) {
    return { finish, applicationDate: later(finish, input.plannedApplicationDate), expiring: 0, converged: true };
  }
  let expiring = 0;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const applicationDate = later(finish, input.plannedApplicationDate);
    const nowExpiring = countBefore(sorted, expiryCutoff(applicationDate, months));
    if (nowExpiring === expiring) return { finish, applicationDate, expiring, converged: true };
    expiring = nowExpiring;
    finish = addIsoDays(input.today, daysFor(remaining + expiring, perWeek));
  }
  return { finish, applicationDate: later(finish, input.plannedApplicationDate), expiring, converged: false };
}

function monthName(month: string): string {
  return format(parseISO(`${month}-01`), 'MMMM yyyy');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function measurePace(sorted: readonly string[], input: ForecastInput, historyWeeks: number): Pace {
  const requested = Math.max(1, Math.floor(input.paceWindowWeeks ?? DEFAULT_PACE_WINDOW_WEEKS));
  const windowWeeks = Math.min(requested, historyWeeks);
  const weeklyCounts = Array<number>(windowWeeks).fill(0);
  // Only dates inside the window are parsed (string comparison first): a log may hold 100,000 entries.
  const windowStart = addIsoDays(input.today, -7 * windowWeeks + 1);
  for (let i = countBefore(sorted, windowStart); i < sorted.length; i++) {
    const date = sorted[i] as string;
    if (date > input.today) break; // dated in the future: not part of any past week
    const block = windowWeeks - 1 - Math.floor(isoDayDiff(date, input.today) / 7);
    weeklyCounts[block] = (weeklyCounts[block] ?? 0) + 1;
  }
  const entriesInWindow = weeklyCounts.reduce((a, b) => a + b, 0);
  const perWeek = windowWeeks > 0 ? entriesInWindow / windowWeeks : 0;
  const variance =
    windowWeeks > 1 ? weeklyCounts.reduce((s, c) => s + (c - perWeek) ** 2, 0) / (windowWeeks - 1) : 0;
  const standardError = Math.sqrt(variance) / Math.sqrt(Math.max(1, windowWeeks));
  return {
    requestedWindowWeeks: requested,
    windowWeeks,
    weeklyCounts,
    entriesInWindow,
    perWeek,
    low: Math.max(0, perWeek - standardError),
    high: perWeek + standardError,
  };
}

function expiryMessage(risk: Omit<ExpiryRisk, 'message'>, planned: string | null | undefined): string | null {
  if (risk.locked) return 'Your exam window is assigned: logged entries no longer expire.';
  const parts: string[] = [];
  if (risk.expiring > 0) {
    const first = risk.byMonth[0]?.month as string;
    const last = risk.byMonth[risk.byMonth.length - 1]?.month as string;
    const from = first === last ? `from ${monthName(first)}` : `from ${monthName(first)} to ${monthName(last)}`;
    const before =
      planned && planned === risk.applicationDate ? `before your planned application date (${planned})` : 'before you finish';
    const need =
      risk.extraWeeks > 0
        ? `; you need ${plural(risk.extraWeeks, 'more week', 'more weeks')} to redo them`
        : '; redoing them fits in the same week';
    parts.push(`At this pace, ${plural(risk.expiring, 'entry', 'entries')} ${from} expire ${before}${need}.`);
  }
  if (risk.outrunsWindow) {
    parts.push(
      `At this pace the remaining work takes more than ${risk.windowMonths} months, so entries logged now would expire before you finish: a faster pace is needed.`,
    );
  }
  if (!risk.converged) parts.push('The expiry estimate did not settle; treat the dates as a lower bound.');
  return parts.length > 0 ? parts.join(' ') : null;
}

export function forecast(input: ForecastInput): Forecast {
  const remaining = totalRemaining(input.remaining);
  if (remaining === 0) return { status: 'done', message: 'Nothing remains: every requirement is met.' };

  const sorted = [...input.entryDates].sort();
  const earliest = sorted[0];
  const start =
    input.historyStart && (!earliest || input.historyStart < earliest) ? input.historyStart : (earliest ?? null);
  const historyDays = start ? Math.max(0, isoDayDiff(start, input.today) + 1) : 0;
  const historyWeeks = Math.floor(historyDays / 7);
  if (historyWeeks < MIN_HISTORY_WEEKS) {
    return {
      status: 'insufficient-data',
      historyWeeks,
      entriesInWindow: 0,
      message: `Not enough history yet: ${plural(historyDays, 'day', 'days')} logged, and a forecast needs at least ${MIN_HISTORY_WEEKS} full weeks.`,
    };
  }

  const pace = measurePace(sorted, input, historyWeeks);
  if (pace.entriesInWindow === 0) {
    return {
      status: 'no-pace',
      pace,
      message: `No counted entries in the last ${plural(pace.windowWeeks, 'week', 'weeks')}, so there is no pace to project from.`,
    };
  }
  if (pace.entriesInWindow < MIN_ENTRIES_IN_WINDOW) {
    return {
      status: 'insufficient-data',
      historyWeeks,
      entriesInWindow: pace.entriesInWindow,
      message: `Only ${plural(pace.entriesInWindow, 'counted entry', 'counted entries')} in the last ${plural(pace.windowWeeks, 'week', 'weeks')}; a forecast needs at least ${MIN_ENTRIES_IN_WINDOW}.`,
    };
  }

  const atRisk = input.expiryDates ? [...input.expiryDates].sort() : sorted;
  const likely = project(atRisk, remaining, pace.perWeek, input);
  const optimistic = project(atRisk, remaining, pace.high, input);
  const pessimistic = pace.low > 0 ? project(atRisk, remaining, pace.low, input) : null;

  const finishWithoutExpiry = addIsoDays(input.today, daysFor(remaining, pace.perWeek));
  const byMonth = new Map<string, number>();
  for (const date of atRisk.slice(0, likely.expiring)) {
    const month = date.slice(0, 7);
    byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
  }
  // Entries logged today expire a window later; a finish after that cannot be reached at this pace.
  const months = windowOf(input);
  const outrunsWindow = months !== null && !input.examWindowAssigned && expiryCutoff(likely.finish, months) > input.today;
  const riskData = {
    locked: input.examWindowAssigned === true,
    windowMonths: months,
    applicationDate: likely.applicationDate,
    expiring: likely.expiring,
    byMonth: [...byMonth].map(([month, count]) => ({ month, count })),
    finishWithoutExpiry,
    extraWeeks: Math.ceil(isoDayDiff(finishWithoutExpiry, likely.finish) / 7),
    outrunsWindow,
    converged: likely.converged && optimistic.converged && (pessimistic?.converged ?? true),
  };
  const expiry: ExpiryRisk = { ...riskData, message: expiryMessage(riskData, input.plannedApplicationDate) };

  const range = pessimistic
    ? `between ${optimistic.finish} and ${pessimistic.finish}`
    : `no earlier than ${optimistic.finish}; your weeks vary too much to give a latest date`;
  const message =
    `At about ${pace.perWeek.toFixed(1)} counted entries a week (last ${plural(pace.windowWeeks, 'week', 'weeks')}), ` +
    `the remaining ${remaining} should be done around ${likely.finish} (${range}).` +
    (expiry.message ? ` ${expiry.message}` : '');

  return {
    status: 'projected',
    message,
    remaining,
    pace,
    finish: { optimistic: optimistic.finish, likely: likely.finish, pessimistic: pessimistic?.finish ?? null },
    expiry,
  };
}

/** Where the finish date shown on the dashboard, Today and the progress report comes from. */
export type FinishBasis = 'pace' | 'plan' | 'done' | 'none';

export interface FinishEstimate {
  basis: FinishBasis;
  date: string | null;
  /** One sentence that says the date and its basis. */
  message: string;
}

/** The accepted plan, measured: the day its planned sessions cover the need (null when they do not). */
export interface AcceptedPlan {
  finish: string | null;
  /** Planned sessions from today on. */
  sessions: number;
}

/**
 * The pace of the log when there is enough history (the forecast projected a date), otherwise the
 * accepted plan's finish, otherwise no date; the message always says which.
 */
export function finishEstimate(f: Forecast | { status: 'unknown-numbers'; message: string }, plan: AcceptedPlan | null): FinishEstimate {
  if (f.status === 'done') return { basis: 'done', date: null, message: f.message };
  if (f.status === 'projected') {
    return {
      basis: 'pace',
      date: f.finish.likely,
      message: `Around ${f.finish.likely}, from the pace of your log (${f.pace.perWeek.toFixed(1)} counted entries a week over ${plural(f.pace.windowWeeks, 'week', 'weeks')}).`,
    };
  }
  if (f.status === 'unknown-numbers') return { basis: 'none', date: null, message: f.message };
  if (plan && plan.finish) {
    return {
      basis: 'plan',
      date: plan.finish,
      message: `By ${plan.finish}, from your accepted plan (${plural(plan.sessions, 'rotation day', 'rotation days')} ahead); your log has too little history for a pace yet.`,
    };
  }
  if (plan && plan.sessions > 0) {
    return {
      basis: 'none',
      date: null,
      message: `Your accepted plan (${plural(plan.sessions, 'rotation day', 'rotation days')}) does not cover everything still needed, and your log has too little history for a pace. Propose more days on the Plan page.`,
    };
  }
  return { basis: 'none', date: null, message: `${f.message} Accept a plan on the Plan page to get a finish date now.` };
}
