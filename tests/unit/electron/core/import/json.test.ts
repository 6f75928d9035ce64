import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../../electron/core/audit';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import type { BackupInfo, DataPreview } from '../../../../../shared/ipc/backups';
import type { JsonExportDocument } from '../../../../../shared/ipc/exportjson';
import { dumpDb, seedLog } from '../../../../helpers/db-dump';
import { fixedClock, tempDir } from '../../../../helpers/tmp';
import { value } from '../../../../helpers/backend';

function open(): Backend {
  return openBackend({ dataDir: tempDir(), host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T12:00:00Z') });
}

describe('JSON export and import', () => {
  it('round trip: export -> import into an empty profile gives the same data, row by row, in every table', async () => {
    const source = open();
    await seedLog(source, 80);
    await seedLog(source, 15, '2026-02-01'); // a second track
    const { json, fileName } = value<{ json: string; fileName: string }>(await source.dispatch('exportjson.export', undefined));
    expect(fileName).toBe('radledger-export-2026-11-24.json');
    const doc = JSON.parse(json) as JsonExportDocument;
    expect(doc).toMatchObject({ format: 'radledger-export', formatVersion: 2, exportedAt: '2026-11-24T12:00:00.000Z' });
    expect(Object.keys(doc.tables)).toEqual(expect.arrayContaining(['tracks', 'entries', 'sites', 'audit_log']));

    const target = open();
    const preview = value<DataPreview>(await target.dispatch('exportjson.preview', { json }));
    expect(preview.entries).toBe(95);
    expect(preview.tracks.map((t) => t.entries)).toEqual([80, 15]);

    const result = value<{ undo: BackupInfo }>(await target.dispatch('exportjson.import', { json }));
    expect(result.undo.reason).toBe('pre-restore');
    expect(dumpDb(target.db)).toEqual(dumpDb(source.db));
    expect(verifyAuditChain(target.db)).toEqual({ rows: 97, breaks: [] });

    // Undo gives back the empty profile.
    await target.dispatch('backups.restore', { source: { kind: 'backup', name: result.undo.name } });
    expect(value<{ total: number }>(await target.dispatch('entries.list', {})).total).toBe(0);
    source.close();
    target.close();
  });

  it('refuses what is not an export, an export from a newer RadLedger, and rows that point nowhere, changing nothing', async () => {
    const source = open();
    await seedLog(source, 3);
    const doc = JSON.parse(value<{ json: string }>(await source.dispatch('exportjson.export', undefined)).json) as JsonExportDocument;
    const target = open();
    await seedLog(target, 2);
    const before = dumpDb(target.db);

    const cases: Array<[string, string]> = [
      ['{"hello": 1}', 'validation'],
      ['not json', 'validation'],
      [JSON.stringify({ ...doc, schemaVersion: 999 }), 'newer-database'],
    ];
    // An entry whose track is missing.
    const orphan = structuredClone(doc);
    orphan.tables.tracks!.rows = [];
    cases.push([JSON.stringify(orphan), 'validation']);

    for (const [json, kind] of cases) {
      const r = await target.dispatch('exportjson.import', { json });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.kind).toBe(kind);
    }
    expect(dumpDb(target.db)).toEqual(before);
    source.close();
    target.close();
  });
});
