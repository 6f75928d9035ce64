import { localIsoDate } from '../../../shared/dates';
import type { entryChannels } from '../../../shared/ipc/entries';
import { entryDateIssues } from '../../../shared/entry-rules';
import { AppFailure } from '../../../shared/result';
import { appendAudit } from '../audit';
import { getEntry, insertEntry, listEntries } from '../tables/entries';
import { ensureSite } from '../tables/sites';
import { getTrack } from '../tables/tracks';
import type { ChannelsOf, HandlerMap } from './types';

export const entryHandlers: HandlerMap<ChannelsOf<typeof entryChannels>> = {
  'entries.create': (ctx, input) => {
    const track = getTrack(ctx.db, input.trackId);
    if (!track) throw new AppFailure('not-found', 'That track no longer exists.');
    const issues = entryDateIssues(input.performedOn, { today: localIsoDate(ctx.now()), trackStart: track.startDate });
    if (issues.length) throw new AppFailure('validation', issues.map((i) => i.message).join(' '), issues);

    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      const siteId = input.siteName ? ensureSite(ctx.db, input.siteName, now) : null;
      const id = insertEntry(ctx.db, {
        trackId: input.trackId,
        performedOn: input.performedOn,
        performedAt: input.performedAt ?? null,
        procedureId: input.procedureId ?? null,
        procedureName: input.procedureName,
        siteId,
        verifierId: null,
        patientMarker: null,
        simulated: input.simulated,
        notes: input.notes,
        status: input.status,
        now,
      });
      const entry = getEntry(ctx.db, id)!;
      appendAudit(ctx.db, now, 'entry', id, 'create', null, entry);
      return entry;
    })();
  },

  'entries.list': (ctx, input) => listEntries(ctx.db, input),
};
