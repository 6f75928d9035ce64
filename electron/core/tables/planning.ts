// Planning tables: the one settings row (shift pattern + planner limits), time off, rotation sessions.
import type { RosterChange, ShiftDefinition } from '../../../shared/planning/roster';
import type { Weekday, WorkPattern } from '../../../shared/planning/schedule';
import type { PlanningSettings, RotationSessionRecord, TimeOffRecord } from '../../../shared/ipc/planning';
import type { DB } from '../db/open';

interface SettingsRow {
  pattern_kind: 'weekly' | 'cycle' | 'sequence';
  shift_code: string;
  sequence_json: string;
  rest_hours: number;
  time_zone: string | null;
  preferred_start: string;
  weekdays_json: string;
  cycle_anchor: string | null;
  cycle_days_json: string;
  max_travel_minutes: number;
  shift_hours: number;
  max_day_hours: number;
  max_rotation_days_per_week: number;
  target_date: string | null;
  updated_at: string;
}

/** What the planner assumes before the user says anything: Monday to Friday, the planner's defaults. */
export const DEFAULT_SETTINGS: PlanningSettings = {
  pattern: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5] },
  maxTravelMinutes: 120,
  shiftHours: 8,
  maxDayHours: 12,
  maxRotationDaysPerWeek: 2,
  targetDate: null,
  restHours: 10,
  timeZone: null,
  preferredStart: '08:00',
  saved: false,
};

function toPattern(r: SettingsRow): WorkPattern {
  if (r.pattern_kind === 'sequence' && r.cycle_anchor) {
    return { kind: 'sequence', anchor: r.cycle_anchor, codes: JSON.parse(r.sequence_json) as string[] };
  }
  if (r.pattern_kind === 'cycle' && r.cycle_anchor) {
    return { kind: 'cycle', anchor: r.cycle_anchor, days: JSON.parse(r.cycle_days_json) as boolean[], code: r.shift_code };
  }
  return { kind: 'weekly', weekdays: JSON.parse(r.weekdays_json) as Weekday[], code: r.shift_code };
}

export function getSettings(db: DB): PlanningSettings {
  const r = db.prepare('SELECT * FROM planning_settings WHERE id = 1').get() as SettingsRow | undefined;
  if (!r) return DEFAULT_SETTINGS;
  return {
    pattern: toPattern(r),
    maxTravelMinutes: r.max_travel_minutes,
    shiftHours: r.shift_hours,
    maxDayHours: r.max_day_hours,
    maxRotationDaysPerWeek: r.max_rotation_days_per_week,
    targetDate: r.target_date,
    restHours: r.rest_hours,
    timeZone: r.time_zone,
    preferredStart: r.preferred_start,
    saved: true,
  };
}

export function saveSettings(db: DB, s: Omit<PlanningSettings, 'saved'>, now: string): void {
  const p = s.pattern;
  db.prepare(
    `INSERT INTO planning_settings (id, pattern_kind, weekdays_json, cycle_anchor, cycle_days_json, shift_code, sequence_json,
                                    max_travel_minutes, shift_hours, max_day_hours, max_rotation_days_per_week, target_date,
                                    rest_hours, time_zone, preferred_start, updated_at)
     VALUES (1, @kind, @weekdays, @anchor, @cycle, @code, @sequence, @maxTravel, @shiftHours, @maxDayHours, @perWeek, @target,
             @restHours, @timeZone, @preferredStart, @now)
     ON CONFLICT (id) DO UPDATE SET pattern_kind = excluded.pattern_kind, weekdays_json = excluded.weekdays_json,
       cycle_anchor = excluded.cycle_anchor, cycle_days_json = excluded.cycle_days_json,
       shift_code = excluded.shift_code, sequence_json = excluded.sequence_json,
       max_travel_minutes = excluded.max_travel_minutes, shift_hours = excluded.shift_hours,
       max_day_hours = excluded.max_day_hours, max_rotation_days_per_week = excluded.max_rotation_days_per_week,
       target_date = excluded.target_date, rest_hours = excluded.rest_hours, time_zone = excluded.time_zone,
       preferred_start = excluded.preferred_start, updated_at = excluded.updated_at`,
  ).run({
    kind: p.kind,
    weekdays: JSON.stringify(p.kind === 'weekly' ? [...p.weekdays].sort() : []),
    anchor: p.kind === 'weekly' ? null : p.anchor,
    cycle: JSON.stringify(p.kind === 'cycle' ? p.days : []),
    code: p.kind === 'sequence' ? 'D' : (p.code ?? 'D'),
    sequence: JSON.stringify(p.kind === 'sequence' ? p.codes : []),
    restHours: s.restHours,
    timeZone: s.timeZone,
    preferredStart: s.preferredStart,
    maxTravel: s.maxTravelMinutes,
    shiftHours: s.shiftHours,
    maxDayHours: s.maxDayHours,
    perWeek: s.maxRotationDaysPerWeek,
    target: s.targetDate,
    now,
  });
}

interface TimeOffRow {
  id: number;
  from_date: string;
  to_date: string;
  note: string;
}

const toTimeOff = (r: TimeOffRow): TimeOffRecord => ({ id: r.id, from: r.from_date, to: r.to_date, note: r.note });

export function listTimeOff(db: DB): TimeOffRecord[] {
  return (db.prepare('SELECT id, from_date, to_date, note FROM time_off ORDER BY from_date, id').all() as TimeOffRow[]).map(toTimeOff);
}

export function getTimeOff(db: DB, id: number): TimeOffRecord | undefined {
  const r = db.prepare('SELECT id, from_date, to_date, note FROM time_off WHERE id = ?').get(id) as TimeOffRow | undefined;
  return r && toTimeOff(r);
}

