import type { appChannels } from '../../../shared/ipc/app';
import { schemaVersion } from '../db/migrate';
import type { ChannelsOf, HandlerMap } from './types';

export const appHandlers: HandlerMap<ChannelsOf<typeof appChannels>> = {
  'app.info': (ctx) => ({
    version: ctx.appVersion,
    dataDir: ctx.dataDir,
    databaseFile: ctx.databaseFile,
    schemaVersion: schemaVersion(ctx.db),
    host: ctx.host,
  }),
};
