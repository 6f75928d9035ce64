// A track's progress as the backend computes it: its live entries read from SQLite, then the
// engine's evaluate(). While no progress/dashboard channel is in the contract, the bench measures
// this (the work any such channel must do at least); once one is, the bench dispatches it instead.
import { builtinCatalog } from '../../shared/catalog/builtin';
import { CHANNEL_NAMES } from '../../shared/ipc/contract';
import { evaluate, type EngineEntry, type Evaluation } from '../../shared/engine/evaluate';
import type { DB } from '../../electron/core/db/open';
import { CATALOG_KEY, TRACK_CONTEXT } from './dataset';

const catalog = builtinCatalog(CATALOG_KEY)!;

interface Row {
  id: number;
  performed_on: string;
  performed_at: string | null;
  created_at: string;
  procedure_id: string | null;
  simulated: number;
  patient_marker: number | null;
}

export function trackEngineEntries(db: DB, trackId: number): EngineEntry[] {
  const rows = db
    .prepare(
      `SELECT id, performed_on, performed_at, created_at, procedure_id, simulated, patient_marker
       FROM entries WHERE track_id = ? AND deleted_at IS NULL`,
    )
    .all(trackId) as Row[];
  return rows.map((r) => ({
    id: r.id,
    performedOn: r.performed_on,
    performedAt: r.performed_at,
    createdAt: r.created_at,
    procedureId: r.procedure_id,
    simulated: r.simulated === 1,
    patientMarker: r.patient_marker,
  }));
}

export function evaluateTrack(db: DB, trackId: number): Evaluation {
  return evaluate(catalog, trackEngineEntries(db, trackId), TRACK_CONTEXT);
}

/**
 * The contract's channel for a track's progress or dashboard data, if one has landed: the first
 * name in `candidates` (or, failing those, any `dashboard.*` / `progress.*` channel) that exists.
 */
export function findChannel(candidates: readonly string[], prefixes: readonly string[]): string | null {
  const names = CHANNEL_NAMES as readonly string[];
  return candidates.find((c) => names.includes(c)) ?? names.find((n) => prefixes.some((p) => n.startsWith(p))) ?? null;
}

export const DASHBOARD_CHANNELS = ['dashboard.get', 'dashboard.track', 'progress.dashboard', 'dashboard.data'];
export const EVALUATE_CHANNELS = ['progress.evaluate', 'progress.get', 'progress.track'];
