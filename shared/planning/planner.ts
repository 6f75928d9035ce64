// Proposes rotation days on the user's free days so the remaining need is met by a target date,
// or says plainly why it cannot be. Pure: dates, sites and yields are passed in. Rules in plain
// words: docs/planning.md ("The rotation planner").
//
// Exported API:
//   planRotations(input: PlanInput): Plan
//   siteTravelCheck(site, limits): null when the site may be proposed, else the reason it may not
//   DEFAULT_SHIFT_HOURS, DEFAULT_MAX_DAY_HOURS, DEFAULT_MAX_ROTATION_DAYS_PER_WEEK, DEFAULT_HORIZON_DAYS
//
// Rules:
//   - Only free days (no shift in the work pattern, no time off, no session already on that day) are
//     proposed, from `from` onward, at most `maxRotationDaysPerWeek` rotation days per Monday-Sunday week
//     (existing planned sessions count toward that limit).
//   - Travel: a site is proposed only if its round trip (2 x one way) is within the travel minutes the
//     user accepts per day AND round trip + the rotation shift is within the longest day the user accepts.
//   - A day goes to the open, reachable site expected to supply the most still-needed entries; ties go to
//     the shorter trip, then the lower site id. Expected entries per day = the site's yield from history
//     (else the default), rounded, at least 1, at most the discipline's daily cap; they are spread over the
//     site's procedures, the one with the most still needed first.
//   - Planning continues past the target (up to a horizon) so the plan can say how late it would finish.
import { format, parseISO, startOfWeek } from 'date-fns';
import {
  addIsoDays,
  isTimeOff,
  isWorkDay,
  isoWeekday,
  type RotationSession,
  type TimeOff,
  type Weekday,
  type WorkPattern,
} from './schedule';

export const DEFAULT_SHIFT_HOURS = 8;
/** A common ceiling for one clinical day; the user can change it. */
export const DEFAULT_MAX_DAY_HOURS = 12;
/** Someone working full time rarely manages more than two extra clinical days a week. */
export const DEFAULT_MAX_ROTATION_DAYS_PER_WEEK = 2;
/** How far past the target the planner keeps looking before it gives up on a finish date. */
export const DEFAULT_HORIZON_DAYS = 730;

export interface PlannerSite {
  id: number;
  name: string;
  travelMinutesOneWay: number;
  /** Procedure keys this site can supply or has supplied (same keys as `remaining`). */
  procedures: readonly string[];
  /** Days of the week the site takes students; default every day. */
  openWeekdays?: readonly Weekday[];
  /** Counted entries per rotation day at this site, from history; default `defaultYieldPerDay`. */
  yieldPerDay?: number;
}

export interface TravelLimits {
  /** Round-trip travel the user accepts in one day, in minutes. */
  maxTravelMinutesPerDay: number;
  /** Length of a rotation shift (default 8). */
  shiftHours?: number;
  /** Longest day the user accepts, travel included (default 12). */
  maxDayHours?: number;
}

export interface PlanInput extends TravelLimits {
  pattern: WorkPattern;
  timeOff: readonly TimeOff[];
  /** Existing sessions: they occupy their day; planned ones from `from` on also count as expected yield. */
  sessions: readonly RotationSession[];
  sites: readonly PlannerSite[];
  /** Still-needed repetitions per procedure key. */
  remaining: Readonly<Record<string, number>>;
  /** Entries per rotation day when a site has no history (e.g. from the overall pace). */
  defaultYieldPerDay: number;
  /** The discipline's daily entry cap (shared/disciplines.ts). */
  dailyCap: number;
  /** First day that may be proposed (usually tomorrow). */
  from: string;
  target: string;
  maxRotationDaysPerWeek?: number;
  horizonDays?: number;
}

export interface ProposedSession {
  date: string;
  siteId: number;
  siteName: string;
  /** Expected entries per procedure key. */
  expected: Record<string, number>;
  expectedTotal: number;
  afterTarget: boolean;
}

