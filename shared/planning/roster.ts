// The work roster with times: shift definitions (code, label, start, end), the pattern that lays
// them on days, one-off changes, and the rest rule the planner keeps. Pure; the time zone is passed in.
//
// Exported API:
//   ShiftDefinition, Roster, RosterChange, ShiftInstance, DEFAULT_SHIFT_DEFINITIONS, DEFAULT_REST_HOURS
//   OFF_CODE                                        'O': the code for a day off in a sequence
//   shiftCodeOn(roster, date)                       the code worked on `date` (changes applied), or null
//   shiftsBetween(roster, from, to, zone)           shift instances starting on days in [from, to]
//   sessionWindow(input)                            where a session of `minutes` can go on a day, or why not
//   restConflict(...)                               the first shift a timed session breaks the rest rule with
//   describeShiftBlock(block, date)                 "you finish a night at 07:00", in the user's terms
//
// Rest rule (docs/planning.md): no rotation starts within `restHours` after a work shift ends, and none
// ends within `restHours` before one starts, travel both ways included. On-call shifts only may not
// overlap (no rest is owed after an on-call that did not call you in). Hours are measured between
// instants, so a night across a DST change is 11 or 13 hours long.
import { addIsoDays, isoDayDiff, isoWeekday, type WorkPattern } from './schedule';
import { formatHhmm, instantToLocal, localToInstant, parseHhmm } from './zone';

export const DEFAULT_REST_HOURS = 10;
export const OFF_CODE = 'O';

export interface ShiftDefinition {
  /** Short code used in sequences, e.g. 'D', 'N', 'E', 'OC'. */
  code: string;
  label: string;
  /** Local 'HH:MM'. */
  start: string;
  /** Local 'HH:MM'; at or before `start` means the shift ends the next day. */
  end: string;
  /** 'on-call' shifts block their own hours but owe no rest. */
  kind: 'work' | 'on-call';
}

/** The definition used for on/off patterns saved before shifts had times: a 12-hour day. */
export const DEFAULT_SHIFT_DEFINITIONS: readonly ShiftDefinition[] = [
  { code: 'D', label: 'Day', start: '07:00', end: '19:00', kind: 'work' },
  { code: 'N', label: 'Night', start: '19:00', end: '07:00', kind: 'work' },
  { code: 'E', label: 'Evening', start: '15:00', end: '23:00', kind: 'work' },
  { code: 'OC', label: 'On call', start: '17:00', end: '07:00', kind: 'on-call' },
];

export interface RosterChange {
  date: string;
  /** The code worked that day instead of the pattern's, or null for a day off. */
  code: string | null;
  note?: string;
}

export interface Roster {
  definitions: readonly ShiftDefinition[];
  pattern: WorkPattern;
  changes: readonly RosterChange[];
}

export interface ShiftInstance {
  /** The local day the shift starts on. */
  date: string;
  code: string;
  label: string;
  kind: ShiftDefinition['kind'];
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  /** True when it ends on a later local day than it starts. */
  overnight: boolean;
}

/** The pattern's code on a date, before one-off changes. */
export function patternCodeOn(pattern: WorkPattern, date: string): string | null {
  switch (pattern.kind) {
    case 'weekly':
      return pattern.weekdays.includes(isoWeekday(date)) ? (pattern.code ?? 'D') : null;
    case 'cycle': {
      const n = pattern.days.length;
      if (n === 0) return null;
      const i = ((isoDayDiff(pattern.anchor, date) % n) + n) % n;
      return pattern.days[i] === true ? (pattern.code ?? 'D') : null;
    }
    case 'sequence': {
      const n = pattern.codes.length;
      if (n === 0) return null;
      const i = ((isoDayDiff(pattern.anchor, date) % n) + n) % n;
      const code = pattern.codes[i] ?? OFF_CODE;
      return code === OFF_CODE || code === '' ? null : code;
    }
    default: {
      const never: never = pattern;
      return never;
    }
  }
}

export function shiftCodeOn(roster: Pick<Roster, 'pattern' | 'changes'>, date: string): string | null {
  const change = roster.changes.find((c) => c.date === date);
  if (change) return change.code;
  return patternCodeOn(roster.pattern, date);
}

export function definitionOf(roster: Pick<Roster, 'definitions'>, code: string): ShiftDefinition | undefined {
  return roster.definitions.find((d) => d.code === code) ?? DEFAULT_SHIFT_DEFINITIONS.find((d) => d.code === code);
}

export function shiftOn(roster: Roster, date: string, zone: string): ShiftInstance | null {
  const code = shiftCodeOn(roster, date);
  if (code === null) return null;
  const def = definitionOf(roster, code);
  if (!def) return null;
  const s = parseHhmm(def.start);
  let e = parseHhmm(def.end);
  if (e <= s) e += 1440;
  return {
    date,
    code,
    label: def.label,
    kind: def.kind,
    start: def.start,
    end: def.end,
    startMs: localToInstant(date, s, zone),
    endMs: localToInstant(date, e, zone),
    overnight: e > 1440,
  };
}

/** Shifts that start on the days in [from, to], in order. */
export function shiftsBetween(roster: Roster, from: string, to: string, zone: string): ShiftInstance[] {
  const out: ShiftInstance[] = [];
  for (let d = from; d <= to; d = addIsoDays(d, 1)) {
    const s = shiftOn(roster, d, zone);
    if (s) out.push(s);
  }
  return out;
}

export interface RestLimits {
  restHours: number;
  /** One way, minutes: the session's occupied time is extended by this on both sides. */
  travelMinutes: number;
}

