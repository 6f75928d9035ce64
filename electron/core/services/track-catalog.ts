// The requirement catalog that governs a track: its assigned saved revision, or (before one is
// assigned) the shipped ARRT version a track starting that day must use, as progress.evaluate
// does. Capture uses it for the type-ahead list and to refuse names outside a catalog that lists
// procedures.
import { currentCatalogFor } from '../../../shared/catalog/builtin';
import { validateCatalog, type Catalog } from '../../../shared/catalog/schema';
import type { Track } from '../../../shared/domain';
import type { DB } from '../db/open';
import { getCatalogRevision } from '../tables/catalogs';

export interface CatalogProcedureOption {
  id: string;
  name: string;
  category: string;
}

export function trackCatalog(db: DB, track: Pick<Track, 'catalogId' | 'discipline' | 'startDate'>): Catalog | null {
  if (track.catalogId === null) return currentCatalogFor(track.discipline, track.startDate) ?? null;
  const stored = getCatalogRevision(db, track.catalogId);
  if (!stored) return null;
  const v = validateCatalog(stored.raw);
  return v.ok ? v.catalog : null;
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
