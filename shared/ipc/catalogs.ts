// Catalog and progress channels.
//   catalogs.list        shipped + saved catalogs (summaries)
//   catalogs.get         one catalog by saved revision id or by key (latest saved, else shipped)
//   catalogs.save        validate and save a catalog as a new revision (identical content reuses the last)
//   catalogs.import      the same from JSON file text, with field-level errors
//   catalogs.export      JSON text and a file name
//   catalogs.parsePaste  pasted worksheet table -> preview (the parser is pure: the renderer may also
//                        import shared/catalog/paste-parser directly)
//   catalogs.assign      set a track's catalog, guarded by discipline and the version rules
//   catalogs.readWorksheet  a worksheet file (PDF, CSV, XLSX) -> table text for the paste preview
//   catalogs.compare     a readable diff of two catalogs (revisions or versions)
//   (catalogs.save and catalogs.import take an optional trackId: the saved revision is then used
//   by that track in the same step, unless that would change the requirements under its log)
//   progress.evaluate    run the engine for a track on its catalog and live entries
import { z } from 'zod';
import type { PasteResult } from '../catalog/paste-parser';
import { PROCEDURE_KINDS, type Catalog, type ProceduresStatus } from '../catalog/schema';
import type { CatalogDiff } from '../catalog/diff';
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
  /** 'derived: 24 months after …' when the end date is worked out, not printed by ARRT. */
  expiresDerived: string | null;
  proceduresStatus: ProceduresStatus;
  procedureCount: number;
  tracksUsing: number;
  /** False for older saved revisions of a key. */
  latest: boolean;
  createdAt: string | null;
  /** The file a shared catalog was imported from: shown as "Not verified by RadLedger". */
  importedFrom: string | null;
}

export const NOT_VERIFIED_LABEL = 'Not verified by RadLedger';

export interface CatalogListing {
  builtin: CatalogSummary[];
  saved: CatalogSummary[];
}

export interface CatalogDocument {
  summary: CatalogSummary;
  catalog: Catalog;
}

/**
 * What happened to the track a catalog was saved or imported for:
 * - assigned: the track now uses the saved revision;
 * - already: it used that revision already;
 * - kept: the track has entries measured against another filled catalog; it stays on it until the
 *   user switches (the version guard: requirements never change under a log silently);
 * - refused: the catalog cannot serve the track (discipline or version rules); `message` says why.
 */
export interface TrackAssignment {
  trackId: number;
  trackName: string;
  status: 'assigned' | 'already' | 'kept' | 'refused';
  message: string;
}

export interface SavedCatalog extends CatalogDocument {
  /** False when the content equalled the latest revision, which is returned instead. */
  created: boolean;
  /** Present when a trackId was given. */
  assignment: TrackAssignment | null;
}

export interface WorksheetText {
  format: 'pdf' | 'csv' | 'xlsx';
  /** Table text for the paste parser (tab-separated rows where columns were found). */
  text: string;
  /** Pages read (PDF only). */
  pages: number | null;
}

export const WORKSHEET_MAX_BYTES = 20 * 1024 * 1024;

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
  'catalogs.save': channel<SavedCatalog>()(z.strictObject({ catalog: z.unknown(), trackId: id.optional() })),
  'catalogs.import': channel<SavedCatalog>()(
    z.strictObject({
      text: z.string().max(5_000_000, { message: 'This file is too large to be a catalog.', abort: true }),
      /** The file's name, kept with the revision ("Not verified by RadLedger, from …"). */
      fileName: z.string().trim().min(1).max(260, { abort: true }).optional(),
      trackId: id.optional(),
    }),
  ),
  'catalogs.export': channel<CatalogExport>()(catalogRef),
  'catalogs.parsePaste': channel<PasteResult>()(
    z.strictObject({ text: z.string().max(1_000_000, { message: 'Paste at most 1 MB of text.', abort: true }), defaultKind: z.enum(PROCEDURE_KINDS).optional() }),
  ),
  'catalogs.assign': channel<Track>()(z.strictObject({ trackId: id, catalog: catalogRef })),
  'catalogs.readWorksheet': channel<WorksheetText>()(
    z.strictObject({
      fileName: z.string().trim().min(1).max(260, { abort: true }),
      dataBase64: z.string().min(1).max(Math.ceil((WORKSHEET_MAX_BYTES * 4) / 3) + 4, { message: 'The file is larger than 20 MB.', abort: true }),
    }),
  ),
  'catalogs.compare': channel<CatalogDiff>()(z.strictObject({ from: catalogRef, to: catalogRef })),
  'progress.evaluate': channel<ProgressReport>()(
    z.strictObject({
      trackId: id,
      /** Which entry verdicts to return: 'exceptions' = entries that do not count or carry a flag. */
      verdicts: z.enum(VERDICT_SCOPES).default('exceptions'),
    }),
  ),
};
