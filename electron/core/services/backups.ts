import { BACKUP_MIME, type backupChannels } from '../../../shared/ipc/backups';
import { backupsDir, listBackups } from '../backup/files';
import { liveDatabase } from '../backup/live';
import { inspectRestorable, restoreDatabase, sourcePath, stageFile } from '../backup/restore';
import { exclusive, writeBackup } from '../backup/write';
import { copyToExport, takeUpload } from '../exports';
import { newestGoodBackup } from '../startup';
import type { ChannelsOf, HandlerMap } from './types';

export const backupHandlers: HandlerMap<ChannelsOf<typeof backupChannels>> = {
  'backups.list': (ctx) => {
    const live = liveDatabase(ctx);
    const damaged = live.startup.damaged;
    return {
      folder: backupsDir(ctx.dataDir),
      backups: listBackups(ctx.dataDir),
      damaged,
      newestGoodBackup: damaged ? newestGoodBackup(ctx.dataDir) : null,
      backupProblem: live.backupProblem(),
    };
  },

  'backups.create': (ctx) => exclusive(ctx.dataDir, () => writeBackup(ctx.db, ctx.dataDir, 'manual', ctx.now())),

  // A copy of the backup, read back in pieces like the CSV (documents.readExport): the backup itself
  // is never handed to the reader, which removes what it has read. The name is a validated backup
  // name (backupName) and sourcePath resolves it inside backups/ only.
  'backups.download': async (ctx, input) => {
    const copied = await copyToExport(ctx.dataDir, sourcePath(ctx.dataDir, { kind: 'backup', name: input.name }));
    return { fileName: input.name, mime: BACKUP_MIME, exportId: copied.id, bytes: copied.bytes };
  },

  'backups.preview': (ctx, input) => inspectRestorable(sourcePath(ctx.dataDir, input.source)),

  // A file sent in pieces (documents.appendUpload), moved from exports/ into restore-staging/ and
  // checked there; refused (and removed) if incomplete or not a sound RadLedger database.
  'backups.stage': (ctx, input) => {
    const staged = stageFile(ctx.dataDir, (file) => takeUpload(ctx.dataDir, input.uploadId, input.bytes, file));
    return { source: { kind: 'staged' as const, id: staged.id }, preview: staged.preview };
  },

  'backups.restore': (ctx, input) => restoreDatabase(ctx, input.source),
};
