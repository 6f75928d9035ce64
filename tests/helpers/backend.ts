// Calling the real backend from tests: unwrap a Result or fail loudly with its error.
import type { Backend } from '../../electron/core/backend';
import type { ChannelName, InputOf, OutputOf } from '../../shared/ipc/contract';
import { UPLOAD_PIECE_BYTES } from '../../shared/ipc/documents';
import type { Result } from '../../shared/result';

/** Dispatches a typed call and returns its value; throws with the channel and message on failure. */
export async function call<K extends ChannelName>(b: Backend, channel: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const r = (await b.dispatch(channel, input)) as Result<OutputOf<K>>;
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.message}`);
  return r.value;
}

/** The value of a successful Result; throws with the error kind and message otherwise. */
export function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.message}`);
  return r.value as T;
}

/**
 * A produced file as the renderer reads it back (the CSV of a log, a backup saved to a file): the
 * backend wrote it to its data folder, documents.readExport hands it over piece by piece and the
 * last piece removes the backend's copy.
 */
export async function readExported(b: Backend, file: { exportId: string; bytes: number }, label = 'the export'): Promise<{ bytes: Buffer; pieces: number }> {
  const parts: Buffer[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const piece: OutputOf<'documents.readExport'> = await call(b, 'documents.readExport', { exportId: file.exportId, offset });
    parts.push(Buffer.from(piece.base64, 'base64'));
    offset = piece.next;
  }
  const bytes = Buffer.concat(parts);
  if (bytes.length !== file.bytes) throw new Error(`${label} said ${file.bytes} bytes, the pieces held ${bytes.length}`);
  return { bytes, pieces: parts.length };
}

/** The CSV of the log as the renderer gets it (documents.csv, then readExported). */
export async function exportedCsv(b: Backend, trackId: number | null): Promise<{ fileName: string; text: string; bytes: Buffer; pieces: number }> {
  const file = await call(b, 'documents.csv', { trackId });
  const { bytes, pieces } = await readExported(b, file, 'documents.csv');
  return { fileName: file.fileName, text: bytes.toString('utf8'), bytes, pieces };
}

/** Imports a CSV text into a track through the spreadsheet import (one transaction); the rows imported. */
export async function importCsvText(b: Backend, trackId: number, text: string): Promise<number> {
  const dataBase64 = Buffer.from(text).toString('base64');
  const preview = await call(b, 'import.preview', { fileName: 'log.csv', dataBase64 });
  return (await call(b, 'import.commit', { fileName: 'log.csv', dataBase64, trackId, mapping: preview.mapping, skipDuplicates: false })).imported;
}

/** Sends bytes as the renderer sends a picked file (documents.beginUpload, then 512 KiB pieces); the upload id. */
export async function uploadBytes(b: Backend, bytes: Buffer): Promise<{ uploadId: string; pieces: number }> {
  const { uploadId } = await call(b, 'documents.beginUpload', { bytes: bytes.length });
  let pieces = 0;
  for (let offset = 0; offset < bytes.length; offset += UPLOAD_PIECE_BYTES) {
    await call(b, 'documents.appendUpload', { uploadId, offset, base64: bytes.subarray(offset, offset + UPLOAD_PIECE_BYTES).toString('base64') });
    pieces++;
  }
  return { uploadId, pieces };
}

/** "Restore from a file…" as the renderer does it: the file sent in pieces, then backups.stage. */
export async function stageBytes(b: Backend, fileName: string, bytes: Buffer): Promise<Result<OutputOf<'backups.stage'>>> {
  const { uploadId } = await uploadBytes(b, bytes);
  return (await b.dispatch('backups.stage', { fileName, uploadId, bytes: bytes.length })) as Result<OutputOf<'backups.stage'>>;
}
