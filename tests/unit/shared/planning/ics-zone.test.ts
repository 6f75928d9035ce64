import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, rotationSessionEvent, shiftEvent } from '../../../../shared/planning/ics';
import { shiftsBetween, type Roster } from '../../../../shared/planning/roster';
import { rotatingPattern } from '../../../../shared/planning/schedule';

const ZONE = 'America/Chicago';
const DTSTAMP = new Date(Date.UTC(2026, 2, 1, 9, 0, 0));
const roster: Roster = {
  definitions: [{ code: 'N', label: 'Night', start: '19:00', end: '07:00', kind: 'work' }],
  pattern: rotatingPattern(3, 4, '2026-03-06', 'N'),
  changes: [],
};

// The DST change week: sessions on Thu Mar 5 (CST) and Tue Mar 10 (CDT), nights Mar 6-8 across the change.
function build(extraLocation = '12 Main St, Springfield') {
  const events = [
    rotationSessionEvent({ id: '41', date: '2026-03-05', siteId: 1, hours: 8, status: 'planned', startTime: '08:00' }, 'Mercy Imaging', {
      location: `Mercy Imaging, ${extraLocation}`,
    }),
    rotationSessionEvent({ id: '42', date: '2026-03-10', siteId: 1, hours: 8, status: 'planned', startTime: '08:00' }, 'Mercy Imaging', {
      location: `Mercy Imaging, ${extraLocation}`,
    }),
    ...shiftsBetween(roster, '2026-03-05', '2026-03-11', ZONE).map(shiftEvent),
  ];
  return buildIcs(events, { dtstamp: DTSTAMP, timeZone: ZONE, calendarName: 'RadLedger' });
}

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  // Calendars resolve TZID through the file's own VTIMEZONE; so does ical.js once it is registered.
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { cal, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('.ics with the user\'s time zone', () => {
  const text = build();
  const { cal, events } = parse(text);

  it('carries a VTIMEZONE for the zone with both of 2026\'s changes', () => {
    const tz = cal.getFirstSubcomponent('vtimezone')!;
    expect(tz.getFirstPropertyValue('tzid')).toBe(ZONE);
    const starts = [...tz.getAllSubcomponents('daylight'), ...tz.getAllSubcomponents('standard')].map((c) => String(c.getFirstPropertyValue('dtstart')));
    expect(starts).toContain('2026-03-08T02:00:00');
    expect(starts).toContain('2026-11-01T02:00:00');
  });

  it('writes timed events with TZID whose instants are right on both sides of the change', () => {
    const [before, after] = events;
    expect(before!.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe(ZONE);
    expect(before!.startDate.toString()).toBe('2026-03-05T08:00:00');
    expect(before!.startDate.toJSDate().toISOString()).toBe('2026-03-05T14:00:00.000Z'); // CST, UTC-6
    expect(after!.startDate.toJSDate().toISOString()).toBe('2026-03-10T13:00:00.000Z'); // CDT, UTC-5
    expect(after!.endDate.toString()).toBe('2026-03-10T16:00:00');
    expect(before!.location).toBe('Mercy Imaging, 12 Main St, Springfield');
  });

  it('exports the work shifts: the night across the change lasts 11 h and ends at 07:00 local', () => {
    const night = events.find((e) => e.uid === 'shift-2026-03-07-N@radledger.local')!;
    expect(night.summary).toBe('Work: Night (N)');
    expect(night.startDate.toString()).toBe('2026-03-07T19:00:00');
    expect(night.endDate.toString()).toBe('2026-03-08T07:00:00');
    expect((night.endDate.toUnixTime() - night.startDate.toUnixTime()) / 3600).toBe(11);
  });

  it('keeps UIDs stable across two exports, so a re-import updates instead of duplicating', () => {
    const again = parse(build('12 Main St, Springfield (new entrance)'));
    expect(again.events.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });
});
