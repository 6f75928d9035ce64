// Names that count: renaming a procedure across a track's log (so entries logged under a personal
// name take the catalog's), and merging two sites that are the same place. Both audited, both
// undoable (a rename by renaming back the same entries; a merge by its result naming what moved).
import { z } from 'zod';
import type { SignatureImpact } from '../sites/signature-impact';
import { channel } from './define';
import { voidSignatures } from './sites';
import { id } from './tracks';

export interface ProcedureRenameResult {
  updated: number;
  /** The entries renamed, so the UI's undo renames exactly these back. */
  ids: number[];
  from: string;
  to: string;
}

export interface SiteMergeResult {
  /** Entries moved from the merged site to the kept one. */
  movedEntries: number;
  kept: { id: number; name: string };
  removedName: string;
}

export const siteMergeInput = z.strictObject({ fromId: id, intoId: id, voidSignatures });

export const procedureRenameInput = z.strictObject({
  trackId: id,
  /** The procedure name as logged (case-insensitive). */
  from: z.string().trim().min(1).max(200, { abort: true }),
  /** The new name: a catalog procedure's name takes its id and spelling. */
  to: z.string().trim().min(1, 'Name the procedure.').max(200, { abort: true }),
  /** Only these entries (the undo of a rename); all live entries with `from` when absent. */
  ids: z.array(id).max(1_000_000).optional(),
  voidSignatures,
});

export const nameChannels = {
  /** Renamed signed entries' signatures are voided (the digest covers the procedure): refused unless `voidSignatures`. */
  'entries.renameProcedure': channel<ProcedureRenameResult>()(procedureRenameInput),
  /** Whose signatures this rename would void, found without making it. */
  'entries.renameProcedureImpact': channel<SignatureImpact>()(procedureRenameInput),
  /** The merged site's signed entries take the kept site's name: refused unless `voidSignatures`. */
  'sites.merge': channel<SiteMergeResult>()(siteMergeInput),
  /** Whose signatures this merge would void, found without making it. */
  'sites.mergeImpact': channel<SignatureImpact>()(siteMergeInput),
};
