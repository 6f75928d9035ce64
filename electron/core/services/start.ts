// The first-run steps: track, requirements, first entry. One read for the guided start and the
// "Start here" card on Today.
import { allProcedures } from '../../../shared/catalog/schema';
import type { startChannels } from '../../../shared/ipc/start';
import { listTracks, liveEntryCount } from '../tables/tracks';
import { trackCatalog } from './track-catalog';
import type { ChannelsOf, HandlerMap } from './types';

export const startHandlers: HandlerMap<ChannelsOf<typeof startChannels>> = {
  'start.state': (ctx) => {
    const tracks = listTracks(ctx.db);
    const first = tracks[0];
    if (!first) return { track: null, trackCount: 0, requirementsIn: false, catalogKey: null, entryCount: 0 };
    const catalog = trackCatalog(ctx.db, first);
    return {
      track: { id: first.id, name: first.name, discipline: first.discipline, startDate: first.startDate },
      trackCount: tracks.length,
      requirementsIn: catalog !== null && allProcedures(catalog).length > 0,
      catalogKey: catalog?.key ?? null,
      entryCount: liveEntryCount(ctx.db, first.id).n,
    };
  },
};
