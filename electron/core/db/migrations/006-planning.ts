import type { Migration } from './types';

// Planning: the user's work schedule (one recurring shift pattern and the planner's limits), time
// off, and rotation sessions at sites (planned or done). Plus the index the dashboard's
// "where did I perform it" aggregate reads (site x procedure within one track, live entries only).
//
// The pattern is one row (id = 1): a person has one job schedule, shared by every track. Its weekly
// weekdays and cycle flags are small JSON arrays because they are read and written whole.
export const m006Planning: Migration = {
  version: 6,
  name: 'planning',
  up(db) {
    db.exec(`
      CREATE TABLE planning_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        pattern_kind TEXT NOT NULL DEFAULT 'weekly' CHECK (pattern_kind IN ('weekly', 'cycle')),
        -- weekly: weekdays worked, 0 = Sunday ... 6 = Saturday
        weekdays_json TEXT NOT NULL DEFAULT '[1,2,3,4,5]',
        -- cycle: day 0 of the cycle and one on/off flag per day of the cycle
        cycle_anchor TEXT,
        cycle_days_json TEXT NOT NULL DEFAULT '[]',
        max_travel_minutes INTEGER NOT NULL DEFAULT 120 CHECK (max_travel_minutes >= 0),
        shift_hours REAL NOT NULL DEFAULT 8 CHECK (shift_hours > 0 AND shift_hours <= 24),
        max_day_hours REAL NOT NULL DEFAULT 12 CHECK (max_day_hours > 0 AND max_day_hours <= 24),
        max_rotation_days_per_week INTEGER NOT NULL DEFAULT 2
          CHECK (max_rotation_days_per_week BETWEEN 1 AND 7),
        target_date TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE time_off (
        id INTEGER PRIMARY KEY,
        from_date TEXT NOT NULL,
        to_date TEXT NOT NULL CHECK (to_date >= from_date),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX time_off_dates ON time_off (to_date, from_date);

      CREATE TABLE rotation_sessions (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        start_time TEXT CHECK (start_time IS NULL OR length(start_time) = 5),
        hours REAL NOT NULL CHECK (hours > 0 AND hours <= 24),
        status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done')),
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX rotation_sessions_date ON rotation_sessions (date, id);

      -- The dashboard's aggregates, read from the index alone: counts per site and procedure (and
      -- distinct days per site) within one track. The trailing deleted_at (always NULL inside this
      -- partial index) is there because SQLite treats the partial index's filter column as one the
      -- query needs: without it every row would be looked up in the table (100,000 lookups on a big log).
      CREATE INDEX entries_track_site_procedure
        ON entries (track_id, site_id, procedure_id, procedure_name, performed_on, deleted_at)
        WHERE deleted_at IS NULL;
    `);
  },
};
