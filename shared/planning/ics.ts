// iCalendar (RFC 5545) export of planned rotation sessions and follow-ups, so any calendar app can
// import the plan. Pure: the DTSTAMP instant is passed in, never read from the clock, so the same
// plan always gives the same file (and re-importing updates events instead of duplicating them,
// because each UID is derived from the record's stable id).
//
// Exported API:
//   IcsEvent                           one calendar event: all-day (no startTime) or timed in local floating time
//   buildIcs(events, options): string  the whole VCALENDAR text, CRLF line endings, folded at 75 octets
//   rotationSessionEvent(session, siteName, extra?): IcsEvent
//   escapeIcsText(value), foldIcsLine(line)
//
// Times are "floating" (no TZID, no Z): a 07:00 shift stays 07:00 wherever the calendar is opened,
// which is what a clinical day at a site means.
import type { RotationSession } from './schedule';
import { addIsoDays } from './schedule';

export interface IcsEvent {
  /** Stable id of the record, e.g. 'rotation-12' or 'follow-up-3'. */
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
}

export interface IcsOptions {
  /** The DTSTAMP instant (when the file was made); passed in so output is deterministic. */
  dtstamp: Date;
  /** Right-hand side of every UID (default 'radledger.local'). */
  uidDomain?: string;
  /** Shown as the calendar's name by apps that read X-WR-CALNAME. */
  calendarName?: string;
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

const pad = (n: number) => String(n).padStart(2, '0');

function utcStamp(d: Date): string {
  return (
    `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

const basicDate = (iso: string) => iso.replace(/-/g, '');

function floatingDateTime(date: string, minutesFromMidnight: number): string {
  const dayOffset = Math.floor(minutesFromMidnight / 1440);
  const minutes = minutesFromMidnight - dayOffset * 1440;
  return `${basicDate(addIsoDays(date, dayOffset))}T${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}00`;
}

function eventLines(event: IcsEvent, dtstamp: string, domain: string): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${escapeIcsText(`${event.id}@${domain}`)}`, `DTSTAMP:${dtstamp}`];
  if (event.startTime) {
    const [h, m] = event.startTime.split(':').map(Number);
    const start = (h ?? 0) * 60 + (m ?? 0);
    lines.push(`DTSTART:${floatingDateTime(event.date, start)}`);
    lines.push(`DTEND:${floatingDateTime(event.date, start + (event.durationMinutes ?? 60))}`);
  } else {
    // DTEND of an all-day event is exclusive: the next day.
    lines.push(`DTSTART;VALUE=DATE:${basicDate(event.date)}`);
    lines.push(`DTEND;VALUE=DATE:${basicDate(addIsoDays(event.date, 1))}`);
  }
  lines.push(`SUMMARY:${escapeIcsText(event.summary)}`);
  if (event.location) lines.push(`LOCATION:${escapeIcsText(event.location)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeIcsText(event.description)}`);
  lines.push('END:VEVENT');
  return lines;
}

export function buildIcs(events: readonly IcsEvent[], options: IcsOptions): string {
  const dtstamp = utcStamp(options.dtstamp);
  const domain = options.uidDomain ?? 'radledger.local';
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeIcsText(options.calendarName)}`);
  for (const event of events) lines.push(...eventLines(event, dtstamp, domain));
  lines.push('END:VCALENDAR');
  // Every line, the last included, ends in CRLF (RFC 5545 section 3.1).
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
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
    location: extra.location ?? siteName,
    description: [`Clinical rotation (${state}), ${session.hours} h.`, extra.description].filter(Boolean).join('\n'),
  };
  if (session.startTime) {
    event.startTime = session.startTime;
    event.durationMinutes = Math.round(session.hours * 60);
  }
  return event;
}
