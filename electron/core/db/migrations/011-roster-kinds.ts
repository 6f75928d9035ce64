import { inferComplianceKind } from '../../../../shared/sites/kinds';
import type { ComplianceKind } from '../../../../shared/sites/types';
import type { Migration } from './types';

// Shift roster with times, the rest rule, and compliance items by kind.
//
// Planning: shift definitions (code, label, start, end, work or on-call), one-off roster changes, and
// new settings columns (a 'sequence' pattern of codes, the code an on/off pattern works, rest hours,
// the time zone, the preferred session start). Existing on/off patterns keep their days and become
// shifts of the default definition 'D' (07:00-19:00); existing sessions keep their date, start time
// (null = all day) and hours.
//
// Compliance: the item and requirement kinds gain the vaccinations and tests sites ask for by name
// (flu, TB, hepatitis B, MMR, varicella, Tdap, COVID-19). Existing immunization/custom rows get the
// specific kind when their name makes it clear (shared/sites/kinds.ts). The same function maps items
// and requirements, so a name that matched before still matches: both sides land on the same kind.
// A table of links lets the user say by hand which document satisfies a requirement.
//
// SQLite cannot change a CHECK constraint in place, so the three tables whose CHECK lists grow are
// rebuilt (create new, copy, drop, rename); their ids are kept.
const KINDS = `'hipaa', 'liability-insurance', 'immunization', 'bls-cpr', 'background-check', 'drug-screen', 'custom',
  'flu-vaccination', 'tb-test', 'hepatitis-b', 'mmr', 'varicella', 'tdap', 'covid-19'`;

