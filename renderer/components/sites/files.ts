// Reading a picked file into the base64 the IPC contract carries. The renderer never sends a path.
import { ATTACHMENT_MAX_BYTES, checkAttachment, formatBytes } from '../../../shared/sites/attachment-check';
import type { AttachmentUpload } from '../../../shared/ipc/compliance';

export type PickedFile = { ok: true; upload: AttachmentUpload; sizeBytes: number } | { ok: false; message: string };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

/** Judges the file by content right away (the backend judges it again) and encodes it. */
export async function readPickedFile(file: File): Promise<PickedFile> {
  // Size first, so a huge file is refused without reading it into memory.
  if (file.size > ATTACHMENT_MAX_BYTES) {
    return { ok: false, message: `"${file.name}" is ${formatBytes(file.size)}; attachments are limited to ${formatBytes(ATTACHMENT_MAX_BYTES)}.` };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const verdict = checkAttachment(bytes, file.name);
  if (!verdict.ok) return verdict;
  return { ok: true, upload: { name: file.name, dataBase64: toBase64(bytes) }, sizeBytes: bytes.length };
}
