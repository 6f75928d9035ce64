// Moving files between the user and the backend without Node: a picked File becomes base64 for
// the API, and bytes from the API become a download (Electron shows its Save dialog for it).
import { UPLOAD_PIECE_BYTES } from '../../../shared/ipc/documents';
import type { Result } from '../../../shared/result';
import { api } from '../../api';

export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** Base64 of some bytes, built in runs so String.fromCharCode never gets too many arguments. */
function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Sends a file the user picked to the backend in pieces of UPLOAD_PIECE_BYTES (read one at a time
 * with File.slice, so neither side holds the whole file as one value); returns the upload's id for
 * the channel that takes the file (backups.stage). `onProgress` gets the bytes sent so far.
 */
export async function uploadFile(file: File, onProgress?: (done: number, total: number) => void): Promise<Result<string>> {
  const begun = await api.documents.beginUpload({ bytes: file.size });
  if (!begun.ok) return begun;
  const { uploadId } = begun.value;
  onProgress?.(0, file.size);
  for (let offset = 0; offset < file.size; offset += UPLOAD_PIECE_BYTES) {
    let base64: string;
    try {
      base64 = bytesToBase64(new Uint8Array(await file.slice(offset, offset + UPLOAD_PIECE_BYTES).arrayBuffer()));
    } catch {
      return { ok: false, error: { kind: 'validation', message: `“${file.name}” could not be read. Choose it again.` } };
    }
    const r = await api.documents.appendUpload({ uploadId, offset, base64 });
    if (!r.ok) return r;
    onProgress?.(r.value.received, file.size);
  }
  return { ok: true, value: uploadId };
}

export function readFileAsText(file: File): Promise<string> {
  return file.text();
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  save(new Blob([text], { type }), fileName);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** "Nov 24, 2026, 12:00:05 PM" in the user's locale and zone (seconds tell apart backups made a moment apart). */
export function formatInstant(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}