export type PlanOutcome =
  | { kind: 'done' }
  | { kind: 'reaches-target'; finish: string }
  /** Met after the target; `extraDays` is how many proposed rotation days fall after it. */
  | { kind: 'misses-target'; finish: string; extraDays: number }
  /** Some need cannot be met: no reachable site offers it, or the horizon ran out. */
  | { kind: 'cannot-finish'; unsupplied: string[] };

export interface Plan {
  sessions: ProposedSession[];
  /** Day the expected entries meet the need; null when they never do. */
  finish: string | null;
  outcome: PlanOutcome;
  excludedSites: { siteId: number; name: string; reason: string }[];
  /** Need left after the plan, per procedure key (empty when everything is covered). */
  uncovered: Record<string, number>;
  message: string;
}

/** Null when the site may be proposed; otherwise the plain reason it may not. */
export function siteTravelCheck(site: PlannerSite, limits: TravelLimits): string | null {
  const roundTrip = 2 * site.travelMinutesOneWay;
  const shiftMinutes = (limits.shiftHours ?? DEFAULT_SHIFT_HOURS) * 60;
  const maxDayMinutes = (limits.maxDayHours ?? DEFAULT_MAX_DAY_HOURS) * 60;
  if (roundTrip > limits.maxTravelMinutesPerDay) {
    return `round trip of ${roundTrip} min is over your limit of ${limits.maxTravelMinutesPerDay} min`;
  }
  if (roundTrip + shiftMinutes > maxDayMinutes) {
    return `round trip of ${roundTrip} min plus a ${shiftMinutes / 60} h shift is over your ${maxDayMinutes / 60} h day`;
  }
  return null;
}

function dailyYield(site: PlannerSite | undefined, input: PlanInput): number {
  const raw = site?.yieldPerDay ?? input.defaultYieldPerDay;
  if (!(raw > 0)) return 0;
  return Math.min(input.dailyCap, Math.max(1, Math.round(raw)));
}

/** Spread `amount` over the site's procedures, most-needed first; mutates `need`, returns what was taken. */
function allocate(need: Record<string, number>, procedures: readonly string[], amount: number): Record<string, number> {
  const taken: Record<string, number> = {};
  for (let left = amount; left > 0; left--) {
    let best: string | null = null;
    for (const p of procedures) {
      const n = need[p] ?? 0;
      if (n > 0 && (best === null || n > (need[best] ?? 0) || (n === need[best] && p < best))) best = p;
    }
    if (best === null) break;
    need[best] = (need[best] ?? 0) - 1;
    taken[best] = (taken[best] ?? 0) + 1;
  }
  return taken;
}

function usefulYield(need: Record<string, number>, procedures: readonly string[], amount: number): number {
  const supply = [...new Set(procedures)].reduce((s, p) => s + Math.max(0, need[p] ?? 0), 0);
  return Math.min(amount, supply);
}

function weekKey(date: string): string {
  return format(startOfWeek(parseISO(date), { weekStartsOn: 1 }), 'yyyy-MM-dd');
}

