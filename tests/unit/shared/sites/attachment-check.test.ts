import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, checkAttachment } from '../../../../shared/sites/attachment-check';

const fixturePdf = readFileSync(path.resolve('tests/fixtures/sites/bls-certificate.pdf'));
const bytes = (...b: number[]) => Uint8Array.from(b);

describe('attachment validation by content', () => {
  it('accepts a real PDF, PNG and JPEG and names the type from the bytes', () => {
    expect(checkAttachment(fixturePdf, 'bls-certificate.pdf')).toEqual({ ok: true, mime: 'application/pdf', extension: 'pdf' });
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
    expect(checkAttachment(png, 'card.png')).toMatchObject({ ok: true, mime: 'image/png' });
    expect(checkAttachment(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16), 'scan.JPEG')).toMatchObject({ ok: true, mime: 'image/jpeg' });
    expect(checkAttachment(fixturePdf, 'BLS.PDF')).toMatchObject({ ok: true, mime: 'application/pdf' });
  });

  it('refuses a file whose name does not agree with its content (it would be served under that name)', () => {
    // An HTML page that starts with "%PDF-": a PDF to the sniffer, a web page to anything that trusts the name.
    const polyglot = new TextEncoder().encode('%PDF-1.4\n<html><script>alert(1)</script></html>');
    expect(checkAttachment(polyglot, 'report.html')).toEqual({
      ok: false,
      message: '"report.html" is a PDF by its content but is not named .pdf. Rename it to end in .pdf, or attach the real file.',
    });
    expect(checkAttachment(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16), 'scan.pdf')).toMatchObject({ ok: false, message: expect.stringContaining('is a JPEG image by its content') });
    expect(checkAttachment(fixturePdf, 'certificate')).toMatchObject({ ok: false, message: expect.stringContaining('not named .pdf') });
    expect(checkAttachment(fixturePdf, 'card.png')).toMatchObject({ ok: false });
  });

  it('refuses a real executable renamed to .pdf', () => {
    const exe = existsSync('/bin/true') ? readFileSync('/bin/true') : readFileSync(process.execPath);
    const verdict = checkAttachment(exe, 'certificate.pdf');
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.message).toMatch(/^"certificate\.pdf" is a (Linux|macOS|Windows) program .*not a document/);
  });

  it.each([
    ['Windows program (EXE/DLL)', [0x4d, 0x5a, 0x90, 0x00]],
    ['macOS program (Mach-O)', [0xcf, 0xfa, 0xed, 0xfe]],
    ['script', [...'#!/bin/sh\n'].map((c) => c.charCodeAt(0))],
  ])('refuses a %s whatever its name', (what, sig) => {
    const verdict = checkAttachment(Uint8Array.from(sig), 'insurance-card.png');
    expect(!verdict.ok && verdict.message).toContain(what);
  });

  it('refuses a file that is named like a PDF but is not one, and an unknown type', () => {
    const text = new TextEncoder().encode('Dear student, your certificate...');
    expect(checkAttachment(text, 'cert.pdf')).toEqual({
      ok: false,
      message: '"cert.pdf" is named like a PDF but its content is not one. Attach the real file (PDF, PNG or JPEG).',
    });
    expect(checkAttachment(text, 'cert.docx')).toMatchObject({ ok: false, message: expect.stringContaining('is not a PDF, PNG or JPEG') });
  });

  it('refuses empty and oversized files', () => {
    expect(checkAttachment(new Uint8Array(0), 'a.pdf')).toEqual({ ok: false, message: '"a.pdf" is empty.' });
    const big = new Uint8Array(ATTACHMENT_MAX_BYTES + 1);
    big.set(fixturePdf.subarray(0, 8));
    expect(checkAttachment(big, 'big.pdf')).toEqual({ ok: false, message: '"big.pdf" is 10.0 MB; attachments are limited to 10.0 MB.' });
    const exactly = new Uint8Array(ATTACHMENT_MAX_BYTES);
    exactly.set(fixturePdf.subarray(0, 8));
    expect(checkAttachment(exactly, 'max.pdf').ok).toBe(true);
  });
});
