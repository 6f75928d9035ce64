// Files too large to travel in one message (the CSV of a whole log, a backup saved to a file): the
// backend writes them in chunks (or copies them) to <dataDir>/exports/<id>.partial, renames the
// complete file to <id>, and the renderer reads it back in pieces of EXPORT_PIECE_BYTES
// (documents.readExport, the one reader for every such file), saving the pieces through one Blob as
// it saves every produced file. The backend never holds the whole file, nor a base64 copy of it
// (at 100k entries: ~50 MB of its peak for the CSV, ~290 MB for a backup; docs/benchmarks.md).
// The file is removed once its last piece is read; a leftover (the window closed mid-download, a
// crash) is removed at the next start or the next export once it is an hour old.
// The other way, a file the user picked that may be larger than one message (a backup to restore):
// the renderer sends it in pieces of the same size (beginUpload, appendUpload) to
// <dataDir>/exports/<id>.partial, each piece at the offset where the previous one ended, and the
// feature that takes the file (takeUpload) moves it away once its size is the one announced. An
// abandoned upload is swept like a stale export.
import { randomBytes } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { UPLOAD_MAX_BYTES, UPLOAD_PIECE_BYTES } from '../../shared/ipc/documents';
import { AppFailure } from '../../shared/result';

/**
 * One piece read by the renderer: 512 KiB of bytes, ~0.7 MB of base64 per message. Under ~1 MB of
 * base64 on purpose: Node makes a longer base64 string an "external" string in malloc'd memory,
 * which the allocator keeps after the string is collected (1 MiB pieces of a 15 MB export left
 * ~20 MB in the backend's resident memory); a shorter one lives in V8's heap and is given back.
 */
export const EXPORT_PIECE_BYTES = 1 << 19;

/** A leftover export older than this was abandoned (a save takes seconds). */
export const STALE_EXPORT_MS = 60 * 60 * 1000;

export const EXPORT_ID = /^[0-9a-f]{32}$/;


export function exportsDir(dataDir: string): string {
  return path.join(dataDir, 'exports');
}

/** Removes exports (finished or partial) not touched for STALE_EXPORT_MS. */
export function removeStaleExports(dataDir: string, nowMs = Date.now()): void {
  const dir = exportsDir(dataDir);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    try {
      if (nowMs - statSync(file).mtimeMs >= STALE_EXPORT_MS) rmSync(file, { force: true });
    } catch {
      // Gone already: a leftover is untidy, never harmful.
    }
  }
}

/** A new export's id, the path it is written to, and the path it takes once complete. */
function newExport(dataDir: string): { id: string; partial: string; done: string } {
  const dir = exportsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  removeStaleExports(dataDir);
  const id = randomBytes(16).toString('hex');
  return { id, partial: path.join(dir, `${id}.partial`), done: path.join(dir, id) };
}

/**
 * Writes an export through `produce`, which hands its text to `write` in chunks of any size. The
 * chunks go to disk as they come; the file appears under its id only once complete.
 */
