// iCalendar (RFC 5545) export of rotation sessions, work shifts and follow-ups, built with ical.js,
// so any calendar app imports the plan. Pure: the DTSTAMP instant is passed in, never read from the
// clock, so the same plan always gives the same file; each UID is derived from the record's identity
// (a session's id, a shift's day and code), so importing again updates events instead of duplicating.
//
// Exported API:
//   IcsEvent                           one event: all-day (no startTime) or timed
//   buildIcs(events, options): string  the whole VCALENDAR text, CRLF line endings, folded at 75 octets
//   vtimezone(zone, fromMs, toMs)      the VTIMEZONE component for an IANA zone over a range (ical.js)
//   rotationSessionEvent(session, siteName, extra?) / shiftEvent(shift)
//   escapeIcsText(value), foldIcsLine(line)
//
// Times: with `options.timeZone` a timed event is written as local time with TZID=<zone>, and the
// file carries that zone's VTIMEZONE (its offsets and DST changes, read from Intl for the years the
// events span), so a 07:00 shift shows at 07:00 in that zone and at the right instant anywhere else.
// Without a zone, timed events are "floating" (no TZID, no Z).
import ICAL from 'ical.js';
import type { ShiftInstance } from './roster';
import type { RotationSession } from './schedule';
import { addIsoDays } from './schedule';
import { instantToLocal, localToInstant, offsetMinutes, parseHhmm, zoneTransitions } from './zone';

export interface IcsEvent {
  /** Stable id of the record, e.g. 'rotation-12', 'shift-2026-03-08-N' or 'follow-up-3'. */
  id: string;
  summary: string;
  /** ISO 'YYYY-MM-DD'. */
  date: string;
  /** Local 'HH:MM'; omit for an all-day event. */
  startTime?: string;
  /** Length of a timed event (default 60). */
  durationMinutes?: number;
  location?: string;
  description?: string;
  /** Shown as the event's category (e.g. 'Rotation', 'Work shift'). */
  category?: string;
}

export interface IcsOptions {
  /** The DTSTAMP instant (when the file was made); passed in so output is deterministic. */
  dtstamp: Date;
  /** Right-hand side of every UID (default 'radledger.local'). */
  uidDomain?: string;
  /** Shown as the calendar's name by apps that read X-WR-CALNAME. */
  calendarName?: string;
  /** IANA zone of the local times; timed events get TZID and the file its VTIMEZONE. */
  timeZone?: string;
}

export const PRODID = '-//RadLedger//Rotation planner//EN';

/** RFC 5545 TEXT escaping: backslash, semicolon, comma, and line breaks as \n. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Fold one content line so no physical line exceeds 75 octets (RFC 5545 section 3.1): continuation
 * lines start with one space, which counts toward their 75. Never splits a UTF-8 character.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0) as number);
    if (octets + n > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n');
}

function floatingTime(date: string, minutes: number): ICAL.Time {
  const [year, month, day] = date.split('-').map(Number);
  return ICAL.Time.fromData({ year: year!, month: month!, day: day!, hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, isDate: false });
}

function dateValue(date: string): ICAL.Time {
  const [year, month, day] = date.split('-').map(Number);
  return ICAL.Time.fromData({ year: year!, month: month!, day: day!, isDate: true });
}

function offsetValue(minutes: number): ICAL.UtcOffset {
  return ICAL.UtcOffset.fromSeconds(minutes * 60);
}

function zoneAbbreviation(zone: string, ms: number): string | null {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName');
    return part?.value ?? null;
  } catch {
    return null;
  }
}

/**
 * A VTIMEZONE for `zone` covering [fromMs, toMs]: one STANDARD or DAYLIGHT observance per offset
 * change in the range (DTSTART is the local time just before the change, per RFC 5545), or one
 * STANDARD observance when the zone does not change there.
 */
export function vtimezone(zone: string, fromMs: number, toMs: number): ICAL.Component {
  const tz = new ICAL.Component('vtimezone');
  tz.addPropertyWithValue('tzid', zone);
  const transitions = zoneTransitions(zone, fromMs, toMs);
  const observance = (kind: 'standard' | 'daylight', startLocal: { date: string; minutes: number }, from: number, to: number, atMs: number) => {
    const c = new ICAL.Component(kind);
    c.addPropertyWithValue('dtstart', floatingTime(startLocal.date, startLocal.minutes));
    c.addPropertyWithValue('tzoffsetfrom', offsetValue(from));
    c.addPropertyWithValue('tzoffsetto', offsetValue(to));
    const name = zoneAbbreviation(zone, atMs);
    if (name) c.addPropertyWithValue('tzname', name);
    tz.addSubcomponent(c);
  };
  if (transitions.length === 0) {
    const offset = offsetMinutes(zone, fromMs);
    observance('standard', { date: '1970-01-01', minutes: 0 }, offset, offset, fromMs);
    return tz;
  }
  // The offset in force at the start of the range, so times before the first change resolve too.
  const first = transitions[0]!;
  observance(first.fromOffset > first.toOffset ? 'daylight' : 'standard', { date: '1970-01-01', minutes: 0 }, first.fromOffset, first.fromOffset, fromMs);
  for (const t of transitions) {
    // DTSTART = the instant of the change expressed in the old offset's wall clock.
    const wall = new Date(t.atMs + t.fromOffset * 60000);
    const startLocal = { date: wall.toISOString().slice(0, 10), minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes() };
    observance(t.toOffset > t.fromOffset ? 'daylight' : 'standard', startLocal, t.fromOffset, t.toOffset, t.atMs);
  }
  return tz;
}

