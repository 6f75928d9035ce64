// `npx tsx bench/import.ts [rows]`: spreadsheet import against a raw baseline, and backup time.
//  - import: a CSV of N rows through `import.commit` (read, check every row, pre-import backup,
//    duplicate check, one transaction), in a fresh data folder with one empty track;
//  - baseline: the same N rows inserted with one raw prepared statement in one transaction, into a
//    fresh database of the same schema: the floor any import could reach;
//  - backup: the resulting N-entry database backed up with the online API and verified
//    (integrity_check), and with the synchronous VACUUM INTO used before restores and migrations.
// Prints figures and the ratio; never fails on a number (performance is reported, not asserted).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend } from '../electron/core/backend';
import { writeBackup, writeBackupNow } from '../electron/core/backup/write';
import { openDatabase } from '../electron/core/db/open';
import { checkSheet } from '../electron/core/import/entries';
import { guessMapping } from '../electron/core/import/mapping';
import { readCsv, selectSheet } from '../electron/core/import/table';
import { getTrack } from '../electron/core/tables/tracks';

const N = Number(process.argv[2] ?? 100_000);
const NOW = new Date('2026-11-24T12:00:00Z');
const PROCEDURES = ['CT Head without contrast', 'CT Chest with contrast', 'CT Abdomen/Pelvis with contrast', 'CT Angiography Chest', 'CT Cervical Spine'];
const SITES = ['Mercy General', 'Valley Imaging', 'St. Luke Medical Center', 'Northside Clinic'];

interface Row { date: string; time: string; procedure: string; site: string; notes: string; simulated: boolean }

function rows(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    date: `2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    time: i % 3 === 0 ? '' : `${String(7 + (i % 12)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`,
    procedure: PROCEDURES[i % PROCEDURES.length]!,
    site: SITES[i % SITES.length]!,
    notes: i % 4 === 0 ? 'Routine protocol, good cooperation' : '',
    simulated: i % 25 === 0,
  }));
}

const ms = (t: number) => `${t.toFixed(0)} ms`;
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'radledger-bench-'));

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

const data = rows(N);
const csv = ['Date,Time,Procedure,Site,Notes,Simulated', ...data.map((r) => [r.date, r.time, r.procedure, `"${r.site}"`, r.notes ? `"${r.notes}"` : '', r.simulated ? 'yes' : 'no'].join(','))].join('\n');
const dataBase64 = Buffer.from(csv).toString('base64');
console.log(`RadLedger import bench: ${N.toLocaleString('en-US')} rows (${(csv.length / 1e6).toFixed(1)} MB CSV), node ${process.version}`);

// Raw baseline: one prepared INSERT of the same values in one transaction.
const baseDirs: string[] = [];
const baseline: number[] = [];
for (let run = 0; run < 3; run++) {
  const dir = tmp();
  baseDirs.push(dir);
  const db = openDatabase(path.join(dir, 'raw.sqlite'));
  db.prepare("INSERT INTO tracks (discipline, name, start_date, created_at, updated_at) VALUES ('CT', 'CT', '2026-01-01', 'x', 'x')").run();
  const sites = SITES.map((s) => Number(db.prepare('INSERT INTO sites (name, created_at, updated_at) VALUES (?, ?, ?)').run(s, 'x', 'x').lastInsertRowid));
  const [t] = await time(() => {
    const insert = db.prepare(
      'INSERT INTO entries (track_id, performed_on, performed_at, procedure_name, site_id, simulated, notes, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const now = NOW.toISOString();
    db.transaction(() => {
      for (let i = 0; i < data.length; i++) {
        const r = data[i]!;
        insert.run(1, r.date, r.time || null, r.procedure, sites[i % SITES.length], r.simulated ? 1 : 0, r.notes, 'draft', now, now);
      }
    })();
  });
  baseline.push(t);
  db.close();
}

// The import, through the service exactly as the UI calls it.
const imports: number[] = [];
let importedDir = '';
for (let run = 0; run < 3; run++) {
  const dir = tmp();
  const backend = openBackend({ dataDir: dir, host: 'preview', appVersion: 'bench', now: () => NOW });
  await backend.dispatch('tracks.create', { discipline: 'CT', startDate: '2026-01-01' });
  const mapping = guessMapping(csv.slice(0, csv.indexOf('\n')).split(','));
  const [t, r] = await time(() => backend.dispatch('import.commit', { fileName: 'log.csv', dataBase64, trackId: 1, mapping, skipDuplicates: true }));
  if (!r.ok) throw new Error(r.error.message);
  imports.push(t);
  backend.close();
  if (run === 0) importedDir = dir;
  else rmSync(dir, { recursive: true, force: true });
}

// Where the import's time goes (one run, in-process).
const parts: Record<string, number> = {};
{
  const dir = tmp();
  const backend = openBackend({ dataDir: dir, host: 'preview', appVersion: 'bench', now: () => NOW });
  await backend.dispatch('tracks.create', { discipline: 'CT', startDate: '2026-01-01' });
  const [tParse, raw] = await time(() => readCsv(csv));
  const sheet = selectSheet({ format: 'csv', encoding: null, sheets: [raw] }, { sheet: null, headerRow: null, encoding: null });
  const choices = { mapping: guessMapping(sheet.headers), dateOrder: null, procedureMap: {}, siteMap: {}, skipDuplicates: true, moveTrackStart: false };
  const [tCheck] = await time(() =>
    checkSheet(backend.db, sheet, choices, { track: getTrack(backend.db, 1)!, today: '2026-11-24', catalog: [], catalogIsBinding: false }),
  );
  parts['read CSV (papaparse)'] = tParse;
  parts['check every row (zod + entry rules + duplicates)'] = tCheck;
  backend.close();
  rmSync(dir, { recursive: true, force: true });
}

// Backups of the imported 100k-entry database.
const backend = openBackend({ dataDir: importedDir, host: 'preview', appVersion: 'bench', now: () => NOW });
await backend.ready;
const online: number[] = [];
const vacuum: number[] = [];
for (let run = 0; run < 3; run++) {
  online.push((await time(() => writeBackup(backend.db, importedDir, 'manual', new Date(NOW.getTime() + run * 1000))))[0]);
  vacuum.push((await time(() => writeBackupNow(backend.db, importedDir, 'pre-restore', new Date(NOW.getTime() + run * 1000))))[0]);
}
backend.close();
rmSync(importedDir, { recursive: true, force: true });
for (const d of baseDirs) rmSync(d, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`raw prepared insert, one transaction (baseline): ${ms(median(baseline))}  [${baseline.map(ms).join(', ')}]`);
console.log(`import.commit (read + check + backup + insert):  ${ms(median(imports))}  [${imports.map(ms).join(', ')}]`);
for (const [k, v] of Object.entries(parts)) console.log(`  of which ${k}: ${ms(v)}`);
console.log(`ratio import / raw insert: ${(median(imports) / median(baseline)).toFixed(2)}x (target <= 3x)`);
console.log(`backup of ${N.toLocaleString('en-US')} entries, online API + integrity_check: ${ms(median(online))}  [${online.map(ms).join(', ')}]`);
console.log(`backup of ${N.toLocaleString('en-US')} entries, VACUUM INTO + integrity_check: ${ms(median(vacuum))}  [${vacuum.map(ms).join(', ')}]`);
