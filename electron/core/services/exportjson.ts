import { localIsoDate } from '../../../shared/dates';
import type { exportJsonChannels } from '../../../shared/ipc/exportjson';
import { exportJson, importJson, parseExport, previewExport } from '../import/json';
import type { ChannelsOf, HandlerMap } from './types';

export const exportJsonHandlers: HandlerMap<ChannelsOf<typeof exportJsonChannels>> = {
  'exportjson.export': (ctx) => ({
    fileName: `radledger-export-${localIsoDate(ctx.now())}.json`,
    json: JSON.stringify(exportJson(ctx.db, ctx.appVersion, ctx.now())),
  }),
  'exportjson.preview': (_ctx, input) => {
    const doc = parseExport(input.json);
    return { ...previewExport(doc), exportedAt: doc.exportedAt };
  },
  'exportjson.import': (ctx, input) => importJson(ctx, input.json),
};
