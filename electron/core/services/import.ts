import { localIsoDate } from '../../../shared/dates';
import type { importChannels } from '../../../shared/ipc/import';
import { AppFailure } from '../../../shared/result';
import { exclusive, writeBackup } from '../backup/write';
import type { Ctx } from '../context';
import { checkSheet, insertEntries, problemsFailure, sha256Bytes } from '../import/entries';
import { guessMapping } from '../import/mapping';
import type { ImportTarget } from '../import/rows';
import { readSheet } from '../import/table';
import { getTrack } from '../tables/tracks';
import { catalogListIsBinding, catalogProcedures } from './track-catalog';
import type { ChannelsOf, HandlerMap } from './types';

function target(ctx: Ctx, trackId: number): ImportTarget {
  const track = getTrack(ctx.db, trackId);
  if (!track) throw new AppFailure('not-found', 'That track no longer exists.');
  const listed = catalogProcedures(ctx.db, track);
  const catalog = listed.length ? new Map(listed.map((p) => [p.name.toLowerCase(), { id: p.id, name: p.name }])) : null;
  return { trackId, trackStart: track.startDate, today: localIsoDate(ctx.now()), catalog, catalogIsBinding: catalogListIsBinding(ctx.db, track) };
}

const PREVIEW_ROWS = 5;

export const importHandlers: HandlerMap<ChannelsOf<typeof importChannels>> = {
  'import.preview': async (_ctx, input) => {
    const sheet = await readSheet(input.fileName, Buffer.from(input.dataBase64, 'base64'));
    return {
      format: sheet.format,
      headers: sheet.headers,
      mapping: guessMapping(sheet.headers),
      sample: sheet.rows.slice(0, PREVIEW_ROWS),
      rowCount: sheet.rows.length,
    };
  },

  'import.check': async (ctx, input) => {
    const sheet = await readSheet(input.fileName, Buffer.from(input.dataBase64, 'base64'));
    const { entries: _entries, duplicateLines: _lines, ...check } = checkSheet(ctx.db, sheet, input.mapping, target(ctx, input.trackId));
    return check;
  },

  'import.commit': async (ctx, input) => {
    const bytes = Buffer.from(input.dataBase64, 'base64');
    const sheet = await readSheet(input.fileName, bytes);
    // Check every row first: a bad file costs no backup and writes nothing.
    const first = checkSheet(ctx.db, sheet, input.mapping, target(ctx, input.trackId));
    if (first.problems.length > 0) throw problemsFailure(first.problems);
    return exclusive(ctx.dataDir, async () => {
      const backup = await writeBackup(ctx.db, ctx.dataDir, 'pre-import', ctx.now());
      // Checked again after the backup, in the same tick as the write: duplicates are judged
      // against exactly the data the transaction sees.
      const checked = checkSheet(ctx.db, sheet, input.mapping, target(ctx, input.trackId));
      if (checked.problems.length > 0) throw problemsFailure(checked.problems);
      const rows = input.skipDuplicates ? checked.entries.filter((e) => !checked.duplicateLines.has(e.line)) : checked.entries;
      insertEntries(ctx.db, rows, {
        trackId: input.trackId,
        fileName: input.fileName,
        fileSha256: sha256Bytes(bytes),
        now: ctx.now().toISOString(),
      });
      return { imported: rows.length, skippedDuplicates: checked.entries.length - rows.length, backup };
    });
  },
};