export function writeExport(dataDir: string, produce: (write: (text: string) => void) => void): { id: string; bytes: number } {
  const { id, partial, done } = newExport(dataDir);
  const fd = openSync(partial, 'w');
  let bytes = 0;
  try {
    try {
      produce((text) => {
        if (text === '') return;
        // A string is encoded by the write itself: no Buffer per chunk waiting for the collector.
        const written = writeSync(fd, text, null, 'utf8');
        const size = Buffer.byteLength(text, 'utf8');
        if (written !== size) {
          const rest = Buffer.from(text, 'utf8');
          for (let at = written; at < size; ) at += writeSync(fd, rest, at, size - at);
        }
        bytes += size;
      });
    } finally {
      closeSync(fd);
    }
    renameSync(partial, done);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  return { id, bytes };
}

/**
 * An export that is a copy of an existing file (a backup the user saves elsewhere). The source is
 * only read: the copy is what the pieces are read from and what the last piece removes. The copy
 * is made by the file system off the main thread (no buffer of the file in this process), and gets
 * the current time so the sweep of stale exports does not take it for an abandoned one.
 */
export async function copyToExport(dataDir: string, source: string): Promise<{ id: string; bytes: number }> {
  const { id, partial, done } = newExport(dataDir);
  try {
    await copyFile(source, partial);
    const now = new Date();
    utimesSync(partial, now, now);
    const bytes = statSync(partial).size;
    renameSync(partial, done);
    return { id, bytes };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

/**
 * The piece of export `id` that starts at byte `offset`, as base64, and where the next piece
 * starts (null after the last piece, which also removes the file).
 */
export function readExportPiece(dataDir: string, id: string, offset: number): { base64: string; next: number | null } {
  if (!EXPORT_ID.test(id)) throw new AppFailure('validation', 'That export does not exist.');
  const file = path.join(exportsDir(dataDir), id);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    throw new AppFailure('not-found', 'That export is no longer available. Save it again.');
  }
  let size: number;
  let got = 0;
  try {
    size = statSync(file).size;
    if (offset > size) throw new AppFailure('validation', 'The export is shorter than that.');
    const want = Math.min(EXPORT_PIECE_BYTES, size - offset);
    while (got < want) {
      const n = readSync(fd, scratch, got, want - got, offset + got);
      if (n === 0) break;
      got += n;
    }
  } finally {
    closeSync(fd);
  }
  const end = offset + got;
  if (end >= size) rmSync(file, { force: true });
  return { base64: scratch.toString('base64', 0, got), next: end >= size ? null : end };
}

/** One buffer for every piece read (the backend is single-threaded and each read is synchronous). */
const scratch = Buffer.allocUnsafe(EXPORT_PIECE_BYTES);

function uploadPath(dataDir: string, id: string): string {
  if (!EXPORT_ID.test(id)) throw new AppFailure('validation', 'That upload does not exist.');
  return path.join(exportsDir(dataDir), `${id}.partial`);
}

/** Sizes in plain words for the refusals below. */
function uploadGone(): AppFailure {
  return new AppFailure('not-found', 'That upload is no longer available. Choose the file again.');
}

/** Starts an upload of `bytes` bytes (announced, so an oversized file is refused before any piece). */
export function beginUpload(dataDir: string, bytes: number): { uploadId: string } {
  if (bytes > UPLOAD_MAX_BYTES) throw new AppFailure('validation', 'The file is larger than 2 GB; a RadLedger file is much smaller.');
  const { id, partial } = newExport(dataDir);
  writeFileSync(partial, '');
  return { uploadId: id };
}

/** The bytes an upload's file holds so far; not found when there is no such upload (any more). */
function uploadedSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    throw uploadGone();
  }
}

/**
 * Appends one piece of an upload. It must start where the file ends so far: a piece sent twice,
 * skipped or out of order ends the upload (its file is removed) and the renderer starts again.
 */
export function appendUpload(dataDir: string, id: string, offset: number, piece: Buffer): { received: number } {
  const file = uploadPath(dataDir, id);
  const size = uploadedSize(file);
  const refuse = (message: string): never => {
    rmSync(file, { force: true });
    throw new AppFailure('validation', message);
  };
  if (offset !== size) refuse(`A piece of the file arrived out of order (at byte ${offset}, expected ${size}). Choose the file again.`);
  if (piece.length === 0 || piece.length > UPLOAD_PIECE_BYTES) refuse('A piece of the file has the wrong size. Choose the file again.');
  if (size + piece.length > UPLOAD_MAX_BYTES) refuse('The file is larger than 2 GB; a RadLedger file is much smaller.');
  try {
    appendFileSync(file, piece);
  } catch (err) {
    rmSync(file, { force: true });
    throw new AppFailure('storage', `The file could not be received: ${String(err)}`);
  }
  return { received: size + piece.length };
}

/**
 * The file of a complete upload of `bytes` bytes, left where it is (the caller reads it, then
 * removes it or moves it). A missing or extra piece is refused and the upload removed.
 */
export function completeUpload(dataDir: string, id: string, bytes: number): string {
  const file = uploadPath(dataDir, id);
  const size = uploadedSize(file);
  if (size !== bytes) {
    rmSync(file, { force: true });
    throw new AppFailure('validation', `The file arrived incomplete (${size} of ${bytes} bytes). Choose the file again.`);
  }
  return file;
}

/** A complete upload of `bytes` bytes, moved to `to` (on the same disk: a rename). */
export function takeUpload(dataDir: string, id: string, bytes: number, to: string): void {
  renameSync(completeUpload(dataDir, id, bytes), to);
}
