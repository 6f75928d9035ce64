// The requirement catalog that governs a track: its assigned saved revision, or (before one is
// assigned) the shipped ARRT version a track starting that day must use, as progress.evaluate
// does. Capture uses it for the type-ahead list and to refuse names outside a catalog that lists
// procedures.
import { currentCatalogFor } from '../../../shared/catalog/builtin';
import { validateCatalog, type Catalog } from '../../../shared/catalog/schema';
import { disciplineByCode } from '../../../shared/disciplines';
import type { Track } from '../../../shared/domain';
import type { DayCap } from '../../../shared/ipc/entries';
import { DAILY_CAP_FROM } from '../../../shared/signoff/arrt-days';
import type { EngineContext } from '../../../shared/engine/evaluate';
import type { DB } from '../db/open';
import { getCatalogRow, parseCatalogRow, type StoredCatalog } from '../tables/catalogs';

export interface CatalogProcedureOption {
  id: string;
  name: string;
  category: string;
}

export interface ValidatedRevision {
  stored: StoredCatalog;
  validation: ReturnType<typeof validateCatalog>;
}

// Revisions are immutable (trigger catalogs_immutable), so a revision is parsed and validated once
// per connection, not on every create or evaluation. The stored text is still compared on each
// look-up: an id can come back after a deleted revision, and the comparison costs microseconds.
const revisions = new WeakMap<DB, Map<number, { json: string; revision: ValidatedRevision }>>();

/** A saved revision, parsed and validated (the same objects on every call while the row is unchanged). */
export function validatedRevision(db: DB, id: number): ValidatedRevision | undefined {
  const row = getCatalogRow(db, id);
  if (!row) return undefined;
  let perDb = revisions.get(db);
  if (!perDb) revisions.set(db, (perDb = new Map()));
  const hit = perDb.get(id);
  if (hit && hit.json === row.json) return hit.revision;
  const stored = parseCatalogRow(row);
  const revision = { stored, validation: validateCatalog(stored.raw) };
  perDb.set(id, { json: row.json, revision });
  return revision;
}

/**
 * The entries-per-day limit for this track on this day: the one its requirement list sets (what the
 * engine applies), named as the list's own when the list is the user's rather than RadLedger's
 * ARRT or example list; without any list, ARRT's limit for the discipline. `from` is the first day
 * the limit applies (null: every day, or no limit at all).
 */
export function dailyCap(db: DB, track: Track, performedOn: string): DayCap {
  const catalog = trackCatalog(db, track);
  if (catalog) {
    const cap = catalog.dailyCap?.value ?? null;
    if (cap === null) return { cap: null, source: null, from: null };
    const from = catalog.dailyCapAppliesFrom?.value ?? null;
    return { cap: from === null || performedOn >= from ? cap : null, source: catalog.kind === 'custom' ? 'requirements' : 'arrt', from };
  }
  const cap = disciplineByCode(track.discipline)?.dailyCap ?? null;
  if (cap === null) return { cap: null, source: null, from: null };
  return { cap: performedOn >= DAILY_CAP_FROM ? cap : null, source: 'arrt', from: DAILY_CAP_FROM };
}

export function trackCatalog(db: DB, track: Pick<Track, 'catalogId' | 'discipline' | 'startDate'>): Catalog | null {
  if (track.catalogId === null) return currentCatalogFor(track.discipline, track.startDate) ?? null;
  const v = validatedRevision(db, track.catalogId)?.validation;
  return v?.ok ? v.catalog : null;
}

/**
 * Whether entries must name a procedure of the catalog. Only a catalog whose list says it is
 * complete binds: a partial list (e.g. mammography 2020-07-01, where ARRT's update names only the
 * changed items) must still accept the procedures it does not list yet.
 */
export function catalogListIsBinding(db: DB, track: Track): boolean {
  return trackCatalog(db, track)?.proceduresStatus === 'complete';
}

export function catalogProcedures(db: DB, track: Track): CatalogProcedureOption[] {
  const catalog = trackCatalog(db, track);
  if (!catalog) return [];
  return catalog.categories.flatMap((c) => c.procedures.map((p) => ({ id: p.id, name: p.name, category: c.name })));
}

/** The engine's context for a track on a day: one place, so every caller freezes the window alike. */
export function engineContext(track: Track, today: string): EngineContext {
  return {
    today,
    trackStart: track.startDate,
    plannedApplicationDate: track.plannedApplicationDate,
    examWindowAssignedOn: track.examWindowAssignedOn,
    mqsaQualifiedOn: track.mqsaQualifiedOn,
    windowLockedOn: track.windowLockedOn,
  };
}
