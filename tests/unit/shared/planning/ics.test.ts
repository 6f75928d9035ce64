import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, escapeIcsText, foldIcsLine, rotationSessionEvent, type IcsEvent } from '../../../../shared/planning/ics';

const DTSTAMP = new Date(Date.UTC(2026, 2, 1, 9, 30, 5)); // 2026-03-01T09:30:05Z

const tricky = 'Bring badge; park in lot B, level 2\nAsk for C:\\CT\\Room 1';
const longText =
  'Café Hospital (Ström Imaging) — MRI suite 🩻: long directions that go on and on so the line must be folded more than once, really.';

const events: IcsEvent[] = [
  rotationSessionEvent({ id: '12', date: '2026-03-05', siteId: 1, hours: 8, status: 'planned' }, 'Near Clinic', {
    description: tricky,
  }),
  rotationSessionEvent(
    { id: '13', date: '2026-03-06', siteId: 2, hours: 10, status: 'planned', startTime: '07:00' },
    'Far Hospital, Radiology',
    { location: longText },
  ),
  { id: 'follow-up-3', summary: 'Call site coordinator', date: '2026-03-09', startTime: '23:30', durationMinutes: 60 },
];

const text = buildIcs(events, { dtstamp: DTSTAMP, calendarName: 'RadLedger rotations' });

function parsedEvents() {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('buildIcs', () => {
  it('writes CRLF line endings only, every physical line at most 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    // The long location was folded (continuation lines start with a space).
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThanOrEqual(2);
  });

  it('declares the calendar properties', () => {
    const { calendar } = parsedEvents();
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//RadLedger//Rotation planner//EN');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('RadLedger rotations');
  });

  it('parses back with ical.js: UIDs, DTSTAMP, all-day and floating timed dates', () => {
    const { events: parsed } = parsedEvents();
    expect(parsed.map((e) => e.uid)).toEqual([
      'rotation-12@radledger.local',
      'rotation-13@radledger.local',
      'follow-up-3@radledger.local',
    ]);
    const [allDay, timed, lateCall] = parsed;
    expect(allDay?.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-03-01T09:30:05Z');

    // All-day: DTEND is the exclusive next day.
    expect(allDay?.startDate.isDate).toBe(true);
    expect(allDay?.startDate.toString()).toBe('2026-03-05');
    expect(allDay?.endDate.toString()).toBe('2026-03-06');

    // Timed, floating (no TZID, no Z): 07:00 + 10 h = 17:00 local.
    expect(timed?.startDate.isDate).toBe(false);
    expect(timed?.startDate.toString()).toBe('2026-03-06T07:00:00');
    expect(timed?.endDate.toString()).toBe('2026-03-06T17:00:00');
    expect(timed?.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBeUndefined();

    // 23:30 + 60 min crosses midnight.
    expect(lateCall?.endDate.toString()).toBe('2026-03-10T00:30:00');
    expect(lateCall?.location).toBeNull();
  });

  it('escapes , ; \\ and newlines so text survives the round trip', () => {
    const { events: parsed } = parsedEvents();
    expect(parsed[0]?.summary).toBe('Rotation: Near Clinic');
    expect(parsed[0]?.description).toBe(`Clinical rotation (planned), 8 h.\n${tricky}`);
    expect(parsed[1]?.summary).toBe('Rotation: Far Hospital, Radiology');
    expect(parsed[1]?.location).toBe(longText);
    expect(text).toContain('SUMMARY:Rotation: Far Hospital\\, Radiology\r\n');
  });

  it('is deterministic: the same plan gives the same file', () => {
    expect(buildIcs(events, { dtstamp: DTSTAMP, calendarName: 'RadLedger rotations' })).toBe(text);
  });
});

describe('text helpers', () => {
  it('escapes per RFC 5545', () => {
    expect(escapeIcsText('a,b;c\\d\r\ne\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a multi-byte character', () => {
    // 74 ASCII + 'é' (2 octets) = 76 octets: the é moves whole to the continuation line.
    const folded = foldIcsLine(`${'x'.repeat(74)}é`);
    expect(folded).toBe(`${'x'.repeat(74)}\r\n é`);
    expect(foldIcsLine('short')).toBe('short');
    // Exactly 75 octets stays on one line.
    expect(foldIcsLine('y'.repeat(75))).toBe('y'.repeat(75));
  });
});
