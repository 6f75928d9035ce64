// Bulk procedure rename in the log, and site merge. Every entry changed gets its own audit row in
// the same transaction, as an edit in the log would. Both change what signatures cover (procedure,
// site name), so both refuse to void a signature unless asked to (./signature-impact.ts).
import type { ParsedInputOf } from '../../../shared/ipc/contract';
import type { nameChannels, ProcedureRenameResult, SiteMergeResult } from '../../../shared/ipc/names';
import { procedureImpactMessage, siteImpactMessage, type SignatureImpact } from '../../../shared/sites/signature-impact';
import { AppFailure } from '../../../shared/result';
import { appendAudit } from '../audit';
import type { Ctx } from '../context';
import { getEntry } from '../tables/entries';
import { getTrack } from '../tables/tracks';
import { dryRun, probeEntrySignatures, probeSiteSignatures, requireVoidConfirmed, voidedSince } from './signature-impact';
import { catalogListIsBinding, catalogProcedures } from './track-catalog';
import type { ChannelsOf, HandlerMap } from './types';

/** The merge itself, in the caller's transaction, with the signatures it voided. */
function mergeSites(ctx: Ctx, input: { fromId: number; intoId: number }): { result: SiteMergeResult; impact: SignatureImpact } {
  if (input.fromId === input.intoId) throw new AppFailure('validation', 'Choose two different sites to merge.');
  const site = ctx.db.prepare('SELECT * FROM sites WHERE id = ?');
  const from = site.get(input.fromId) as { id: number; name: string } | undefined;
  const into = site.get(input.intoId) as { id: number; name: string } | undefined;
  if (!from || !into) throw new AppFailure('not-found', 'That site no longer exists.');
  const now = ctx.now().toISOString();
  const probe = probeSiteSignatures(ctx.db, from.id);
  const entryIds = ctx.db.prepare('SELECT id FROM entries WHERE site_id = ? AND deleted_at IS NULL ORDER BY id').pluck().all(from.id) as number[];
  const moveEntry = ctx.db.prepare('UPDATE entries SET site_id = ?, updated_at = ? WHERE id = ?');
  for (const id of entryIds) {
    const before = getEntry(ctx.db, id)!;
    moveEntry.run(into.id, now, id);
    appendAudit(ctx.db, now, 'entry', id, 'update', before, getEntry(ctx.db, id)!);
  }
  // Soft-deleted entries follow too, so a later restore lands on the kept site.
  ctx.db.prepare('UPDATE entries SET site_id = ? WHERE site_id = ?').run(into.id, from.id);
  // Everything else that points at the merged site (contacts, sessions, verifiers' sites,
  // requirements, signatures...) moves as well; a row the kept site already has is dropped.
  const refs = ctx.db
    .prepare(
      `SELECT m.name AS tbl, f."from" AS col FROM sqlite_master m, pragma_foreign_key_list(m.name) f
       WHERE m.type = 'table' AND f."table" = 'sites' AND m.name <> 'entries'`,
    )
    .all() as Array<{ tbl: string; col: string }>;
  for (const r of refs) ctx.db.prepare(`UPDATE OR IGNORE "${r.tbl}" SET "${r.col}" = ? WHERE "${r.col}" = ?`).run(into.id, from.id);
  ctx.db.prepare('DELETE FROM sites WHERE id = ?').run(from.id);
  const impact = voidedSince(ctx.db, probe);
  appendAudit(ctx.db, now, 'site', from.id, 'delete', from, {
    mergedInto: { id: into.id, name: into.name },
    movedEntries: entryIds.length,
    ...(impact.entries > 0 ? { voidedSignedEntries: impact.entries } : {}),
  });
  return { result: { movedEntries: entryIds.length, kept: { id: into.id, name: into.name }, removedName: from.name }, impact };
}

/** The rename itself, in the caller's transaction, with the signatures it voided. */
function renameProcedure(ctx: Ctx, input: ParsedInputOf<'entries.renameProcedure'>): { result: ProcedureRenameResult; impact: SignatureImpact } {
  const track = getTrack(ctx.db, input.trackId);
  if (!track) throw new AppFailure('not-found', 'That track no longer exists.');
  const listed = catalogProcedures(ctx.db, track);
  const match = listed.find((p) => p.name.toLowerCase() === input.to.toLowerCase());
  if (!match && listed.length > 0 && catalogListIsBinding(ctx.db, track)) {
    throw new AppFailure('validation', `"${input.to}" is not in this track's catalog.`, [
      { path: 'to', message: `"${input.to}" is not in this track's catalog. Choose a procedure from the list.` },
    ]);
  }
  const to = { id: match?.id ?? null, name: match?.name ?? input.to };
  const candidates = input.ids
    ? input.ids
    : (ctx.db
        .prepare('SELECT id FROM entries WHERE track_id = ? AND deleted_at IS NULL AND procedure_name = ? COLLATE NOCASE ORDER BY id')
        .pluck()
        .all(track.id, input.from) as number[]);
  const now = ctx.now().toISOString();
  const probe = probeEntrySignatures(ctx.db, candidates);
  const update = ctx.db.prepare('UPDATE entries SET procedure_id = ?, procedure_name = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL');
  const ids: number[] = [];
  for (const id of candidates) {
    const before = getEntry(ctx.db, id);
    if (!before || before.trackId !== track.id) continue;
    if (before.procedureName === to.name && before.procedureId === to.id) continue;
    update.run(to.id, to.name, now, id);
    appendAudit(ctx.db, now, 'entry', id, 'update', before, getEntry(ctx.db, id)!);
    ids.push(id);
  }
  return { result: { updated: ids.length, ids, from: input.from, to: to.name }, impact: voidedSince(ctx.db, probe) };
}

export const nameHandlers: HandlerMap<ChannelsOf<typeof nameChannels>> = {
  // The renamed entries' digests change, which voids their signatures: asked first. An undo that
  // puts the signed digests back voids nothing (those signatures are void until then), so it is
  // not asked.
  'entries.renameProcedure': (ctx, input) =>
    ctx.db.transaction(() => {
      const { result, impact } = renameProcedure(ctx, input);
      requireVoidConfirmed(impact, input.voidSignatures, (i) => procedureImpactMessage(input.from, result.to, i), 'Rename anyway');
      return result;
    })(),

  'entries.renameProcedureImpact': (ctx, input) => dryRun(ctx.db, () => renameProcedure(ctx, input).impact),

  // The moved entries take the kept site's name, which voids their signatures: asked first.
  'sites.merge': (ctx, input) => ctx.db.transaction(() => {
    const { result, impact } = mergeSites(ctx, input);
    requireVoidConfirmed(impact, input.voidSignatures, (i) => siteImpactMessage('merge', result.removedName, i), 'Merge anyway');
    return result;
  })(),

  'sites.mergeImpact': (ctx, input) => dryRun(ctx.db, () => mergeSites(ctx, input).impact),
};
