// Catalog files in and out of the renderer: an imported file is read here and sent as text (the
// renderer never sends a path); an export is offered as a download without touching the disk API.
import { api } from '../../api';
import type { AppError, Result } from '../../../shared/result';
import type { SavedCatalog } from '../../../shared/ipc/catalogs';

/** Same limit as the catalogs.import channel, checked before reading the file into memory. */
const MAX_BYTES = 5_000_000;

/** The file's text comes back too, so errors can name categories and procedures from it. */
export async function importCatalogFile(file: File, trackId?: number): Promise<{ result: Result<SavedCatalog>; text: string }> {
  if (file.size > MAX_BYTES) {
    return { text: '', result: { ok: false, error: { kind: 'validation', message: `It is too large to be a catalog file (limit 5 MB).` } } };
  }
  const text = await file.text();
  return { text, result: await api.catalogs.import({ text, fileName: file.name, ...(trackId ? { trackId } : {}) }) };
}

export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function exportCatalog(ref: { id: number } | { key: string }): Promise<AppError | null> {
  const r = await api.catalogs.export(ref);
  if (!r.ok) return r.error;
  downloadText(r.value.fileName, r.value.text);
  return null;
}
