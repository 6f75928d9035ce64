// The shared per-track evaluation cache (electron/core/evaluation-cache.ts) must give exactly what a
// fresh read of the file and a fresh evaluate() give, after every kind of change: creates, edits,
// deletes and restores through the services, raw SQL writes the audit log never sees, a bulk insert
// of many entries (as an import does), and a restore of a backup (a new connection).
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../electron/core/backend';
import { validateCatalog, type Catalog } from '../../../../shared/catalog/schema';
import { evaluate, type EngineEntry, type Evaluation } from '../../../../shared/engine/evaluate';
import type { ChannelName } from '../../../../shared/ipc/contract';
import { seedProgressLog, SEED_TODAY } from '../../../helpers/progress-seed';
import { fixedClock, tempDir } from '../../../helpers/tmp';
import { call } from '../../../helpers/backend';
import { createDispatcher } from '../../../../electron/core/dispatch';
import { openDatabase } from '../../../../electron/core/db/open';
import type { Ctx } from '../../../../electron/core/context';

/** The evaluation computed from scratch: every live row read now, names matched by hand, evaluate(). */
function freshEvaluation(b: Backend, trackId: number): Evaluation {
  const db = b.db;
  const track = db.prepare('SELECT * FROM tracks WHERE id = ?').get(trackId) as {
    catalog_id: number;
    start_date: string;
    planned_application_date: string | null;
    exam_window_assigned_on: string | null;
    mqsa_qualified_on: string | null;
  };
  const json = db.prepare('SELECT json FROM catalogs WHERE id = ?').pluck().get(track.catalog_id) as string;
  const v = validateCatalog(JSON.parse(json));
  if (!v.ok) throw new Error('catalog invalid');
  const catalog: Catalog = v.catalog;
  const procedures = catalog.categories.flatMap((c) => c.procedures);
  const ids = new Set(procedures.map((p) => p.id));
  const byName = new Map(procedures.map((p) => [p.name.trim().toLowerCase(), p.id]));
  const rows = db
    .prepare('SELECT * FROM entries WHERE track_id = ? AND deleted_at IS NULL ORDER BY id')
    .all(trackId) as Array<Record<string, unknown>>;
  const entries: EngineEntry[] = rows.map((r) => {
    const id = r.procedure_id as string | null;
    const name = (r.procedure_name as string).trim().toLowerCase();
    return {
      id: r.id as number,
      performedOn: r.performed_on as string,
      performedAt: r.performed_at as string | null,
      createdAt: r.created_at as string,
      procedureId: id !== null && ids.has(id) ? id : (byName.get(name) ?? id),
      simulated: r.simulated === 1,
      patientMarker: r.patient_marker as number | null,
    };
  });
  return evaluate(catalog, entries, {
    today: SEED_TODAY,
    trackStart: track.start_date,
    plannedApplicationDate: track.planned_application_date,
    examWindowAssignedOn: track.exam_window_assigned_on,
    mqsaQualifiedOn: track.mqsa_qualified_on,
  });
}

