import { localIsoDate } from '../../../shared/dates';
import type { importChannels, ImportHistoryItem, ImportProgress } from '../../../shared/ipc/import';
import { AppFailure } from '../../../shared/result';
import { appendAudit } from '../audit';
import { exclusive, writeBackup } from '../backup/write';
import type { Ctx } from '../context';
import type { DB } from '../db/open';
import { applyPhiChoice, checkSheet, problemsFailure, sha256Bytes, writeImport, type CheckedSheet, type ImportBase, type ImportChoices } from '../import/entries';
import { guessMapping } from '../import/mapping';
import { readSheet, sheetInfos, type Sheet } from '../import/table';
import { detectDateOrder } from '../../../shared/import/dates';
import { getEntry, setDeleted } from '../tables/entries';
import { getTrack } from '../tables/tracks';
import { catalogListIsBinding, catalogProcedures } from './track-catalog';
import { trackHandlers } from './tracks';
import type { ChannelsOf, HandlerMap } from './types';

function base(ctx: Ctx, trackId: number): ImportBase {
  const track = getTrack(ctx.db, trackId);
  if (!track) throw new AppFailure('not-found', 'That track no longer exists.');
  return { track, today: localIsoDate(ctx.now()), catalog: catalogProcedures(ctx.db, track), catalogIsBinding: catalogListIsBinding(ctx.db, track) };
}

function check(ctx: Ctx, sheet: Sheet, input: ImportChoices & { trackId: number }): CheckedSheet {
  return checkSheet(ctx.db, sheet, input, base(ctx, input.trackId));
}

const PREVIEW_ROWS = 8;
const TOP_ROWS = 12;

/** The running commit per database, for the UI's progress polling. */
const running = new WeakMap<DB, ImportProgress>();