function eventComponent(event: IcsEvent, dtstamp: ICAL.Time, domain: string, zone: string | undefined): ICAL.Component {
  const v = new ICAL.Component('vevent');
  v.addPropertyWithValue('uid', `${event.id}@${domain}`);
  v.addPropertyWithValue('dtstamp', dtstamp);
  if (event.startTime) {
    const start = parseHhmm(event.startTime);
    const duration = event.durationMinutes ?? 60;
    let endDate: string;
    let endMinutes: number;
    if (zone) {
      // The end is measured in real time: 8 hours from 22:00 on a spring-forward night ends at 07:00.
      const endLocal = instantToLocal(localToInstant(event.date, start, zone) + duration * 60000, zone);
      endDate = endLocal.date;
      endMinutes = endLocal.minutes;
    } else {
      const total = start + duration;
      const dayOffset = Math.floor(total / 1440);
      endDate = addIsoDays(event.date, dayOffset);
      endMinutes = total - dayOffset * 1440;
    }
    const dtstart = v.addPropertyWithValue('dtstart', floatingTime(event.date, start));
    const dtend = v.addPropertyWithValue('dtend', floatingTime(endDate, endMinutes));
    if (zone) {
      dtstart.setParameter('tzid', zone);
      dtend.setParameter('tzid', zone);
    }
  } else {
    // DTEND of an all-day event is exclusive: the next day.
    v.addPropertyWithValue('dtstart', dateValue(event.date));
    v.addPropertyWithValue('dtend', dateValue(addIsoDays(event.date, 1)));
  }
  v.addPropertyWithValue('summary', event.summary);
  if (event.location) v.addPropertyWithValue('location', event.location);
  if (event.description) v.addPropertyWithValue('description', event.description);
  if (event.category) v.addPropertyWithValue('categories', event.category);
  return v;
}

export function buildIcs(events: readonly IcsEvent[], options: IcsOptions): string {
  const domain = options.uidDomain ?? 'radledger.local';
  const cal = new ICAL.Component('vcalendar');
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('prodid', PRODID);
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', 'PUBLISH');
  if (options.calendarName) cal.addPropertyWithValue('x-wr-calname', options.calendarName);
  const zone = options.timeZone;
  const timed = events.filter((e) => e.startTime);
  if (zone) {
    cal.addPropertyWithValue('x-wr-timezone', zone);
    if (timed.length > 0) {
      const dates = timed.map((e) => e.date).sort();
      const from = localToInstant(dates[0]!, 0, zone) - 370 * 86400000;
      const to = localToInstant(dates[dates.length - 1]!, 0, zone) + 370 * 86400000;
      cal.addSubcomponent(vtimezone(zone, from, to));
    }
  }
  const stamp = ICAL.Time.fromJSDate(options.dtstamp, true);
  for (const event of events) cal.addSubcomponent(eventComponent(event, stamp, domain, zone));
  // ical.js folds at foldLength octets plus the leading space; 74 keeps every physical line within 75.
  const saved = ICAL.foldLength;
  ICAL.foldLength = 74;
  try {
    return cal.toString().replace(/\r?\n/g, '\r\n') + '\r\n';
  } finally {
    ICAL.foldLength = saved;
  }
}

/** A rotation session as an event: timed when it has a start time, otherwise all-day. */
export function rotationSessionEvent(
  session: RotationSession,
  siteName: string,
  extra: { location?: string; description?: string } = {},
): IcsEvent {
  const state = session.status === 'planned' ? 'planned' : 'done';
  const event: IcsEvent = {
    id: `rotation-${session.id}`,
    summary: `Rotation: ${siteName}`,
    date: session.date,
    location: extra.location || siteName,
    description: [`Clinical rotation (${state}), ${session.hours} h.`, extra.description].filter(Boolean).join('\n'),
    category: 'Rotation',
  };
  if (session.startTime) {
    event.startTime = session.startTime;
    event.durationMinutes = Math.round(session.hours * 60);
  }
  return event;
}

/** A work shift as a timed event; its UID is its day and code, so a re-export updates it. */
export function shiftEvent(shift: ShiftInstance): IcsEvent {
  return {
    id: `shift-${shift.date}-${shift.code}`,
    summary: `Work: ${shift.label} (${shift.code})`,
    date: shift.date,
    startTime: shift.start,
    durationMinutes: Math.round((shift.endMs - shift.startMs) / 60000),
    category: 'Work shift',
  };
}