/** The time around a shift a session (with its travel) may not touch. */
function blockedSpan(shift: ShiftInstance, limits: RestLimits): { fromMs: number; toMs: number } {
  const rest = shift.kind === 'work' ? limits.restHours * 3600000 : 0;
  const travel = limits.travelMinutes * 60000;
  return { fromMs: shift.startMs - rest - travel, toMs: shift.endMs + rest + travel };
}

/** The first shift whose rest period a session [startMs, endMs) touches, or null when it keeps the rule. */
export function restConflict(shifts: readonly ShiftInstance[], startMs: number, endMs: number, limits: RestLimits): ShiftInstance | null {
  for (const s of shifts) {
    const b = blockedSpan(s, limits);
    if (startMs < b.toMs && endMs > b.fromMs) return s;
  }
  return null;
}

export interface WindowInput {
  roster: Roster;
  zone: string;
  date: string;
  /** Session length in minutes. */
  minutes: number;
  limits: RestLimits;
  /** Preferred local start 'HH:MM' (default 08:00). */
  preferredStart?: string;
  /** Earliest local start and latest local end of a clinical day (default 06:00 and 22:00). */
  dayStart?: string;
  dayEnd?: string;
}

export type WindowResult =
  | { ok: true; start: string; end: string; startMs: number; endMs: number }
  | {
      ok: false;
      blocker: ShiftInstance | null;
      /** Every shift whose rest period touched a candidate start, in time order. */
      blockers: ShiftInstance[];
      earliestStart: string | null;
      latestEnd: string | null;
    };

const STEP = 15;

/**
 * Where a session of `minutes` fits on `date` between the day's earliest start and latest end without
 * touching any shift's rest period: the start nearest the preferred one, in 15-minute steps.
 */
export function sessionWindow(input: WindowInput): WindowResult {
  const shifts = shiftsBetween(input.roster, addIsoDays(input.date, -2), addIsoDays(input.date, 1), input.zone);
  const dayStart = parseHhmm(input.dayStart ?? '06:00');
  const dayEnd = parseHhmm(input.dayEnd ?? '22:00');
  const preferred = parseHhmm(input.preferredStart ?? '08:00');
  let best: { start: number; startMs: number; endMs: number } | null = null;
  let firstBlocker: ShiftInstance | null = null;
  let preferredBlocker: ShiftInstance | null = null;
  const blockers: ShiftInstance[] = [];
  // On a day without an offset change, local minutes map to instants by plain addition.
  const firstMs = localToInstant(input.date, dayStart, input.zone);
  const steady = localToInstant(input.date, dayEnd, input.zone) - firstMs === (dayEnd - dayStart) * 60000;
  for (let start = dayStart; start + input.minutes <= dayEnd; start += STEP) {
    const startMs = steady ? firstMs + (start - dayStart) * 60000 : localToInstant(input.date, start, input.zone);
    const endMs = startMs + input.minutes * 60000;
    const blocker = restConflict(shifts, startMs, endMs, input.limits);
    if (blocker) {
      firstBlocker ??= blocker;
      for (const s of shifts) {
        const b = blockedSpan(s, input.limits);
        if (startMs < b.toMs && endMs > b.fromMs && !blockers.includes(s)) blockers.push(s);
      }
      if (Math.abs(start - preferred) < STEP) preferredBlocker = blocker;
      continue;
    }
    if (!best || Math.abs(start - preferred) < Math.abs(best.start - preferred)) best = { start, startMs, endMs };
  }
  if (best) {
    const endLocal = instantToLocal(best.endMs, input.zone);
    return { ok: true, start: formatHhmm(best.start), end: formatHhmm(endLocal.minutes), startMs: best.startMs, endMs: best.endMs };
  }
  const blocker = preferredBlocker ?? firstBlocker;
  blockers.sort((a, b) => a.startMs - b.startMs);
  if (!blocker) return { ok: false, blocker: null, blockers, earliestStart: null, latestEnd: null };
  const span = blockedSpan(blocker, input.limits);
  const afterEnd = instantToLocal(span.toMs, input.zone);
  const beforeStart = instantToLocal(span.fromMs, input.zone);
  return {
    ok: false,
    blocker,
    blockers,
    earliestStart: afterEnd.date === input.date ? formatHhmm(afterEnd.minutes) : null,
    latestEnd: beforeStart.date === input.date ? formatHhmm(beforeStart.minutes) : null,
  };
}

function article(label: string): string {
  const l = label.toLowerCase();
  return /^[aeiou]/.test(l) ? `an ${l}` : `a ${l}`;
}

/** Why shifts block a day: "you finish a night at 07:00 and start a night at 19:00". */
export function describeShiftBlocks(shifts: readonly ShiftInstance[], date: string, zone: string): string {
  const parts = [...new Set(shifts.map((s) => describeShiftBlock(s, date, zone)))];
  return parts.map((p, i) => (i === 0 ? p : p.replace(/^you /, ''))).join(' and ');
}

/** Why a shift blocks a day, as the user would say it: "you finish a night at 07:00". */
export function describeShiftBlock(shift: ShiftInstance, date: string, zone: string): string {
  const end = instantToLocal(shift.endMs, zone);
  const start = instantToLocal(shift.startMs, zone);
  const what = article(shift.label);
  if (start.date === date && end.date === date) return `you work ${what} ${shift.start}–${shift.end}`;
  if (start.date === date) return `you start ${what} at ${shift.start}`;
  if (end.date === date) return `you finish ${what} at ${shift.end}`;
  if (end.date < date) return `you finish ${what} at ${shift.end} the day before`;
  return `you start ${what} at ${shift.start} the next day`;
}
