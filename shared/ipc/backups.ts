// Backups and restore. Files travel as base64 both ways, so the same verbs work in the desktop app
// and in the browser preview: "Back up to a file…" has the backend copy the backup into its exports
// folder, the renderer reads it back in pieces (documents.readExport, as for the CSV of a log) and
// saves them with a download (Electron shows its Save dialog for it); "Restore from a file…" sends
// the file the user picked in pieces the same way round (documents.appendUpload), and the backend
// stages, checks and previews it first.
import { z } from 'zod';
import { channel } from './define';
import { uploadBytes, uploadId, type ExportedFile } from './documents';

export const BACKUP_MIME = 'application/vnd.sqlite3';

export const BACKUP_REASONS = ['daily', 'manual', 'pre-migration', 'pre-restore', 'pre-import'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  daily: 'Daily',
  manual: 'Made by you',
  'pre-migration': 'Before an update',
  'pre-restore': 'Before a restore',
  'pre-import': 'Before an import',
};

/** radledger-2026-11-24T12-00-00-000Z-daily.sqlite (a counter before .sqlite if two share an instant). */
export const BACKUP_NAME_PATTERN =
  /^radledger-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(daily|manual|pre-migration|pre-restore|pre-import)(?:-\d+)?\.sqlite$/;

export interface BackupInfo {
  name: string;
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
}

export interface TrackSummary {
  id: number;
  name: string;
  discipline: string;
  entries: number;
}

/** What a backup (or a chosen file, or a JSON export) holds, shown before anything changes. */
export interface DataPreview {
  schemaVersion: number;
  /** False when the file comes from a newer RadLedger: it cannot be restored by this version. */
  supported: boolean;
  tracks: TrackSummary[];
  entries: number;
  firstDate: string | null;
  lastDate: string | null;
}

export interface DamagedFileReport {
  /** Why the data file was set aside at start-up, in plain words. */
  reason: string;
  /** Where the untouched file (and its -wal/-shm companions) now are. */
  keptAt: string[];
  detectedAt: string;
}

export interface BackupsOverview {
  folder: string;
  backups: BackupInfo[];
  /** Set when this start-up found the data file damaged and set it aside. */
  damaged: DamagedFileReport | null;
  /** When damaged: the newest backup that passed an integrity check, offered for recovery. */
  newestGoodBackup: (BackupInfo & { preview: DataPreview }) | null;
  /** The start-up daily backup failed (e.g. disk full), in plain words. */
  backupProblem: string | null;
}

export const backupName = z.string().max(120, { message: 'Not a RadLedger backup name.', abort: true }).regex(BACKUP_NAME_PATTERN, 'Not a RadLedger backup name.');

export const restoreSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('backup'), name: backupName }),
  z.strictObject({ kind: z.literal('staged'), id: z.string().max(16, { message: 'Unknown staged file.', abort: true }).regex(/^[0-9a-f]{16}$/, 'Unknown staged file.') }),
]);
export type RestoreSource = z.infer<typeof restoreSource>;

export const backupChannels = {
  'backups.list': channel<BackupsOverview>()(z.undefined()),
  'backups.create': channel<BackupInfo>()(z.undefined()),
  /** One backup, to save where the user chooses: a copy read back in pieces with documents.readExport. */
  'backups.download': channel<ExportedFile>()(z.strictObject({ name: backupName })),
  'backups.preview': channel<DataPreview>()(z.strictObject({ source: restoreSource })),
  /**
   * A file the user picked, sent before in pieces (documents.beginUpload, documents.appendUpload;
   * any size up to 2 GB): checked (it must be a sound RadLedger database) and kept for preview.
   * `bytes` is its size, so a missing last piece is refused.
   */
  'backups.stage': channel<{ source: RestoreSource; preview: DataPreview }>()(
    z.strictObject({ fileName: z.string().max(260, { abort: true }), uploadId: uploadId, bytes: uploadBytes }),
  ),
  /** Replaces the current data with the source. The current data is backed up first: `undo` restores it. */
  'backups.restore': channel<{ preview: DataPreview; undo: BackupInfo }>()(z.strictObject({ source: restoreSource })),
};
