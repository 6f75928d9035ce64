// Measurements through the backend's public door: openBackend() and dispatch(channel, input), the
// same path Electron's IPC and the preview server take (zod validation included).
//
// Exported API
//   openBenchBackend(dataDir)                 openBackend with the bench clock; waits for start-up work
//   lightDispatch(file)                       a dispatcher over openDatabase only (no start-up backup), for 1M
//   call(dispatch, channel, input)            dispatch and unwrap, throwing on a failure Result
//   has(channel)                              whether the contract has the channel yet
//   logOneEntry(backend, trackId, i)          entries.create then the track's re-evaluation; timing split
//   dashboardData(dispatch, db, trackId)      the dashboard channel, or the engine over the track's rows
//   rawSingleInsert(db, trackId)              baseline: one row, its own transaction, app pragmas
import { copyFileSync } from 'node:fs';
import { isChannelName } from '../../shared/ipc/contract';
import { openBackend, type Backend } from '../../electron/core/backend';
import { createDispatcher, type Dispatch } from '../../electron/core/dispatch';
import { openDatabase, type DB } from '../../electron/core/db/open';
import type { Ctx } from '../../electron/core/context';
import { addDaysIso } from '../../shared/engine/calendar';
import { allProcedures } from '../../shared/catalog/schema';
import { builtinCatalog } from '../../shared/catalog/builtin';
import { BENCH_NOW, CATALOG_KEY, entryRows, INSERT_ENTRY_SQL, type DatasetSpec } from './dataset';
import { DASHBOARD_CHANNELS, EVALUATE_CHANNELS, evaluateTrack, findChannel } from './progress';

export async function openBenchBackend(dataDir: string): Promise<Backend> {
  const backend = openBackend({ dataDir, host: 'preview', appVersion: 'bench', now: () => BENCH_NOW });
  await backend.ready;
  return backend;
}

/** The dispatcher over a plain connection: for the 1M set, whose start-up backup would cost minutes of disk. */
export function lightDispatch(file: string): { db: DB; dispatch: Dispatch; close: () => void } {
  const db = openDatabase(file);
  const ctx: Ctx = { db, dataDir: file.replace(/[/\\][^/\\]+$/, ''), databaseFile: file, host: 'preview', appVersion: 'bench', now: () => BENCH_NOW };
  return { db, dispatch: createDispatcher(() => ctx), close: () => db.close() };
}

export function has(channel: string): boolean {
  return isChannelName(channel);
}

export async function call<T = unknown>(dispatch: Dispatch, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.kind}: ${r.error.message}`);
  return r.value as T;
}

/** Names the quick log would offer: the bench catalog's own procedures. */
const PROCEDURES = allProcedures(builtinCatalog(CATALOG_KEY)!).slice(0, 5).map((p) => p.name);

/** The entry the quick log would send; spread over the last 30 days so no day piles up. */
function quickLogInput(trackId: number, i: number) {
  return {
    trackId,
    performedOn: addDaysIso(BENCH_NOW.toISOString().slice(0, 10), -(Math.abs(i) % 30)),
    performedAt: '10:15',
    procedureName: PROCEDURES[Math.abs(i) % PROCEDURES.length]!,
    siteName: 'Mercy General',
    verifierName: 'J. Rivera, R.T.(R)(CT)',
    notes: '',
  };
}

/**
 * Logs one entry (validate, insert, audit in entries.create) and re-evaluates the track, as the
 * quick log does before it shows the new counts. Returns the milliseconds of each part.
 */
export async function logOneEntry(backend: Backend, trackId: number, i: number): Promise<{ create: number; evaluate: number }> {
  const t0 = performance.now();
  await call(backend.dispatch, 'entries.create', quickLogInput(trackId, i));
  const t1 = performance.now();
  const channel = findChannel(EVALUATE_CHANNELS, []) ?? findChannel(DASHBOARD_CHANNELS, []);
  // The quick log's requirement hint asks exactly this after each save (RequirementHint.tsx).
  if (channel === 'progress.evaluate') await call(backend.dispatch, channel, { trackId, verdicts: 'none' });
  else if (channel) await call(backend.dispatch, channel, { trackId });
  else evaluateTrack(backend.db, trackId);
  return { create: t1 - t0, evaluate: performance.now() - t1 };
}

/**
 * Gives every track the bench catalog (the example catalog synth.ts draws procedures from), as a
 * user would on the Requirements page, so the engine and dashboard work on real procedure ids.
 * Opening the backend here also takes the day's first backup, so later opens are ordinary ones.
 */
export async function assignBenchCatalog(dataDir: string): Promise<string> {
  const backend = await openBenchBackend(dataDir);
  try {
    if (!has('catalogs.assign')) return 'no catalogs.assign channel: tracks keep the discipline default';
    const tracks = await call<Array<{ id: number }>>(backend.dispatch, 'tracks.list', undefined);
    for (const t of tracks) await call(backend.dispatch, 'catalogs.assign', { trackId: t.id, catalog: { key: CATALOG_KEY } });
    return `tracks on catalog ${CATALOG_KEY}`;
  } finally {
    backend.close();
  }
}

let touched = 0;

/**
 * "A change" before a dashboard sample: one live entry of the track moves by a minute, as an edit
 * in the log does. The time is a column the engine reads, so the evaluation cache patches that
 * entry and the engine runs again (its incremental path); a different entry each call. (Touching
 * only the track row, as this did before, no longer re-ran the engine once the cache landed.)
 */
export function touchTrack(db: DB, trackId: number): void {
  const ids = db.prepare('SELECT id FROM entries WHERE track_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET ?');
  const total = db.prepare('SELECT count(*) FROM entries WHERE track_id = ? AND deleted_at IS NULL').pluck().get(trackId) as number;
  const id = total ? (ids.pluck().get(trackId, (touched++ * 7919) % total) as number) : null;
  if (id === null) return;
  db.prepare("UPDATE entries SET performed_at = CASE WHEN performed_at = '10:00' THEN '10:01' ELSE '10:00' END WHERE id = ?").run(id);
}

/** Which path dashboardData takes, for the notes. */
export function dashboardSource(): string {
  const channel = findChannel(DASHBOARD_CHANNELS, ['dashboard.']);
  return channel ? `via ${channel}` : 'no dashboard channel yet: entries read + evaluate() + per-procedure counts';
}

export async function dashboardData(dispatch: Dispatch, db: DB, trackId: number): Promise<unknown> {
  const channel = findChannel(DASHBOARD_CHANNELS, ['dashboard.']);
  if (channel) return call(dispatch, channel, { trackId });
  const evaluation = evaluateTrack(db, trackId);
  const counts = db
    .prepare('SELECT procedure_name, count(*) AS n FROM entries WHERE track_id = ? AND deleted_at IS NULL GROUP BY procedure_name')
    .all(trackId);
  return { evaluation, counts };
}

/** Baseline for one logged entry: one raw row in its own transaction, on the same file. */
export function rawSingleInsert(db: DB, spec: DatasetSpec): () => void {
  const insert = db.prepare(INSERT_ENTRY_SQL);
  const row = entryRows(spec, 0, 1)[0]!;
  return () => {
    db.transaction(() => insert.run(row))();
  };
}

/** Baseline for a backup: copying the database file's bytes with the file system. */
export function fileCopy(file: string, to: string): () => void {
  return () => copyFileSync(file, to);
}
