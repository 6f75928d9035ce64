// Planning tables: the one settings row (shift pattern + planner limits), time off, rotation sessions.
import type { Weekday, WorkPattern } from '../../../shared/planning/schedule';
import type { PlanningSettings, RotationSessionRecord, TimeOffRecord } from '../../../shared/ipc/planning';
import type { DB } from '../db/open';

interface SettingsRow {
  pattern_kind: 'weekly' | 'cycle';
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
  saved: false,
};

function toPattern(r: SettingsRow): WorkPattern {
  if (r.pattern_kind === 'cycle' && r.cycle_anchor) {
    return { kind: 'cycle', anchor: r.cycle_anchor, days: JSON.parse(r.cycle_days_json) as boolean[] };
  }
  return { kind: 'weekly', weekdays: JSON.parse(r.weekdays_json) as Weekday[] };
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
    saved: true,
  };
}

export function saveSettings(db: DB, s: Omit<PlanningSettings, 'saved'>, now: string): void {
  const weekly = s.pattern.kind === 'weekly';
  db.prepare(
    `INSERT INTO planning_settings (id, pattern_kind, weekdays_json, cycle_anchor, cycle_days_json, max_travel_minutes,
                                    shift_hours, max_day_hours, max_rotation_days_per_week, target_date, updated_at)
     VALUES (1, @kind, @weekdays, @anchor, @cycle, @maxTravel, @shiftHours, @maxDayHours, @perWeek, @target, @now)
     ON CONFLICT (id) DO UPDATE SET pattern_kind = excluded.pattern_kind, weekdays_json = excluded.weekdays_json,
       cycle_anchor = excluded.cycle_anchor, cycle_days_json = excluded.cycle_days_json,
       max_travel_minutes = excluded.max_travel_minutes, shift_hours = excluded.shift_hours,
       max_day_hours = excluded.max_day_hours, max_rotation_days_per_week = excluded.max_rotation_days_per_week,
       target_date = excluded.target_date, updated_at = excluded.updated_at`,
  ).run({
    kind: s.pattern.kind,
    weekdays: JSON.stringify(weekly ? [...(s.pattern as { weekdays: readonly Weekday[] }).weekdays].sort() : []),
    anchor: s.pattern.kind === 'cycle' ? s.pattern.anchor : null,
    cycle: JSON.stringify(s.pattern.kind === 'cycle' ? s.pattern.days : []),
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
}

/** Sites the planner may use: not declined or ended. */
export function planningSites(db: DB): PlanningSite[] {
  return db
    .prepare(
      `SELECT id, name, travel_minutes AS travelMinutes, status FROM sites
       WHERE status NOT IN ('declined', 'ended') ORDER BY name COLLATE NOCASE`,
    )
    .all() as PlanningSite[];
}