/** dashboard.get on a new connection to the same file: nothing cached, every figure made from scratch. */
async function freshDashboard(b: Backend, trackId: number): Promise<unknown> {
  const db = openDatabase(b.db.name);
  try {
    const ctx: Ctx = { db, dataDir: '', databaseFile: b.db.name, host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T15:00:00Z') };
    const r = await createDispatcher(() => ctx)('dashboard.get', { trackId, paceWindowWeeks: 8 });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  } finally {
    db.close();
  }
}

async function expectCurrent(b: Backend, trackId: number): Promise<void> {
  const fresh = freshEvaluation(b, trackId);
  // Dashboard first, then the quick log's evaluation: both read the one shared cache.
  const dash = await call(b, 'dashboard.get', { trackId, paceWindowWeeks: 8 });
  const progress = await call(b, 'progress.evaluate', { trackId, verdicts: 'all' });
  expect(progress.evaluation).toEqual(fresh);
  expect(dash.overall.counted).toBe(fresh.totals.counted);
  expect(dash.overall.performed).toBe(fresh.totals.performed);
  // Every figure of the dashboard (charts, forecast, sites per missing procedure) kept current
  // entry by entry equals the one made from scratch.
  expect(dash).toEqual(await freshDashboard(b, trackId));
  // The trimmed answer must not trim the shared evaluation.
  await call(b, 'progress.evaluate', { trackId, verdicts: 'none' });
  expect((await call(b, 'progress.evaluate', { trackId, verdicts: 'all' })).evaluation).toEqual(fresh);
}

let open: Backend | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

describe('shared per-track evaluation cache', () => {
  it('equals a fresh full evaluation after creates, edits, deletes, restores, raw writes, a bulk insert and a restore', async () => {
    const b = (open = openBackend({ dataDir: tempDir(), host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T15:00:00Z') }));
    const { trackId } = await seedProgressLog((c, i) => b.dispatch(c as ChannelName, i) as never);
    await expectCurrent(b, trackId);
    const backup = await call(b, 'backups.create', undefined);
    const before = freshEvaluation(b, trackId);

    // Create: a procedure still missing (Renal Stone), then one more Routine Head (surplus).
    const created = await call(b, 'entries.create', { trackId, performedOn: '2026-11-20', procedureName: 'Renal Stone Protocol', siteName: 'Mercy General' });
    await expectCurrent(b, trackId);
    await call(b, 'entries.create', { trackId, performedOn: '2026-11-21', procedureName: 'Routine Head', siteName: 'Mercy General' });
    await expectCurrent(b, trackId);

    // Edit: move the new entry to another procedure and day.
    await call(b, 'entries.update', {
      id: created.id,
      performedOn: '2026-11-22',
      performedAt: '09:30',
      procedureName: 'Soft Tissue Neck',
      siteName: 'Mercy General',
      verifierName: null,
      notes: '',
      simulated: false,
      status: 'draft',
    });
    await expectCurrent(b, trackId);

    // Delete and restore several entries at once.
    const someIds = b.db.prepare('SELECT id FROM entries WHERE track_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 5').pluck().all(trackId) as number[];
    await call(b, 'entries.delete', { ids: someIds });
    await expectCurrent(b, trackId);
    await call(b, 'entries.restore', { ids: someIds.slice(0, 3) });
    await expectCurrent(b, trackId);

    // Raw SQL the audit log never sees: a procedure id dropped (then matched by name), a day moved.
    b.db.prepare('UPDATE entries SET procedure_id = NULL WHERE id = ?').run(someIds[0]);
    b.db.prepare("UPDATE entries SET performed_on = '2026-11-23' WHERE id = ?").run(someIds[1]);
    await expectCurrent(b, trackId);

    // The change-recording triggers gone (as when the table is rebuilt on this connection): still current.
    b.db.exec('DROP TRIGGER temp.radledger_entry_insert');
    b.db.prepare("INSERT INTO entries (track_id, performed_on, procedure_name, simulated, created_at, updated_at) VALUES (?, '2026-11-12', 'Orbits', 0, ?, ?)").run(trackId, 'x', 'x');
    await expectCurrent(b, trackId);

    // Many entries in one transaction (as an import writes them): more than the cache patches.
    const now = '2026-11-24T15:00:00.000Z';
    const insert = b.db.prepare(
      `INSERT INTO entries (track_id, performed_on, procedure_id, procedure_name, simulated, created_at, updated_at)
       VALUES (?, ?, NULL, ?, 0, ?, ?)`,
    );
    b.db.transaction(() => {
      for (let i = 0; i < 700; i++) insert.run(trackId, `2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`, i % 2 ? 'Renal Stone Protocol' : 'Cervical Spine', now, now);
    })();
    await expectCurrent(b, trackId);
    // A small batch (patched, not reloaded), including a hard delete.
    b.db.transaction(() => {
      for (let i = 0; i < 3; i++) insert.run(trackId, '2026-11-10', 'HRCT Lungs', now, now);
    })();
    b.db.prepare('DELETE FROM entries WHERE id = (SELECT max(id) FROM entries)').run();
    await expectCurrent(b, trackId);

    // Restore the backup taken at the start: the connection is replaced.
    await call(b, 'backups.restore', { source: { kind: 'backup', name: backup.name } });
    expect(freshEvaluation(b, trackId)).toEqual(before);
    await expectCurrent(b, trackId);
  });

  it('sees writes from another connection (data_version)', async () => {
    const dir = tempDir();
    const b = (open = openBackend({ dataDir: dir, host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T15:00:00Z') }));
    const { trackId } = await seedProgressLog((c, i) => b.dispatch(c as ChannelName, i) as never);
    await expectCurrent(b, trackId);
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(b.db.name);
    try {
      other.prepare("UPDATE entries SET deleted_at = '2026-11-24T15:00:00.000Z' WHERE track_id = ? AND procedure_name = 'Routine Chest'").run(trackId);
    } finally {
      other.close();
    }
    await expectCurrent(b, trackId);
  });
});