export const m011RosterKinds: Migration = {
  version: 11,
  name: 'roster-kinds',
  up(db) {
    db.exec(`
      CREATE TABLE shift_definitions (
        code TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 4 AND code <> 'O'),
        label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 40),
        start_time TEXT NOT NULL CHECK (length(start_time) = 5),
        end_time TEXT NOT NULL CHECK (length(end_time) = 5),
        kind TEXT NOT NULL DEFAULT 'work' CHECK (kind IN ('work', 'on-call')),
        position INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      INSERT INTO shift_definitions (code, label, start_time, end_time, kind, position) VALUES
        ('D', 'Day', '07:00', '19:00', 'work', 1),
        ('N', 'Night', '19:00', '07:00', 'work', 2),
        ('E', 'Evening', '15:00', '23:00', 'work', 3),
        ('OC', 'On call', '17:00', '07:00', 'on-call', 4);

      CREATE TABLE roster_changes (
        date TEXT PRIMARY KEY,
        -- The code worked that day instead of the pattern's; NULL is a day off.
        code TEXT REFERENCES shift_definitions(code) ON UPDATE CASCADE ON DELETE CASCADE,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE planning_settings_new (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        pattern_kind TEXT NOT NULL DEFAULT 'weekly' CHECK (pattern_kind IN ('weekly', 'cycle', 'sequence')),
        weekdays_json TEXT NOT NULL DEFAULT '[1,2,3,4,5]',
        cycle_anchor TEXT,
        cycle_days_json TEXT NOT NULL DEFAULT '[]',
        -- weekly / cycle: the shift code worked on an on day; sequence: the codes, 'O' = off
        shift_code TEXT NOT NULL DEFAULT 'D',
        sequence_json TEXT NOT NULL DEFAULT '[]',
        max_travel_minutes INTEGER NOT NULL DEFAULT 120 CHECK (max_travel_minutes >= 0),
        shift_hours REAL NOT NULL DEFAULT 8 CHECK (shift_hours > 0 AND shift_hours <= 24),
        max_day_hours REAL NOT NULL DEFAULT 12 CHECK (max_day_hours > 0 AND max_day_hours <= 24),
        max_rotation_days_per_week INTEGER NOT NULL DEFAULT 2
          CHECK (max_rotation_days_per_week BETWEEN 1 AND 7),
        target_date TEXT,
        rest_hours REAL NOT NULL DEFAULT 10 CHECK (rest_hours >= 0 AND rest_hours <= 24),
        -- IANA zone; NULL = the computer's zone
        time_zone TEXT,
        preferred_start TEXT NOT NULL DEFAULT '08:00' CHECK (length(preferred_start) = 5),
        updated_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO planning_settings_new (id, pattern_kind, weekdays_json, cycle_anchor, cycle_days_json, max_travel_minutes,
                                         shift_hours, max_day_hours, max_rotation_days_per_week, target_date, updated_at)
        SELECT id, pattern_kind, weekdays_json, cycle_anchor, cycle_days_json, max_travel_minutes,
               shift_hours, max_day_hours, max_rotation_days_per_week, target_date, updated_at FROM planning_settings;
      DROP TABLE planning_settings;
      ALTER TABLE planning_settings_new RENAME TO planning_settings;

      CREATE TABLE compliance_items_new (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN (${KINDS})),
        label TEXT NOT NULL DEFAULT '',
        issued_on TEXT,
        expires_on TEXT CHECK (expires_on IS NULL OR issued_on IS NULL OR expires_on >= issued_on),
        hipaa_source TEXT
          CHECK (hipaa_source IS NULL OR hipaa_source IN ('employer', 'clinical-facility', 'educational-program', 'online', 'other')),
        insurance_coverage TEXT
          CHECK (insurance_coverage IS NULL OR insurance_coverage IN ('employer', 'own-policy', 'educational-program')),
        insurer TEXT NOT NULL DEFAULT '',
        policy_number TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        attachment_id INTEGER REFERENCES attachments(id) ON DELETE RESTRICT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      INSERT INTO compliance_items_new SELECT id, kind, label, issued_on, expires_on, hipaa_source, insurance_coverage, insurer,
        policy_number, notes, attachment_id, created_at, updated_at, deleted_at FROM compliance_items;
      DROP TABLE compliance_items;
      ALTER TABLE compliance_items_new RENAME TO compliance_items;

      CREATE TABLE site_requirements_new (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN (${KINDS})),
        label TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
        UNIQUE (site_id, kind, label)
      ) STRICT;
      INSERT INTO site_requirements_new SELECT id, site_id, kind, label FROM site_requirements;
      DROP TABLE site_requirements;
      ALTER TABLE site_requirements_new RENAME TO site_requirements;

      -- "This document satisfies that requirement", set by hand; per requirement (kind + label), so it
      -- holds for every site that asks for the same thing and survives a site's requirements being re-saved.
      CREATE TABLE compliance_links (
        id INTEGER PRIMARY KEY,
        requirement_kind TEXT NOT NULL CHECK (requirement_kind IN (${KINDS})),
        requirement_label TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
        item_id INTEGER NOT NULL REFERENCES compliance_items(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        UNIQUE (requirement_kind, requirement_label)
      ) STRICT;
      CREATE INDEX compliance_links_item ON compliance_links (item_id);
    `);

    const items = db.prepare('SELECT id, kind, label FROM compliance_items').all() as Array<{ id: number; kind: ComplianceKind; label: string }>;
    const setItem = db.prepare('UPDATE compliance_items SET kind = ? WHERE id = ?');
    for (const i of items) {
      const kind = inferComplianceKind(i.kind, i.label);
      if (kind !== i.kind) setItem.run(kind, i.id);
    }
    const reqs = db.prepare('SELECT id, site_id, kind, label FROM site_requirements').all() as Array<{
      id: number;
      site_id: number;
      kind: ComplianceKind;
      label: string;
    }>;
    const setReq = db.prepare('UPDATE site_requirements SET kind = ? WHERE id = ?');
    const clash = db.prepare('SELECT 1 FROM site_requirements WHERE site_id = ? AND kind = ? AND label = ? AND id <> ?');
    const drop = db.prepare('DELETE FROM site_requirements WHERE id = ?');
    for (const r of reqs) {
      const kind = inferComplianceKind(r.kind, r.label);
      if (kind === r.kind) continue;
      // Two spellings of one requirement on a site ("Flu" as immunization and as custom) become one.
      if (clash.get(r.site_id, kind, r.label, r.id)) drop.run(r.id);
      else setReq.run(kind, r.id);
    }
  },
};