export const importHandlers: HandlerMap<ChannelsOf<typeof importChannels>> = {
  'import.preview': async (_ctx, input) => {
    const { workbook, sheet } = await readSheet(input.fileName, Buffer.from(input.dataBase64, 'base64'), input.read);
    const mapping = guessMapping(sheet.headers);
    const all = workbook.sheets[sheet.sheetIndex]!.rows;
    return {
      format: workbook.format,
      encoding: workbook.encoding,
      sheets: sheetInfos(workbook),
      sheet: sheet.sheetIndex,
      headerRow: sheet.headerLine,
      headerDetected: sheet.headerDetected,
      topRows: all.slice(0, TOP_ROWS),
      headers: sheet.headers,
      mapping,
      sample: sheet.rows.slice(0, PREVIEW_ROWS),
      rowCount: sheet.rows.length,
      dateDetection: mapping.date === null ? null : detectDateOrder(sheet.rows.map((r) => r.cells[mapping.date!] ?? '')),
    };
  },

  'import.check': async (ctx, input) => {
    const { sheet } = await readSheet(input.fileName, Buffer.from(input.dataBase64, 'base64'), input.read);
    const { entries: _e, toWrite: _w, remember: _r, ...result } = check(ctx, sheet, input);
    return result;
  },

  'import.commit': async (ctx, input) => {
    const bytes = Buffer.from(input.dataBase64, 'base64');
    const { sheet } = await readSheet(input.fileName, bytes, input.read);
    // Check every row first: a bad file costs no backup and writes nothing.
    const first = check(ctx, sheet, input);
    if (first.problems.length > 0) throw problemsFailure(first.problems);
    applyPhiChoice(first, input.phi);
    if (running.has(ctx.db)) throw new AppFailure('conflict', 'Another import is still running; wait for it to finish.');
    return exclusive(ctx.dataDir, async () => {
      const backup = await writeBackup(ctx.db, ctx.dataDir, 'pre-import', ctx.now());
      // Checked again after the backup, just before the write: duplicates are judged against
      // exactly the data the transaction sees.
      const checked = check(ctx, sheet, input);
      if (checked.problems.length > 0) throw problemsFailure(checked.problems);
      const rows = applyPhiChoice(checked, input.phi);
      const track = getTrack(ctx.db, input.trackId)!;
      const moveTo = input.moveTrackStart && checked.beforeTrackStart ? checked.beforeTrackStart.earliest : null;
      running.set(ctx.db, { fileName: input.fileName, done: 0, total: rows.length });
      try {
        const { importId } = await writeImport(
          ctx.db,
          rows,
          {
            trackId: input.trackId,
            fileName: input.fileName,
            fileSha256: sha256Bytes(bytes),
            now: ctx.now().toISOString(),
            rowsInFile: sheet.rows.length,
            skippedDuplicates: checked.valid - rows.length,
            skippedSummary: checked.summaryRows.length,
          },
          { ...checked.remember, discipline: track.discipline },
          () => {
            if (moveTo === null) return;
            // The same edit (and audit row) as changing the start date in the track's settings.
            trackHandlers['tracks.update'](ctx, {
              id: track.id,
              discipline: track.discipline,
              name: track.name,
              startDate: moveTo,
              plannedApplicationDate: track.plannedApplicationDate,
              examWindowAssignedOn: track.examWindowAssignedOn,
              supportingCredential: track.supportingCredential ?? '',
              mqsaQualifiedOn: track.mqsaQualifiedOn,
            });
          },
          (done, total) => running.set(ctx.db, { fileName: input.fileName, done, total }),
        );
        return {
          importId,
          imported: rows.length,
          skippedDuplicates: checked.valid - rows.length,
          skippedSummaryRows: checked.summaryRows.length,
          trackStartMovedTo: moveTo,
          backup,
        };
      } finally {
        running.delete(ctx.db);
      }
    });
  },

  'import.progress': (ctx) => running.get(ctx.db) ?? null,

  'import.history': (ctx) =>
    (
      ctx.db
        .prepare(
          `SELECT i.id, i.track_id, t.name AS track_name, i.file_name, i.imported_at, i.rows_in_file, i.imported, i.skipped_duplicates,
                  i.skipped_summary, i.undone_at,
                  (SELECT count(*) FROM entries e WHERE e.import_id = i.id AND e.deleted_at IS NULL) AS live,
                  (SELECT count(*) FROM entries e WHERE e.import_id = i.id AND e.deleted_at IS NULL AND e.updated_at > i.imported_at) AS edited
           FROM imports i JOIN tracks t ON t.id = i.track_id ORDER BY i.id DESC`,
        )
        .all() as Array<Record<string, unknown>>
    ).map(
      (r): ImportHistoryItem => ({
        id: r.id as number,
        trackId: r.track_id as number,
        trackName: r.track_name as string,
        fileName: r.file_name as string,
        importedAt: r.imported_at as string,
        rowsInFile: r.rows_in_file as number,
        imported: r.imported as number,
        skippedDuplicates: r.skipped_duplicates as number,
        skippedSummaryRows: r.skipped_summary as number,
        undoneAt: r.undone_at as string | null,
        live: r.live as number,
        editedSince: r.edited as number,
      }),
    ),

  'import.undo': (ctx, input) => {
    const row = ctx.db.prepare('SELECT id, file_name, undone_at FROM imports WHERE id = ?').get(input.importId) as
      | { id: number; file_name: string; undone_at: string | null }
      | undefined;
    if (!row) throw new AppFailure('not-found', 'That import is not in the history.');
    if (row.undone_at) throw new AppFailure('conflict', 'That import was already undone.');
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      // Only this import's entries: what was logged before or after it carries another (or no) import id.
      const ids = ctx.db.prepare('SELECT id FROM entries WHERE import_id = ? AND deleted_at IS NULL ORDER BY id').pluck().all(row.id) as number[];
      // One audit row per entry, as the log's own delete writes: the entry's history shows it, it
      // can be restored from the log, and the integrity check sees a recorded deletion.
      let deleted = 0;
      for (const id of ids) {
        const before = getEntry(ctx.db, id);
        if (!before || !setDeleted(ctx.db, id, now, now)) continue;
        appendAudit(ctx.db, now, 'entry', id, 'delete', before, null);
        deleted++;
      }
      ctx.db.prepare('UPDATE imports SET undone_at = ? WHERE id = ?').run(now, row.id);
      appendAudit(ctx.db, now, 'import', row.id, 'delete', { fileName: row.file_name, liveEntries: ids.length }, { undone: true, deletedEntries: deleted });
      return { deleted };
    })();
  },
};
