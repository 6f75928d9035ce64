// A JSON export larger than one message (the export of a 100k-entry log is ~84 MB) is sent in
// 512 KiB pieces like a file to restore, previewed from the upload, then imported from it.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import type { JsonExportDocument } from '../../../../../shared/ipc/exportjson';
import { call, uploadBytes } from '../../../../helpers/backend';
import { dumpDb, seedLog } from '../../../../helpers/db-dump';
import { fixedClock, tempDir } from '../../../../helpers/tmp';

const open = (dir: string): Backend => openBackend({ dataDir: dir, host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T12:00:00Z') });
const exportsOf = (dir: string) => (existsSync(path.join(dir, 'exports')) ? readdirSync(path.join(dir, 'exports')) : []);

describe('JSON import of a file sent in pieces', () => {
  it('previews and imports an export larger than 28 MB, then leaves nothing in exports/', async () => {
    const source = open(tempDir());
    await seedLog(source, 30);
    const { json } = await call(source, 'exportjson.export', undefined);
    // A real export over 28 MB: the same document, its entries' notes made long (no PHI, plain text).
    const doc = JSON.parse(json) as JsonExportDocument;
    const entries = doc.tables.entries!;
    const notes = entries.columns.indexOf('notes');
    expect(notes).toBeGreaterThanOrEqual(0);
    for (const row of entries.rows) row[notes] = 'routine protocol, no issues. '.repeat(34_000);
    const bytes = Buffer.from(JSON.stringify(doc));
    expect(bytes.length).toBeGreaterThan(28 * 1024 * 1024);

    const dir = tempDir();
    const target = open(dir);
    const { uploadId, pieces } = await uploadBytes(target, bytes);
    expect(pieces).toBeGreaterThan(56);
    const preview = await call(target, 'exportjson.previewUpload', { uploadId, bytes: bytes.length });
    expect(preview.entries).toBe(30);
    const done = await call(target, 'exportjson.importUpload', { uploadId, bytes: bytes.length });
    expect(done.preview.entries).toBe(30);
    expect((await call(target, 'entries.list', {})).total).toBe(30);
    expect(dumpDb(target.db).entries).toHaveLength(30);
    expect(exportsOf(dir)).toEqual([]);
    source.close();
    target.close();
  });

  it('refuses an incomplete upload and a file that is not an export, removing it', async () => {
    const dir = tempDir();
    const b = open(dir);
    const text = Buffer.from('{"hello": "not an export"}');
    const { uploadId } = await uploadBytes(b, text);
    const short = await b.dispatch('exportjson.previewUpload', { uploadId, bytes: text.length + 1 });
    expect(short.ok ? 'ok' : short.error.kind).toBe('validation');
    expect(exportsOf(dir)).toEqual([]);

    const again = await uploadBytes(b, text);
    const bad = await b.dispatch('exportjson.importUpload', { uploadId: again.uploadId, bytes: text.length });
    expect(bad.ok ? 'ok' : bad.error.kind).toBe('validation');
    expect(exportsOf(dir)).toEqual([]);
    expect((await call(b, 'entries.list', {})).total).toBe(0);
    b.close();
  });
});
