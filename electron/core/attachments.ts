// Attached documents (certificates, insurance cards) live in <dataDir>/attachments/, named by the
// SHA-256 of their content so the same file attached twice is stored once and a changed file is
// detectable. Type is decided by content (shared/sites/attachment-check.ts), never by name.
//
// Writing is two-phase so nothing is stored half-way: stage() writes a hidden temp file before the
// database transaction; place() renames it into its final name as the transaction's last step (a
// failed rename rolls the transaction back); discard() removes whatever this upload wrote when
// anything failed, including the commit itself.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkAttachment } from '../../shared/sites/attachment-check';
import type { AttachmentMeta, AttachmentMime } from '../../shared/sites/types';
import { AppFailure } from '../../shared/result';

export const ATTACHMENTS_DIR = 'attachments';

export interface PreparedAttachment {
  bytes: Buffer;
  sha256: string;
  mime: AttachmentMime;
  originalName: string;
}

const EXTENSIONS: Record<AttachmentMime, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/** Decodes and judges an upload; throws a validation failure at `field` without touching disk. */
export function prepareAttachment(upload: { name: string; dataBase64: string }, field = 'attachment'): PreparedAttachment {
  const bytes = Buffer.from(upload.dataBase64, 'base64');
  const verdict = checkAttachment(bytes, upload.name);
  if (!verdict.ok) throw new AppFailure('validation', verdict.message, [{ path: field, message: verdict.message }]);
  return {
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    mime: verdict.mime,
    originalName: path.basename(upload.name.replaceAll('\\', '/')),
  };
}

export function attachmentFile(dataDir: string, sha256: string, mime: AttachmentMime): string {
  return path.join(dataDir, ATTACHMENTS_DIR, `${sha256}.${EXTENSIONS[mime]}`);
}

export interface StagedAttachment {
  /** Moves the staged bytes to their content-hash name. Call as the transaction's last step. */
  place: () => void;
  /** Removes what this upload wrote; safe to call in any state. */
  discard: () => void;
}

export function stageAttachment(dataDir: string, a: PreparedAttachment): StagedAttachment {
  const dir = path.join(dataDir, ATTACHMENTS_DIR);
  mkdirSync(dir, { recursive: true });
  const final = attachmentFile(dataDir, a.sha256, a.mime);
  const temp = path.join(dir, `.partial-${randomBytes(8).toString('hex')}`);
  writeFileSync(temp, a.bytes, { flag: 'wx' });
  let placedNew = false;
  return {
    place: () => {
      if (existsSync(final)) {
        rmSync(temp, { force: true });
        return;
      }
      renameSync(temp, final);
      placedNew = true;
    },
    discard: () => {
      rmSync(temp, { force: true });
      if (placedNew) rmSync(final, { force: true });
    },
  };
}

/** Reads a stored attachment back, refusing one whose bytes no longer match their hash. */
export function readAttachment(dataDir: string, meta: AttachmentMeta): Buffer {
  const file = attachmentFile(dataDir, meta.sha256, meta.mime);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new AppFailure('storage', `The attached file "${meta.originalName}" is missing from the data folder.`);
  }
  if (createHash('sha256').update(bytes).digest('hex') !== meta.sha256) {
    throw new AppFailure('storage', `The attached file "${meta.originalName}" was changed or damaged on disk.`);
  }
  return bytes;
}
