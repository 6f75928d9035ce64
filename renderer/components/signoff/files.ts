// Files in and out of the renderer. Produced files arrive as base64 bytes and are saved through a
// Blob and an <a download> link: the same code works in Electron (which asks where to save) and in
// the browser preview, and the backend never decides where files go.
import type { ExportedFile, ExportPiece, SavedFile } from '../../../shared/ipc/documents';
import type { Result } from '../../../shared/result';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export function saveFile(file: SavedFile): void {
  download(new Blob([bytesOf(file.base64)], { type: file.mime }), file.fileName);
}

/**
 * A large produced file (the CSV of a whole log, a backup saved to a file), read from the backend
 * piece by piece and saved as one Blob: neither side ever holds the whole file as one base64
 * string. `onProgress` hears the bytes read so far after each piece.
 */
export async function saveExport(
  file: ExportedFile,
  read: (input: { exportId: string; offset: number }) => Promise<Result<ExportPiece>>,
  onProgress?: (done: number, total: number) => void,
): Promise<Result<null>> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const r = await read({ exportId: file.exportId, offset });
    if (!r.ok) return r;
    parts.push(bytesOf(r.value.base64));
    offset = r.value.next;
    onProgress?.(offset ?? file.bytes, file.bytes);
  }
  download(new Blob(parts, { type: file.mime }), file.fileName);
  return { ok: true, value: null };
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some engines start reading the Blob after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A chosen file's bytes as base64 (no data: prefix). */
export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
