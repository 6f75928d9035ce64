// "Restore from a file…" with a file of any size: the renderer sends it in pieces of 512 KiB
// (documents.beginUpload, documents.appendUpload), then backups.stage stages it with the checks
// every restore makes. A piece out of order, an unknown upload, a file that is not a
// RadLedger database are refused, and nothing of them is left in the data folder.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import { EXPORT_PIECE_BYTES } from '../../../../../electron/core/exports';
import type { BackupInfo, DataPreview, RestoreSource } from '../../../../../shared/ipc/backups';
import { call, uploadBytes as upload, value } from '../../../../helpers/backend';
import { seedLog } from '../../../../helpers/db-dump';
import { fixedClock, tempDir } from '../../../../helpers/tmp';

const clock = fixedClock('2026-11-24T12:00:00Z');
const open = (dir: string): Backend => openBackend({ dataDir: dir, host: 'preview', appVersion: 't', now: clock });

/** Files left in exports/ and restore-staging/ (an upload in progress or a staged file). */
function leftovers(dir: string): string[] {
  return ['exports', 'restore-staging'].flatMap((d) => (existsSync(path.join(dir, d)) ? readdirSync(path.join(dir, d)).map((n) => `${d}/${n}`) : []));
}

describe('restore from a file sent in pieces', () => {
  it('stages and restores a real backup larger than 20 MB', async () => {
    const src = tempDir();
    const maker = open(src);
    await seedLog(maker, 40);
    const made = value<BackupInfo>(await maker.dispatch('backups.create', undefined));
    maker.close();
    // A real, valid RadLedger database over 20 MB: the backup with a large row in a table of its own.
    const big = path.join(tempDir(), 'big.sqlite');
    copyFileSync(path.join(src, 'backups', made.name), big);
    const db = new Database(big);
    db.exec('CREATE TABLE padding (b BLOB)');
    db.prepare('INSERT INTO padding VALUES (zeroblob(?))').run(22 * 1024 * 1024);
    db.close();
    const bytes = readFileSync(big);
    expect(bytes.length).toBeGreaterThan(20 * 1024 * 1024);

    const dir = tempDir();
    const b = open(dir);
    const { uploadId, pieces } = await upload(b, bytes);
    expect(pieces).toBeGreaterThan(40);
    const staged = await call(b, 'backups.stage', { fileName: 'big.sqlite', uploadId, bytes: bytes.length });
    expect(staged.preview.entries).toBe(40);
    expect(leftovers(dir).filter((f) => f.startsWith('exports/'))).toEqual([]);

    const restored = value<{ preview: DataPreview }>(await b.dispatch('backups.restore', { source: staged.source as RestoreSource }));
    expect(restored.preview.entries).toBe(40);
    expect((await call(b, 'entries.list', {})).total).toBe(40);
    b.close();
  });

  it('refuses a piece out of order, a piece again, an unknown upload and a missing last piece, leaving nothing behind', async () => {
    const dir = tempDir();
    const b = open(dir);
    const bytes = Buffer.alloc(3 * EXPORT_PIECE_BYTES, 7);
    const piece = (at: number) => bytes.subarray(at, at + EXPORT_PIECE_BYTES).toString('base64');

    const first = await call(b, 'documents.beginUpload', { bytes: bytes.length });
    await call(b, 'documents.appendUpload', { uploadId: first.uploadId, offset: 0, base64: piece(0) });
    const skipped = await b.dispatch('documents.appendUpload', { uploadId: first.uploadId, offset: 2 * EXPORT_PIECE_BYTES, base64: piece(2 * EXPORT_PIECE_BYTES) });
    expect(skipped.ok ? 'ok' : skipped.error.kind).toBe('validation');
    expect(leftovers(dir)).toEqual([]);

    const again = await call(b, 'documents.beginUpload', { bytes: bytes.length });
    await call(b, 'documents.appendUpload', { uploadId: again.uploadId, offset: 0, base64: piece(0) });
    const twice = await b.dispatch('documents.appendUpload', { uploadId: again.uploadId, offset: 0, base64: piece(0) });
    expect(twice.ok ? 'ok' : twice.error.kind).toBe('validation');
    expect(leftovers(dir)).toEqual([]);

    const unknown = await b.dispatch('documents.appendUpload', { uploadId: 'a'.repeat(32), offset: 0, base64: piece(0) });
    expect(unknown.ok ? 'ok' : unknown.error.kind).toBe('not-found');
    const badId = await b.dispatch('backups.stage', { fileName: 'x.sqlite', uploadId: '../../etc/passwd', bytes: 10 });
    expect(badId.ok ? 'ok' : badId.error.kind).toBe('validation');

    const short = await call(b, 'documents.beginUpload', { bytes: bytes.length });
    await call(b, 'documents.appendUpload', { uploadId: short.uploadId, offset: 0, base64: piece(0) });
    const early = await b.dispatch('backups.stage', { fileName: 'x.sqlite', uploadId: short.uploadId, bytes: bytes.length });
    expect(early.ok ? 'ok' : early.error.kind).toBe('validation');
    expect(leftovers(dir)).toEqual([]);

    const tooBig = await b.dispatch('documents.beginUpload', { bytes: 3 * 1024 ** 3 });
    expect(tooBig.ok ? 'ok' : tooBig.error.message).toMatch(/larger than 2 GB/);
    b.close();
  });

  it('refuses a file that is not a RadLedger database with the same answer as before, leaving nothing behind', async () => {
    const dir = tempDir();
    const b = open(dir);
    const bytes = Buffer.alloc(EXPORT_PIECE_BYTES + 1000, 'not a database ');
    const { uploadId } = await upload(b, bytes);
    const r = await b.dispatch('backups.stage', { fileName: 'notes.txt', uploadId, bytes: bytes.length });
    expect(r.ok ? 'ok' : r.error.kind).toBe('corrupt-database');
    expect(leftovers(dir)).toEqual([]);
    b.close();
  });
});
