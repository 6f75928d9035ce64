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
//   - Only usable days (no time off, no session already on that day, and room for a timed session
//     that keeps the rest rule around the roster's shifts, travel included: shared/planning/roster.ts)
//     are proposed, from `from` onward, at most `maxRotationDaysPerWeek` rotation days per Monday-Sunday week
//     (existing planned sessions count toward that limit).
//   - Travel: a site is proposed only if its round trip (2 x one way) is within the travel minutes the
//     user accepts per day AND round trip + the rotation shift is within the longest day the user accepts.
//   - A day goes to the open, reachable site expected to supply the most still-needed entries; ties go to
//     the shorter trip, then the lower site id. Expected entries per day = the site's yield from history
//     (else the default), rounded, at least 1, at most the discipline's daily cap; they are spread over the
//     site's procedures, the one with the most still needed first.
//   - Planning continues past the target (up to a horizon) so the plan can say how late it would finish.
//   - Expiry: once the need is met on a day, counted entries that leave the window before the
//     application (that day, or the planned application date when later) are added back to the need,
//     and planning goes on until nothing more expires.
//   - Every day in the planning range that could not be used is explained in the user's terms
//     ("Sun 14 Jun: you finish a night at 07:00"); the headline names the real cause.
import { format, parseISO, startOfWeek } from 'date-fns';
import { DEFAULT_REST_HOURS, DEFAULT_SHIFT_DEFINITIONS, describeShiftBlocks, sessionWindow, type Roster, type RosterChange, type ShiftDefinition } from './roster';
import {
  addIsoDays,
  isTimeOff,
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

/** A site the planner could not use for a reason outside its own limits (for the headline). */
export interface SkippedSite {
  name: string;
  reason: 'no-travel' | 'not-agreed';
  procedures: readonly string[];
}

/** A counted entry that fills a requirement: its procedure key and the last application date it counts for. */
export interface ExpiringEntry {
  key: string;
  validThrough: string;
}

export interface PlanInput extends TravelLimits {
  pattern: WorkPattern;
  /** Shift definitions the pattern's codes refer to (default: DEFAULT_SHIFT_DEFINITIONS). */
  definitions?: readonly ShiftDefinition[];
  /** One-off roster changes (swaps, extra shifts, days off). */
  changes?: readonly RosterChange[];
  /** IANA zone the roster and sessions are in (default 'UTC'). */
  timeZone?: string;
  /** Hours of rest between a work shift and a rotation, travel included (default 10). */
  restHours?: number;
  /** Preferred local start of a rotation session (default 08:00). */
  preferredStart?: string;
  /** Counted entries that can age out, ascending by validThrough (default none). */
  expiring?: readonly ExpiringEntry[];
  /** The planned application date, when later than the finish the window is counted back from it. */
  plannedApplicationDate?: string | null;
  /** Sites left out before planning (no travel time, not agreed), so the headline can name them. */
  skippedSites?: readonly SkippedSite[];
  /** False: only measure the sessions already planned (the accepted plan's finish); propose nothing. */
  proposeNew?: boolean;
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
  /** Local 'HH:MM' start and end (the end may be on the next day for a long session). */
  start: string;
  end: string;
  hours: number;
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

export interface UnusableDay {
  date: string;
  /** 'Sun 14 Jun: you finish a night at 07:00' */
  text: string;
  /** 'work': a shift starts that day; 'rest': only the rest around a shift on another day blocks it. */
  cause: 'time-off' | 'work' | 'rest' | 'site-closed';
}

export interface Plan {
  sessions: ProposedSession[];
  /** Days in the planning range the planner could not use, with the reason in the user's terms. */
  unusableDays: UnusableDay[];
  /** Counted entries the plan re-does because they would leave the window before the finish. */
  expiryAdded: number;
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

export function dayName(date: string): string {
  return format(parseISO(date), 'EEE d MMM');
}

function minutesOf(hours: number): number {
  return Math.round(hours * 60);
}

export function planRotations(input: PlanInput): Plan {
  const need: Record<string, number> = {};
  for (const [p, n] of Object.entries(input.remaining)) if (n > 0) need[p] = n;
  const zone = input.timeZone ?? 'UTC';
  const restHours = input.restHours ?? DEFAULT_REST_HOURS;
  const roster: Roster = {
    definitions: input.definitions ?? DEFAULT_SHIFT_DEFINITIONS,
    pattern: input.pattern,
    changes: input.changes ?? [],
  };
  const shiftHours = input.shiftHours ?? DEFAULT_SHIFT_HOURS;

  const excludedSites: Plan['excludedSites'] = [];
  const reachable: PlannerSite[] = [];
  for (const site of input.sites) {
    const reason = siteTravelCheck(site, input) ?? (dailyYield(site, input) === 0 ? 'expected yield is zero' : null);
    if (reason) excludedSites.push({ siteId: site.id, name: site.name, reason });
    else reachable.push(site);
  }

  const expiring = input.expiring ?? [];
  let expiryIndex = 0;
  let expiryAdded = 0;
  /** Need met on `d`: add back what expires before the application; true when nothing did. */
  const settles = (d: string): boolean => {
    const application = input.plannedApplicationDate && input.plannedApplicationDate > d ? input.plannedApplicationDate : d;
    let added = 0;
    while (expiryIndex < expiring.length && (expiring[expiryIndex] as ExpiringEntry).validThrough < application) {
      const e = expiring[expiryIndex] as ExpiringEntry;
      need[e.key] = (need[e.key] ?? 0) + 1;
      expiryIndex++;
      added++;
    }
    expiryAdded += added;
    return added === 0;
  };

  if (sum(need) === 0) {
    return { sessions: [], unusableDays: [], expiryAdded: 0, finish: null, outcome: { kind: 'done' }, excludedSites, uncovered: {}, message: 'Nothing remains to plan.' };
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
    if (sum(taken) > 0 && sum(need) === 0 && finish === null && settles(s.date)) finish = s.date;
  }

  const offered = new Set(reachable.flatMap((s) => s.procedures));
  const unsuppliedNow = () =>
    Object.keys(need)
      .filter((p) => (need[p] ?? 0) > 0 && !offered.has(p))
      .sort();

  const maxPerWeek = input.maxRotationDaysPerWeek ?? DEFAULT_MAX_ROTATION_DAYS_PER_WEEK;
  const lastDay = addIsoDays(input.target, input.horizonDays ?? DEFAULT_HORIZON_DAYS);
  const sessions: ProposedSession[] = [];
  const unusableDays: UnusableDay[] = [];
  // Stop once no reachable site can supply anything still needed (the rest is `unsupplied`).
  const suppliable = () => [...offered].reduce((s, p) => s + Math.max(0, need[p] ?? 0), 0);
  const proposeNew = input.proposeNew ?? true;
  for (let d = input.from; proposeNew && d <= lastDay && suppliable() > 0 && finish === null; d = addIsoDays(d, 1)) {
    if (busy.has(d)) continue;
    if (isTimeOff(input.timeOff, d)) {
      const note = input.timeOff.find((t) => t.from <= d && d <= t.to)?.note;
      unusableDays.push({ date: d, cause: 'time-off', text: `${dayName(d)}: time off${note ? ` (${note})` : ''}` });
      continue;
    }
    const week = weekKey(d);
    if ((perWeek.get(week) ?? 0) >= maxPerWeek) continue;
    const weekday = isoWeekday(d);
    const candidates: { site: PlannerSite; useful: number }[] = [];
    for (const site of reachable) {
      if (site.openWeekdays && !site.openWeekdays.includes(weekday)) continue;
      const useful = usefulYield(need, site.procedures, dailyYield(site, input));
      if (useful > 0) candidates.push({ site, useful });
    }
    if (candidates.length === 0) {
      if (reachable.some((s) => usefulYield(need, s.procedures, dailyYield(s, input)) > 0)) {
        unusableDays.push({ date: d, cause: 'site-closed', text: `${dayName(d)}: no site you can use takes students on ${format(parseISO(d), 'EEEE')}s` });
      }
      continue;
    }
    candidates.sort(
      (a, b) => b.useful - a.useful || a.site.travelMinutesOneWay - b.site.travelMinutesOneWay || a.site.id - b.site.id,
    );
    let chosen: { site: PlannerSite; start: string; end: string } | null = null;
    let firstRefusal: { text: string; cause: 'work' | 'rest' } | null = null;
    for (const c of candidates) {
      const w = sessionWindow({
        roster,
        zone,
        date: d,
        minutes: minutesOf(shiftHours),
        limits: { restHours, travelMinutes: c.site.travelMinutesOneWay },
        ...(input.preferredStart ? { preferredStart: input.preferredStart } : {}),
      });
      if (w.ok) {
        chosen = { site: c.site, start: w.start, end: w.end };
        break;
      }
      if (!firstRefusal) {
        const why = w.blockers.length > 0 ? describeShiftBlocks(w.blockers, d, zone) : 'no room for the session in the day';
        const gaps = [w.blocker?.kind === 'work' ? `${restHours} h rest` : '', c.site.travelMinutesOneWay > 0 ? `${c.site.travelMinutesOneWay} min travel each way` : '']
          .filter(Boolean)
          .join(' and ');
        firstRefusal = {
          text: `${dayName(d)}: ${why}${gaps ? `; with ${gaps}` : ''}, no ${shiftHours} h session fits`,
          cause: w.blockers.some((b) => b.date === d) ? 'work' : 'rest',
        };
      }
    }
    if (!chosen) {
      const refusal = firstRefusal as { text: string; cause: 'work' | 'rest' };
      unusableDays.push({ date: d, cause: refusal.cause, text: refusal.text });
      continue;
    }
    const expected = allocate(need, chosen.site.procedures, dailyYield(chosen.site, input));
    sessions.push({
      date: d,
      siteId: chosen.site.id,
      siteName: chosen.site.name,
      start: chosen.start,
      end: chosen.end,
      hours: shiftHours,
      expected,
      expectedTotal: sum(expected),
      afterTarget: d > input.target,
    });
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
    if (sum(need) === 0 && settles(d)) finish = d;
  }

  const unsupplied = unsuppliedNow();
  const uncovered: Record<string, number> = {};
  for (const [p, n] of Object.entries(need)) if (n > 0) uncovered[p] = n;
  const limitText = `at most ${plural(maxPerWeek, 'rotation day', 'rotation days')} a week`;
  const restDays = unusableDays.filter((u) => u.cause === 'rest').length;
  const offDays = unusableDays.filter((u) => u.cause === 'time-off').length;
  const lost =
    restDays + offDays > 0
      ? `; ${[restDays > 0 ? `${plural(restDays, 'day', 'days')} lost to the ${restHours} h rest after or before a shift` : '', offDays > 0 ? `${plural(offDays, 'day', 'days')} of time off` : '']
          .filter(Boolean)
          .join(', ')}`
      : '';
  const expiryText =
    expiryAdded > 0 ? ` It includes re-doing ${plural(expiryAdded, 'entry', 'entries')} that would leave the window before you finish.` : '';
  const base = { sessions, unusableDays, expiryAdded, excludedSites, uncovered };

  if (finish === null) {
    const reason = unsupplied.length > 0 ? causeOf(unsupplied, input.skippedSites ?? [], excludedSites, input.sites) : null;
    const message = !proposeNew
      ? `The sessions already planned do not cover everything still needed.`
      : reason
        ? `Cannot reach the target by ${input.target}: ${reason}.`
        : `Cannot reach the target by ${input.target}: your free days (${limitText}${lost}) run out ${input.horizonDays ?? DEFAULT_HORIZON_DAYS} days after the target with ${sum(need)} entries still needed.`;
    return { ...base, finish: null, outcome: { kind: 'cannot-finish', unsupplied }, message: message + expiryText };
  }
  if (finish <= input.target) {
    return {
      ...base,
      finish,
      outcome: { kind: 'reaches-target', finish },
      message:
        (sessions.length === 0
          ? `Reaches the target: the sessions already planned cover the need by ${finish} (target ${input.target}).`
          : `Reaches the target: ${plural(sessions.length, 'rotation day', 'rotation days')} on free days, done by ${finish} (target ${input.target}).`) + expiryText,
    };
  }
  const extraDays = sessions.filter((s) => s.afterTarget).length;
  return {
    ...base,
    finish,
    outcome: { kind: 'misses-target', finish, extraDays },
    message:
      `Cannot reach the target by ${input.target}: needs ${plural(extraDays, 'more rotation day', 'more rotation days')} ` +
      `than your free days allow (${limitText}${lost}); this plan finishes on ${finish}.` +
      expiryText,
  };
}

/** The real reason the unsupplied procedures cannot be planned, naming the site and what to fix. */
function causeOf(
  unsupplied: readonly string[],
  skipped: readonly SkippedSite[],
  excluded: Plan['excludedSites'],
  sites: readonly PlannerSite[],
): string {
  const parts: string[] = [];
  const plain: string[] = [];
  for (const p of unsupplied) {
    const noTravel = skipped.find((s) => s.reason === 'no-travel' && s.procedures.includes(p));
    const overLimit = excluded.find((e) => sites.find((s) => s.id === e.siteId)?.procedures.includes(p));
    const notAgreed = skipped.find((s) => s.reason === 'not-agreed' && s.procedures.includes(p));
    if (noTravel) parts.push(`${noTravel.name} offers ${p} but has no travel time on the Sites page; add it so the planner can use the site`);
    else if (overLimit) parts.push(`${overLimit.name} offers ${p} but its ${overLimit.reason}`);
    else if (notAgreed) parts.push(`${notAgreed.name} offers ${p} but has not agreed to take you yet`);
    else plain.push(p);
  }
  if (plain.length > 0) parts.push(`none of your sites offers ${plain.join(', ')}`);
  return parts.join('; ');
}
