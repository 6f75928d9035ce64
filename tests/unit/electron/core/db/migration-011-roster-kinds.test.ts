// Migration 011 on a database made by the released schema (version 8): on/off patterns become
// shifts of the default definition, all-day and timed sessions keep their meaning, wallet items and
// site requirements get kinds, and every name match that met a requirement before still meets it.
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openBackend } from '../../../../../electron/core/backend';
import { migrations } from '../../../../../electron/core/db/migrations';
import { openDatabase } from '../../../../../electron/core/db/open';
import { shiftsBetween } from '../../../../../shared/planning/roster';
import { call } from '../../../../helpers/backend';
import { fixedClock, tempDir } from '../../../../helpers/tmp';

let close: (() => void) | undefined;
afterEach(() => close?.());

function released(file: string) {
  const db = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 8) });
  expect(db.pragma('user_version', { simple: true })).toBe(8);
  const t = '2026-10-01T10:00:00Z';
  db.prepare(
    `INSERT INTO planning_settings (id, pattern_kind, weekdays_json, cycle_anchor, cycle_days_json, max_travel_minutes, shift_hours,
       max_day_hours, max_rotation_days_per_week, target_date, updated_at)
     VALUES (1, 'cycle', '[]', '2026-11-23', '[true,true,true,false,false,false,false]', 90, 8, 12, 2, '2027-03-01', ?)`,
  ).run(t);
  const site = (name: string, status: string) =>
    Number(
      db.prepare("INSERT INTO sites (name, status, location, travel_minutes, created_at, updated_at) VALUES (?, ?, '1 Elm St', 30, ?, ?)").run(name, status, t, t)
        .lastInsertRowid,
    );
  const mercy = site('Mercy General', 'agreed');
  const lake = site('Lakeside Imaging', 'prospect');
  db.prepare("INSERT INTO rotation_sessions (site_id, date, start_time, hours, status, notes, created_at, updated_at) VALUES (?, '2026-12-01', NULL, 8, 'planned', 'all day', ?, ?)").run(mercy, t, t);
  db.prepare("INSERT INTO rotation_sessions (site_id, date, start_time, hours, status, notes, created_at, updated_at) VALUES (?, '2026-12-03', '07:30', 10, 'done', '', ?, ?)").run(mercy, t, t);
  const item = (kind: string, label: string, expires: string | null) =>
    db.prepare('INSERT INTO compliance_items (kind, label, expires_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(kind, label, expires, t, t);
  item('immunization', 'Influenza 2026-27', '2027-08-31');
  item('custom', 'TB test (QuantiFERON)', '2027-06-01');
  item('immunization', 'Hepatitis B', null);
  item('custom', 'N95 fit test', '2027-01-15');
  item('hipaa', '', '2027-05-01');
  item('immunization', 'Polio', null);
  const req = db.prepare('INSERT INTO site_requirements (site_id, kind, label) VALUES (?, ?, ?)');
  for (const s of [mercy, lake]) {
    req.run(s, 'immunization', 'Flu vaccination');
    req.run(s, 'custom', 'TB test');
    req.run(s, 'immunization', 'Hepatitis B'); // matched by exact name before
    req.run(s, 'custom', 'N95 fit test'); // matched by exact name before
    req.run(s, 'hipaa', '');
    req.run(s, 'immunization', 'Polio'); // matched by exact name before, stays a labelled immunization
  }
  // The same flu requirement spelled twice on one site collapses into one.
  req.run(mercy, 'custom', 'Flu vaccination');
  // What the released version showed: an item met a requirement of its kind with the same label (or none asked).
  const oldMeets = (i: { kind: string; label: string }, r: { kind: string; label: string }) =>
    i.kind === r.kind && (r.label === '' || i.label.trim().toLowerCase() === r.label.trim().toLowerCase());
  const held = db.prepare('SELECT kind, label FROM compliance_items').all() as Array<{ kind: string; label: string }>;
  const metBefore = (db.prepare('SELECT kind, label FROM site_requirements WHERE site_id = ? ORDER BY id').all(mercy) as Array<{ kind: string; label: string }>)
    .filter((r) => held.some((i) => oldMeets(i, r)))
    .map((r) => r.label);
  return { db, metBefore };
}

it('migration 011 keeps schedules, sessions and wallet matches, and gives kinds to names that say them', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'radledger.sqlite');
  const { db, metBefore } = released(file);
  // Before: name matches only; flu and TB showed as missing.
  expect([...metBefore].sort()).toEqual(['', 'Hepatitis B', 'N95 fit test', 'Polio']);
  db.close();

  const b = openBackend({ dataDir: dir, host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T15:00:00Z') });
  close = () => b.close();
  const state = await call(b, 'planning.get', undefined);
  // The on/off cycle keeps its days and works the default 'D' (07:00-19:00) on them.
  expect(state.settings).toMatchObject({
    pattern: { kind: 'cycle', anchor: '2026-11-23', days: [true, true, true, false, false, false, false], code: 'D' },
    maxTravelMinutes: 90,
    targetDate: '2027-03-01',
    restHours: 10,
    preferredStart: '08:00',
    saved: true,
  });
  expect(state.definitions.map((d) => `${d.code} ${d.start}-${d.end}`)).toEqual(['D 07:00-19:00', 'N 19:00-07:00', 'E 15:00-23:00', 'OC 17:00-07:00']);
  const roster = { definitions: state.definitions, pattern: state.settings.pattern, changes: state.changes };
  expect(shiftsBetween(roster, '2026-11-23', '2026-11-29', 'UTC').map((s) => s.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
  // Sessions keep their meaning: the all-day one stays all day.
  expect(state.sessions.map((s) => [s.date, s.startTime, s.hours, s.status, s.notes])).toEqual([
    ['2026-12-01', null, 8, 'planned', 'all day'],
    ['2026-12-03', '07:30', 10, 'done', ''],
  ]);

  const items = await call(b, 'compliance.list', undefined);
  expect(Object.fromEntries(items.map((i) => [i.label || i.kind, i.kind]))).toEqual({
    'Influenza 2026-27': 'flu-vaccination',
    'TB test (QuantiFERON)': 'tb-test',
    'Hepatitis B': 'hepatitis-b',
    'N95 fit test': 'custom',
    hipaa: 'hipaa',
    Polio: 'immunization',
  });
  const matrix = await call(b, 'compliance.matrix', undefined);
  const mercy = matrix.find((r) => r.siteName === 'Mercy General')!;
  // No false "Missing": flu and TB now match by kind, and the old name matches still match.
  expect(mercy.cells.map((c) => [c.requirement.kind, c.state === 'missing' ? 'missing' : 'met'])).toEqual([
    ['flu-vaccination', 'met'],
    ['tb-test', 'met'],
    ['hepatitis-b', 'met'],
    ['custom', 'met'],
    ['hipaa', 'met'],
    ['immunization', 'met'],
  ]);
  expect(mercy.gaps).toBe(0);
  for (const label of metBefore) {
    const cell = mercy.cells.find((c) => c.requirement.label === label)!;
    expect(cell.state, label).not.toBe('missing');
  }
  // The schema takes the new kinds and refuses unknown ones.
  const raw = openDatabase(file, { migrations });
  expect(raw.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
  raw.prepare("INSERT INTO compliance_items (kind, label, created_at, updated_at) VALUES ('covid-19', 'Booster', 't', 't')").run();
  expect(() => raw.prepare("INSERT INTO compliance_items (kind, label, created_at, updated_at) VALUES ('astrology', '', 't', 't')").run()).toThrow(
    /CHECK constraint failed/,
  );
  expect(raw.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  raw.close();
});
