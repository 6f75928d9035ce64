// Files in and out of the renderer. Produced files arrive as base64 bytes and are saved through a
// Blob and an <a download> link: the same code works in Electron (which asks where to save) and in
// the browser preview, and the backend never decides where files go.
import type { SavedFile } from '../../../shared/ipc/documents';

export function saveFile(file: SavedFile): void {
  const bin = atob(file.base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
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