export function insertTimeOff(db: DB, t: { from: string; to: string; note: string; now: string }): number {
  return Number(
    db.prepare('INSERT INTO time_off (from_date, to_date, note, created_at) VALUES (@from, @to, @note, @now)').run(t).lastInsertRowid,
  );
}

export function deleteTimeOff(db: DB, id: number): void {
  db.prepare('DELETE FROM time_off WHERE id = ?').run(id);
}

interface SessionRow {
  id: number;
  site_id: number;
  site_name: string;
  date: string;
  start_time: string | null;
  hours: number;
  status: 'planned' | 'done';
  notes: string;
}

const toSession = (r: SessionRow): RotationSessionRecord => ({
  id: r.id,
  siteId: r.site_id,
  siteName: r.site_name,
  date: r.date,
  startTime: r.start_time,
  hours: r.hours,
  status: r.status,
  notes: r.notes,
});

const SESSION_SELECT = `SELECT s.id, s.site_id, sites.name AS site_name, s.date, s.start_time, s.hours, s.status, s.notes
  FROM rotation_sessions s JOIN sites ON sites.id = s.site_id`;

/** Sessions in [from, to] (either end open when null), by date. */
export function listSessions(db: DB, from: string | null = null, to: string | null = null): RotationSessionRecord[] {
  return (
    db
      .prepare(`${SESSION_SELECT} WHERE (@from IS NULL OR s.date >= @from) AND (@to IS NULL OR s.date <= @to) ORDER BY s.date, s.id`)
      .all({ from, to }) as SessionRow[]
  ).map(toSession);
}

export function getSession(db: DB, id: number): RotationSessionRecord | undefined {
  const r = db.prepare(`${SESSION_SELECT} WHERE s.id = ?`).get(id) as SessionRow | undefined;
  return r && toSession(r);
}

export interface SessionFields {
  siteId: number;
  date: string;
  startTime: string | null;
  hours: number;
  status: 'planned' | 'done';
  notes: string;
  now: string;
}

export function insertSession(db: DB, s: SessionFields): number {
  return Number(
    db
      .prepare(
        `INSERT INTO rotation_sessions (site_id, date, start_time, hours, status, notes, created_at, updated_at)
         VALUES (@siteId, @date, @startTime, @hours, @status, @notes, @now, @now)`,
      )
      .run(s).lastInsertRowid,
  );
}

export function updateSession(db: DB, id: number, s: SessionFields): void {
  db.prepare(
    `UPDATE rotation_sessions SET site_id = @siteId, date = @date, start_time = @startTime, hours = @hours,
            status = @status, notes = @notes, updated_at = @now WHERE id = @id`,
  ).run({ ...s, id });
}

export function deleteSession(db: DB, id: number): void {
  db.prepare('DELETE FROM rotation_sessions WHERE id = ?').run(id);
}

export interface PlanningSite {
  id: number;
  name: string;
  travelMinutes: number | null;
  status: string;
  /** The Sites page's location (address), used as the calendar event's LOCATION. */
  location: string;
}

/** Sites the planner may use: not declined or ended. */
export function planningSites(db: DB): PlanningSite[] {
  return db
    .prepare(
      `SELECT id, name, travel_minutes AS travelMinutes, status, location FROM sites
       WHERE status NOT IN ('declined', 'ended') ORDER BY name COLLATE NOCASE`,
    )
    .all() as PlanningSite[];
}

interface DefinitionRow {
  code: string;
  label: string;
  start_time: string;
  end_time: string;
  kind: 'work' | 'on-call';
}

/** The roster's shift definitions, in the user's order. */
export function listDefinitions(db: DB): ShiftDefinition[] {
  return (
    db.prepare('SELECT code, label, start_time, end_time, kind FROM shift_definitions ORDER BY position, code').all() as DefinitionRow[]
  ).map((r) => ({ code: r.code, label: r.label, start: r.start_time, end: r.end_time, kind: r.kind }));
}

/** Replace the definitions; roster changes that name a removed code go with it (ON DELETE CASCADE). */
export function replaceDefinitions(db: DB, defs: readonly ShiftDefinition[]): void {
  const keep = new Set(defs.map((d) => d.code));
  for (const old of listDefinitions(db)) if (!keep.has(old.code)) db.prepare('DELETE FROM shift_definitions WHERE code = ?').run(old.code);
  const upsert = db.prepare(
    `INSERT INTO shift_definitions (code, label, start_time, end_time, kind, position) VALUES (@code, @label, @start, @end, @kind, @position)
     ON CONFLICT (code) DO UPDATE SET label = excluded.label, start_time = excluded.start_time, end_time = excluded.end_time,
       kind = excluded.kind, position = excluded.position`,
  );
  defs.forEach((d, i) => upsert.run({ ...d, position: i + 1 }));
}

export function listChanges(db: DB): Array<RosterChange & { note: string }> {
  return (db.prepare('SELECT date, code, note FROM roster_changes ORDER BY date').all() as Array<{ date: string; code: string | null; note: string }>).map(
    (r) => ({ date: r.date, code: r.code, note: r.note }),
  );
}

export function getChange(db: DB, date: string): (RosterChange & { note: string }) | undefined {
  return db.prepare('SELECT date, code, note FROM roster_changes WHERE date = ?').get(date) as (RosterChange & { note: string }) | undefined;
}

export function saveChange(db: DB, c: { date: string; code: string | null; note: string }, now: string): void {
  db.prepare(
    `INSERT INTO roster_changes (date, code, note, created_at) VALUES (@date, @code, @note, @now)
     ON CONFLICT (date) DO UPDATE SET code = excluded.code, note = excluded.note`,
  ).run({ ...c, now });
}

export function deleteChange(db: DB, date: string): void {
  db.prepare('DELETE FROM roster_changes WHERE date = ?').run(date);
}
