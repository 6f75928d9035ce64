import { localIsoDate } from '../../../shared/dates';
import type { exportJsonChannels } from '../../../shared/ipc/exportjson';
import { exportJson, importJson, parseExport, previewExport } from '../import/json';
import { readFileSync, rmSync } from 'node:fs';
import { AppFailure } from '../../../shared/result';
import { completeUpload } from '../exports';
import type { ChannelsOf, HandlerMap } from './types';

/** Past this a JSON export cannot be one string in the backend (V8's limit is ~512 M characters). */
const JSON_UPLOAD_MAX_BYTES = 400 * 1024 * 1024;

/** The text of an uploaded JSON export; `remove` also removes the upload, whatever happens next. */
function uploadedJson(dataDir: string, uploadId: string, bytes: number, remove: boolean): string {
  const file = completeUpload(dataDir, uploadId, bytes);
  try {
    if (bytes > JSON_UPLOAD_MAX_BYTES) {
      rmSync(file, { force: true });
      throw new AppFailure('validation', 'The file is larger than 400 MB; a RadLedger JSON export is much smaller.');
    }
    return readFileSync(file, 'utf8');
  } finally {
    if (remove) rmSync(file, { force: true });
  }
}

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
  'exportjson.previewUpload': (ctx, input) => {
    const doc = parseExport(uploadedJson(ctx.dataDir, input.uploadId, input.bytes, false));
    return { ...previewExport(doc), exportedAt: doc.exportedAt };
  },
  'exportjson.importUpload': (ctx, input) => importJson(ctx, uploadedJson(ctx.dataDir, input.uploadId, input.bytes, true)),
};