function sum(record: Record<string, number>): number {
  return Object.values(record).reduce((s, n) => s + n, 0);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function planRotations(input: PlanInput): Plan {
  const need: Record<string, number> = {};
  for (const [p, n] of Object.entries(input.remaining)) if (n > 0) need[p] = n;

  const excludedSites: Plan['excludedSites'] = [];
  const reachable: PlannerSite[] = [];
  for (const site of input.sites) {
    const reason = siteTravelCheck(site, input) ?? (dailyYield(site, input) === 0 ? 'expected yield is zero' : null);
    if (reason) excludedSites.push({ siteId: site.id, name: site.name, reason });
    else reachable.push(site);
  }

  if (sum(need) === 0) {
    return { sessions: [], finish: null, outcome: { kind: 'done' }, excludedSites, uncovered: {}, message: 'Nothing remains to plan.' };
  }

  // Existing planned sessions come first: the user already committed to them.
  const busy = new Set(input.sessions.map((s) => s.date));
  const perWeek = new Map<string, number>();
  let finish: string | null = null;
  for (const s of [...input.sessions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    if (s.status !== 'planned' || s.date < input.from) continue;
    perWeek.set(weekKey(s.date), (perWeek.get(weekKey(s.date)) ?? 0) + 1);
    const site = input.sites.find((x) => x.id === s.siteId);
    const taken = allocate(need, site?.procedures ?? [], dailyYield(site, input));
    if (sum(taken) > 0 && sum(need) === 0 && finish === null) finish = s.date;
  }

  const offered = new Set(reachable.flatMap((s) => s.procedures));
  const unsupplied = Object.keys(need)
    .filter((p) => (need[p] ?? 0) > 0 && !offered.has(p))
    .sort();

  const maxPerWeek = input.maxRotationDaysPerWeek ?? DEFAULT_MAX_ROTATION_DAYS_PER_WEEK;
  const lastDay = addIsoDays(input.target, input.horizonDays ?? DEFAULT_HORIZON_DAYS);
  const sessions: ProposedSession[] = [];
  // Stop once no reachable site can supply anything still needed (the rest is `unsupplied`).
  const suppliable = () => [...offered].reduce((s, p) => s + Math.max(0, need[p] ?? 0), 0);
  for (let d = input.from; d <= lastDay && suppliable() > 0 && finish === null; d = addIsoDays(d, 1)) {
    if (busy.has(d) || isWorkDay(input.pattern, d) || isTimeOff(input.timeOff, d)) continue;
    const week = weekKey(d);
    if ((perWeek.get(week) ?? 0) >= maxPerWeek) continue;
    const weekday = isoWeekday(d);
    let best: { site: PlannerSite; useful: number } | null = null;
    for (const site of reachable) {
      if (site.openWeekdays && !site.openWeekdays.includes(weekday)) continue;
      const useful = usefulYield(need, site.procedures, dailyYield(site, input));
      if (useful === 0) continue;
      const better =
        best === null ||
        useful > best.useful ||
        (useful === best.useful &&
          (site.travelMinutesOneWay < best.site.travelMinutesOneWay ||
            (site.travelMinutesOneWay === best.site.travelMinutesOneWay && site.id < best.site.id)));
      if (better) best = { site, useful };
    }
    if (best === null) continue;
    const expected = allocate(need, best.site.procedures, dailyYield(best.site, input));
    sessions.push({
      date: d,
      siteId: best.site.id,
      siteName: best.site.name,
      expected,
      expectedTotal: sum(expected),
      afterTarget: d > input.target,
    });
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
    if (sum(need) === 0) finish = d;
  }

  const uncovered: Record<string, number> = {};
  for (const [p, n] of Object.entries(need)) if (n > 0) uncovered[p] = n;
  const limitText = `at most ${plural(maxPerWeek, 'rotation day', 'rotation days')} a week`;

  if (finish === null) {
    const reason =
      unsupplied.length > 0
        ? `no site within your travel limits offers ${unsupplied.join(', ')}`
        : `your free days (${limitText}) run out ${input.horizonDays ?? DEFAULT_HORIZON_DAYS} days after the target with ${sum(need)} entries still needed`;
    return {
      sessions,
      finish: null,
      outcome: { kind: 'cannot-finish', unsupplied },
      excludedSites,
      uncovered,
      message: `Cannot reach the target by ${input.target}: ${reason}.`,
    };
  }
  if (finish <= input.target) {
    return {
      sessions,
      finish,
      outcome: { kind: 'reaches-target', finish },
      excludedSites,
      uncovered,
      message:
        sessions.length === 0
          ? `Reaches the target: the sessions already planned cover the need by ${finish} (target ${input.target}).`
          : `Reaches the target: ${plural(sessions.length, 'rotation day', 'rotation days')} on free days, done by ${finish} (target ${input.target}).`,
    };
  }
  const extraDays = sessions.filter((s) => s.afterTarget).length;
  return {
    sessions,
    finish,
    outcome: { kind: 'misses-target', finish, extraDays },
    excludedSites,
    uncovered,
    message:
      `Cannot reach the target by ${input.target}: needs ${plural(extraDays, 'more rotation day', 'more rotation days')} ` +
      `than your free days allow (${limitText}); this plan finishes on ${finish}.`,
  };
}
