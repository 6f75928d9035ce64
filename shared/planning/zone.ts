// Local wall-clock time <-> instants in an IANA time zone, with nothing but Intl (no tz database
// of our own). Shifts and rotation sessions are written in local time ('2026-03-08' at '07:00'); the
// rest rule measures hours between instants, so a night across a DST change is 11 or 13 hours long.
//
// Exported API:
//   systemTimeZone()                           the zone this process runs in ('UTC' when unknown)
//   isValidTimeZone(zone)
//   offsetMinutes(zone, instantMs)             local minus UTC, in minutes, at that instant
//   localToInstant(date, minutes, zone)        ms of local `date` + `minutes` from midnight (may exceed 1440)
//   instantToLocal(ms, zone)                   { date, minutes } of that instant on the local clock
//   parseHhmm('07:30') -> 450, formatHhmm(450) -> '07:30'
//   zoneTransitions(zone, fromMs, toMs)        the offset changes in a range (for VTIMEZONE)
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function systemTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function isValidTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

function wallClockMs(zone: string, ms: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
}

function rawOffset(zone: string, instantMs: number): number {
  const whole = Math.floor(instantMs / 60000) * 60000;
  return Math.round((wallClockMs(zone, whole) - whole) / 60000);
}

interface YearTable {
  base: number;
  /** Offset changes in the year, ascending: from `at` on, the offset is `offset`. */
  changes: Array<{ at: number; offset: number }>;
}

const years = new Map<string, YearTable>();

/** One zone-year's offsets, found once (day by day, then to the minute) and looked up after. */
function yearTable(zone: string, year: number): YearTable {
  const key = `${zone}|${year}`;
  let table = years.get(key);
  if (table) return table;
  const from = Date.UTC(year, 0, 1);
  const to = Date.UTC(year + 1, 0, 1);
  const base = rawOffset(zone, from);
  const changes: YearTable['changes'] = [];
  let prev = base;
  let prevT = from;
  for (let t = from + 86400000; t <= to; t += 86400000) {
    const cur = rawOffset(zone, t);
    if (cur !== prev) {
      let lo = prevT;
      let hi = t;
      while (hi - lo > 60000) {
        const mid = Math.floor((lo + hi) / 2 / 60000) * 60000;
        if (rawOffset(zone, mid) === prev) lo = mid;
        else hi = mid;
      }
      changes.push({ at: hi, offset: cur });
      prev = cur;
    }
    prevT = t;
  }
  table = { base, changes };
  years.set(key, table);
  return table;
}

/** Local minus UTC in minutes at an instant; a table per zone and year, so repeated calls are cheap. */
export function offsetMinutes(zone: string, instantMs: number): number {
  const table = yearTable(zone, new Date(instantMs).getUTCFullYear());
  let offset = table.base;
  for (const c of table.changes) {
    if (c.at <= instantMs) offset = c.offset;
    else break;
  }
  return offset;
}

/**
 * The instant of a local wall-clock time. A time that does not exist (inside a spring-forward gap)
 * lands after the gap, as clocks show it; an ambiguous time (fall-back) takes the first occurrence.
 */
export function localToInstant(date: string, minutes: number, zone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y!, m! - 1, d!) + minutes * 60000;
  const first = offsetMinutes(zone, wall);
  let t = wall - first * 60000;
  const second = offsetMinutes(zone, t);
  if (second !== first) {
    const t2 = wall - second * 60000;
    // Gap: neither guess maps back to the wall time; take the later reading (after the gap).
    t = offsetMinutes(zone, t2) === second ? t2 : Math.max(t, t2);
  }
  // Ambiguous: prefer the earlier instant that shows the same wall time.
  const earlier = t - 3600000;
  if (earlier + offsetMinutes(zone, earlier) * 60000 === wall) t = earlier;
  return t;
}

export function instantToLocal(ms: number, zone: string): { date: string; minutes: number } {
  const wall = Math.floor(ms / 60000) * 60000 + offsetMinutes(zone, ms) * 60000;
  const day = Math.floor(wall / 86400000) * 86400000;
  return { date: new Date(day).toISOString().slice(0, 10), minutes: Math.round((wall - day) / 60000) };
}

export function parseHhmm(value: string): number {
  const [h, m] = value.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function formatHhmm(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export interface ZoneTransition {
  /** The first instant with the new offset. */
  atMs: number;
  fromOffset: number;
  toOffset: number;
}

/** Offset changes between two instants, found day by day and then to the minute. */
export function zoneTransitions(zone: string, fromMs: number, toMs: number): ZoneTransition[] {
  const out: ZoneTransition[] = [];
  const step = 86400000;
  let prevT = fromMs;
  let prev = offsetMinutes(zone, prevT);
  for (let t = fromMs + step; t <= toMs + step; t += step) {
    const cur = offsetMinutes(zone, t);
    if (cur !== prev) {
      let lo = prevT;
      let hi = t;
      while (hi - lo > 60000) {
        const mid = Math.floor((lo + hi) / 2 / 60000) * 60000;
        if (offsetMinutes(zone, mid) === prev) lo = mid;
        else hi = mid;
      }
      out.push({ atMs: hi, fromOffset: prev, toOffset: cur });
      prev = cur;
    }
    prevT = t;
  }
  return out;
}
