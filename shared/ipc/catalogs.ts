// Catalog and progress channels.
//   catalogs.list        shipped + saved catalogs (summaries)
//   catalogs.get         one catalog by saved revision id or by key (latest saved, else shipped)
//   catalogs.save        validate and save a catalog as a new revision (identical content reuses the last)
//   catalogs.import      the same from JSON file text, with field-level errors
//   catalogs.export      JSON text and a file name
//   catalogs.parsePaste  pasted worksheet table -> preview (the parser is pure: the renderer may also
//                        import shared/catalog/paste-parser directly)
//   catalogs.assign      set a track's catalog, guarded by discipline and the version rules
//   progress.evaluate    run the engine for a track on its catalog and live entries
import { z } from 'zod';
import type { PasteResult } from '../catalog/paste-parser';
import { PROCEDURE_KINDS, type Catalog, type ProceduresStatus } from '../catalog/schema';
import type { VersionWarning } from '../catalog/versions';
import type { Track } from '../domain';
import type { Evaluation, NotCountingReason } from '../engine/evaluate';
import { channel } from './define';
import { id } from './tracks';

export interface CatalogSummary {
  /** 'builtin': shipped in resources/catalogs; 'saved': a revision stored in the database. */
  origin: 'builtin' | 'saved';
  /** Saved revision id (null for a shipped catalog not yet used by a track). */
  id: number | null;
  revision: number | null;
  key: string;
  title: string;
  label: string | null;
  kind: Catalog['kind'];
  discipline: Catalog['discipline'];
  versionLabel: string;
  effectiveDate: string | null;
  expiresOn: string | null;
  proceduresStatus: ProceduresStatus;
  procedureCount: number;
  tracksUsing: number;
  /** False for older saved revisions of a key. */
  latest: boolean;
  createdAt: string | null;
}

export interface CatalogListing {
  builtin: CatalogSummary[];
  saved: CatalogSummary[];
}

export interface CatalogDocument {
  summary: CatalogSummary;
  catalog: Catalog;
}

export interface SavedCatalog extends CatalogDocument {
  /** False when the content equalled the latest revision, which is returned instead. */
  created: boolean;
}

export interface CatalogExport {
  fileName: string;
  text: string;
}

export const VERDICT_SCOPES = ['all', 'exceptions', 'none'] as const;

export interface ProgressReport {
  track: Track;
  /** The track's catalog, or the shipped version it would use when none is assigned yet. */
  catalog: CatalogSummary | null;
  catalogAssigned: boolean;
  evaluation: Evaluation | null;
  versionWarnings: VersionWarning[];
  /** Plain-language reason per kind, with this catalog's numbers filled in. */
  reasonTexts: Record<NotCountingReason, string>;
}

const catalogRef = z.union([z.strictObject({ id }), z.strictObject({ key: z.string().min(1).max(80, { abort: true }) })]);

export const catalogChannels = {
  'catalogs.list': channel<CatalogListing>()(z.undefined()),
  'catalogs.get': channel<CatalogDocument>()(catalogRef),
  'catalogs.save': channel<SavedCatalog>()(z.strictObject({ catalog: z.unknown() })),
  'catalogs.import': channel<SavedCatalog>()(z.strictObject({ text: z.string().max(5_000_000, { message: 'This file is too large to be a catalog.', abort: true }) })),
  'catalogs.export': channel<CatalogExport>()(catalogRef),
  'catalogs.parsePaste': channel<PasteResult>()(
    z.strictObject({ text: z.string().max(1_000_000, { message: 'Paste at most 1 MB of text.', abort: true }), defaultKind: z.enum(PROCEDURE_KINDS).optional() }),
  ),
  'catalogs.assign': channel<Track>()(z.strictObject({ trackId: id, catalog: catalogRef })),
  'progress.evaluate': channel<ProgressReport>()(
    z.strictObject({
      trackId: id,
      /** Which entry verdicts to return: 'exceptions' = entries that do not count or carry a flag. */
      verdicts: z.enum(VERDICT_SCOPES).default('exceptions'),
    }),
  ),
};
