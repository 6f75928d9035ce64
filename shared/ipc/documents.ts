import { z } from 'zod';
import type { EntryStatus } from '../domain';
import type { HelperDay, HelperEntry } from '../signoff/arrt-days';
import { channel } from './define';
import { batchInput, SIGNATURE_KINDS } from './signoff';
import { id } from './tracks';

/**
 * A produced file travels to the renderer as bytes in base64; the renderer saves it through a Blob
 * and an <a download> link, which works alike in Electron and in the browser preview (Electron
 * shows its own save dialog for downloads), so the backend never needs to know where files go.
 */
export interface SavedFile {
  fileName: string;
  mime: string;
  base64: string;
}

/**
 * A produced file too large for one message (the CSV of a whole log, a backup saved to a file): the
 * backend has written it to its data folder and the renderer reads it back in pieces
 * (documents.readExport, the one reader for all of them), then saves it like a SavedFile. The last
 * piece read removes the backend's copy.
 */
export interface ExportedFile {
  fileName: string;
  mime: string;
  exportId: string;
  bytes: number;
}

/** One piece of an ExportedFile; `next` is the offset of the next piece, null after the last. */
export interface ExportPiece {
  base64: string;
  next: number | null;
}

/** A file the user picked, sent to the backend in pieces of UPLOAD_PIECE_BYTES (the reverse of readExport). */
export const UPLOAD_PIECE_BYTES = 1 << 19;
/** A file sent in pieces may be up to 2 GB (a backup of a 100k-entry log is ~125 MB). */
export const UPLOAD_MAX_BYTES = 2 * 1024 * 1024 * 1024;
export const uploadId = z.string().max(32, { message: 'That upload does not exist.', abort: true }).regex(/^[0-9a-f]{32}$/, 'That upload does not exist.');
export const uploadBytes = z
  .number()
  .int()
  .min(1, 'The file is empty.')
  .max(UPLOAD_MAX_BYTES, 'The file is larger than 2 GB; a RadLedger file is much smaller.');

export interface PacketFile {
  pdf: SavedFile;
  /** The packet's JSON twin: the same entries and digest, machine-checkable later. */
  json: SavedFile;
  digest: string;
  entryCount: number;
  pages: number;
}

export interface PacketCheck {
  source: 'json' | 'pdf';
  digest: string;
  entryCount: number;
  /** JSON twin only: its entries still hash to the digest it states. */
  selfConsistent: boolean | null;
  /** The log's current entries hash to the same digest. */
  matchesLog: boolean;
  /** Entry ids listed in the packet that no longer exist in the log. */
  missingEntryIds: number[];
  /** Entry ids whose reportable fields differ from the packet (JSON twin only). */
  changedEntryIds: number[];
  message: string;
}

export interface ArrtHelperPlan {
  trackId: number;
  dailyCap: number;
  orderSource: 'catalog' | 'time';
  days: HelperDay<HelperEntry>[];
}

export const documentChannels = {
  'documents.packet': channel<PacketFile>()(
    z.strictObject({ batch: batchInput, verifierId: id.nullish(), kind: z.enum(SIGNATURE_KINDS).default('verifier') }),
  ),
  'documents.progressReport': channel<SavedFile>()(z.strictObject({ trackId: id })),
  'documents.csv': channel<ExportedFile>()(z.strictObject({ trackId: id.nullish() }).default({})),
  'documents.readExport': channel<ExportPiece>()(
    z.strictObject({ exportId: z.string().max(32, { abort: true }).regex(/^[0-9a-f]{32}$/), offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }),
  ),
  /** Starts sending a file the user picked in pieces; `bytes` is its size. */
  'documents.beginUpload': channel<{ uploadId: string }>()(z.strictObject({ bytes: uploadBytes })),
  /** One piece (≤ 512 KiB) of an upload, at the offset where the previous one ended. */
  'documents.appendUpload': channel<{ received: number }>()(
    z.strictObject({
      uploadId,
      offset: z.number().int().min(0).max(UPLOAD_MAX_BYTES),
      base64: z
        .string()
        .min(1)
        .max(Math.ceil(UPLOAD_PIECE_BYTES / 3) * 4, { message: 'A piece of the file is larger than 512 KiB.', abort: true })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'A piece of the file is not base64.'),
    }),
  ),
  'documents.arrtHelper': channel<ArrtHelperPlan>()(z.strictObject({ trackId: id })),
  'documents.markEntered': channel<{ marked: number; previous: Array<{ id: number; status: EntryStatus }> }>()(z.strictObject({ entryIds: z.array(id).min(1).max(500) })),
  'documents.checkPacket': channel<PacketCheck>()(
    z.strictObject({ fileName: z.string().max(200, { abort: true }), base64: z.string().min(1).max(40_000_000, { abort: true }) }),
  ),
};
