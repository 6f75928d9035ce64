// RadLedger's own JSON export: every table the user owns, versioned, documented in
// docs/export-format.md ("JSON export"). Importing one replaces the current data, like a restore:
// a preview first, the current data backed up, and an undo.
import { z } from 'zod';
import type { BackupInfo, DataPreview } from './backups';
import { channel } from './define';
import { uploadBytes, uploadId } from './documents';

export const JSON_EXPORT_FORMAT = 'radledger-export';
/**
 * 2: entries carry a stable `uuid` and signatures a digest per entry (schema 9). Version 1 files
 * (schema 8 and older) are still read: the import migrates them, giving each entry its UUID.
 */
export const JSON_EXPORT_VERSION = 2;
export const JSON_EXPORT_READABLE_VERSIONS = [1, 2] as const;
export const JSON_EXPORT_MAX_CHARS = 28 * 1024 * 1024;

const cellValue = z.union([z.null(), z.number(), z.string(), z.strictObject({ $blob: z.string() }).strict()]);

export const jsonExportDocument = z.strictObject({
  format: z.literal(JSON_EXPORT_FORMAT, { message: 'This is not a RadLedger JSON export.' }),
  formatVersion: z.union([z.literal(1), z.literal(2)], { message: `Only versions ${JSON_EXPORT_READABLE_VERSIONS.join(' and ')} of the export format can be read.` }),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.string(),
  appVersion: z.string(),
  tables: z.record(
    z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
    z.strictObject({ columns: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/)).min(1), rows: z.array(z.array(cellValue)) }),
  ),
});
export type JsonExportDocument = z.infer<typeof jsonExportDocument>;

const jsonText = z.strictObject({ json: z.string().min(2).max(JSON_EXPORT_MAX_CHARS, { message: 'The file is larger than 28 MB.', abort: true }) });

export const exportJsonChannels = {
  'exportjson.export': channel<{ fileName: string; json: string }>()(z.undefined()),
  'exportjson.preview': channel<DataPreview & { exportedAt: string }>()(jsonText),
  /** Replaces the current data with the export's. The current data is backed up first: `undo` restores it. */
  'exportjson.import': channel<{ preview: DataPreview; undo: BackupInfo }>()(jsonText),
  /**
   * The same two steps for an export of any size, sent before in pieces (documents.beginUpload,
   * documents.appendUpload): the preview leaves the upload in place, the import removes it.
   */
  'exportjson.previewUpload': channel<DataPreview & { exportedAt: string }>()(z.strictObject({ uploadId, bytes: uploadBytes })),
  'exportjson.importUpload': channel<{ preview: DataPreview; undo: BackupInfo }>()(z.strictObject({ uploadId, bytes: uploadBytes })),
};
