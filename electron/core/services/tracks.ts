import { disciplineByCode } from '../../../shared/disciplines';
import type { trackChannels } from '../../../shared/ipc/tracks';
import { AppFailure } from '../../../shared/result';
import { localIsoDate } from '../../../shared/dates';
import { appendAudit } from '../audit';
import { getTrack, insertTrack, listTracks } from '../tables/tracks';
import type { ChannelsOf, HandlerMap } from './types';

export const trackHandlers: HandlerMap<ChannelsOf<typeof trackChannels>> = {
  'tracks.list': (ctx) => listTracks(ctx.db),

  'tracks.create': (ctx, input) => {
    const today = localIsoDate(ctx.now());
    if (input.startDate > today) {
      throw new AppFailure('validation', 'The start date cannot be in the future.', [
        { path: 'startDate', message: 'The start date cannot be in the future.' },
      ]);
    }
    const discipline = disciplineByCode(input.discipline)!;
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      const id = insertTrack(ctx.db, {
        discipline: input.discipline,
        name: input.name || discipline.name,
        startDate: input.startDate,
        plannedApplicationDate: input.plannedApplicationDate ?? null,
        supportingCredential: input.supportingCredential ?? null,
        catalogId: null,
        now,
      });
      const track = getTrack(ctx.db, id)!;
      appendAudit(ctx.db, now, 'track', id, 'create', null, track);
      return track;
    })();
  },
};
