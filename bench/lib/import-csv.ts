// The CSV import row: the dataset's rows written as a spreadsheet export, imported through the
// import channels into a fresh data folder with one empty track (preview and check first, as the
// UI does; the commit is what is timed, and it re-reads and re-checks the file itself). The track
// is on the bench catalog, so every procedure name is checked against it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call, has, openBenchBackend } from './backend';
import { CATALOG_KEY, entryRows, SITE_NAMES, TRACK_START, type DatasetSpec } from './dataset';

export function csvOf(spec: DatasetSpec): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ['Date,Time,Procedure,Site,Notes,Simulated,Status'];
  for (const v of entryRows(spec, 0, spec.entries)) {
    // Deleted rows are not in an export; names outside the catalog would be refused by the check.
    if (v[13] !== null || v[3] === null) continue;
    lines.push([v[1], v[2] ?? '', quote(v[4]), quote(SITE_NAMES[v[5] - 1]!), quote(v[9]), v[8] ? 'yes' : 'no', v[10]].join(','));
  }
  return `${lines.join('\n')}\n`;
}

export interface ImportSample {
  ms: number;
  checkMs: number;
  imported: number;
  rows: number;
}

export async function importOnce(csv: string): Promise<ImportSample> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-bench-import-'));
  const backend = await openBenchBackend(dir);
  try {
    const track = await call<{ id: number }>(backend.dispatch, 'tracks.create', { discipline: 'CT', name: 'Imported', startDate: TRACK_START });
    if (has('catalogs.assign')) await call(backend.dispatch, 'catalogs.assign', { trackId: track.id, catalog: { key: CATALOG_KEY } });
    const file = { fileName: 'log.csv', dataBase64: Buffer.from(csv, 'utf8').toString('base64') };
    const preview = await call<{ mapping: unknown; rowCount: number }>(backend.dispatch, 'import.preview', file);
    const run = { ...file, trackId: track.id, mapping: preview.mapping };
    const c0 = performance.now();
    await call(backend.dispatch, 'import.check', run);
    const t0 = performance.now();
    const result = await call<{ imported: number }>(backend.dispatch, 'import.commit', { ...run, skipDuplicates: false });
    const t1 = performance.now();
    return { ms: t1 - t0, checkMs: t0 - c0, imported: result.imported, rows: preview.rowCount };
  } finally {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
