// What an attached file really is, judged by its first bytes and never by its name: a renamed
// program must not slip into the data folder as a "certificate". The name must then agree with the
// content (a PDF named .pdf, a PNG .png, a JPEG .jpg/.jpeg): the file is served back under its
// name, and an HTML page that starts with "%PDF-" but is named .html would open as a web page.
// Pure (bytes in, verdict out).
import type { AttachmentMime } from './types';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The base64 text of a file of ATTACHMENT_MAX_BYTES, with padding: the IPC input cap. */
export const ATTACHMENT_MAX_BASE64 = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4;

export type AttachmentVerdict =
  | { ok: true; mime: AttachmentMime; extension: 'pdf' | 'png' | 'jpg' }
  | { ok: false; message: string };

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

// Programs: the point is to name what the file really is, so the user understands the refusal.
const PROGRAMS: ReadonlyArray<{ signature: number[]; what: string }> = [
  { signature: [0x7f, 0x45, 0x4c, 0x46], what: 'a Linux program (ELF)' },
  { signature: ascii('MZ'), what: 'a Windows program (EXE/DLL)' },
  { signature: [0xfe, 0xed, 0xfa, 0xce], what: 'a macOS program (Mach-O)' },
  { signature: [0xfe, 0xed, 0xfa, 0xcf], what: 'a macOS program (Mach-O)' },
  { signature: [0xce, 0xfa, 0xed, 0xfe], what: 'a macOS program (Mach-O)' },
  { signature: [0xcf, 0xfa, 0xed, 0xfe], what: 'a macOS program (Mach-O)' },
  { signature: [0xca, 0xfe, 0xba, 0xbe], what: 'a macOS program (universal binary)' },
  { signature: ascii('#!'), what: 'a script' },
];

function claimedType(name: string): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  switch (ext) {
    case 'pdf':
      return 'a PDF';
    case 'png':
      return 'a PNG image';
    case 'jpg':
    case 'jpeg':
      return 'a JPEG image';
    default:
      return null;
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

function sniff(bytes: Uint8Array): { mime: AttachmentMime; extension: 'pdf' | 'png' | 'jpg' } | null {
  if (startsWith(bytes, PDF)) return { mime: 'application/pdf', extension: 'pdf' };
  if (startsWith(bytes, PNG)) return { mime: 'image/png', extension: 'png' };
  if (startsWith(bytes, JPEG)) return { mime: 'image/jpeg', extension: 'jpg' };
  return null;
}

const NAMES_FOR: Record<AttachmentMime, { what: string; extensions: readonly string[] }> = {
  'application/pdf': { what: 'a PDF', extensions: ['pdf'] },
  'image/png': { what: 'a PNG image', extensions: ['png'] },
  'image/jpeg': { what: 'a JPEG image', extensions: ['jpg', 'jpeg'] },
};

/** Why `name` does not fit content of type `mime`, or null when its extension agrees. */
export function nameMismatch(name: string, mime: AttachmentMime): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const { what, extensions } = NAMES_FOR[mime];
  if (extensions.includes(ext)) return null;
  return `"${name}" is ${what} by its content but is not named .${extensions[0]}. Rename it to end in .${extensions[0]}, or attach the real file.`;
}

export function checkAttachment(bytes: Uint8Array, name: string): AttachmentVerdict {
  if (bytes.length === 0) return { ok: false, message: `"${name}" is empty.` };
  // A program is named as such even when it is also too large: that is the more useful message.
  const program = PROGRAMS.find((p) => startsWith(bytes, p.signature));
  if (program) {
    return {
      ok: false,
      message: `"${name}" is ${program.what}, not a document. Attach the certificate itself as a PDF, PNG or JPEG.`,
    };
  }
  if (bytes.length > ATTACHMENT_MAX_BYTES) {
    return { ok: false, message: `"${name}" is ${formatBytes(bytes.length)}; attachments are limited to ${formatBytes(ATTACHMENT_MAX_BYTES)}.` };
  }
  const found = sniff(bytes);
  if (found) {
    const mismatch = nameMismatch(name, found.mime);
    return mismatch ? { ok: false, message: mismatch } : { ok: true, ...found };
  }
  const claimed = claimedType(name);
  return {
    ok: false,
    message: claimed
      ? `"${name}" is named like ${claimed} but its content is not one. Attach the real file (PDF, PNG or JPEG).`
      : `"${name}" is not a PDF, PNG or JPEG file. Scan or save the document in one of those formats.`,
  };
}
