// dashboard.get at 100,000 entries through the backend's dispatcher (zod included): the first call
// after a change (the engine re-judges the changed day), a repeated call (cached, forecast only),
// and for comparison what a full rebuild would cost (every row read, a full evaluate()). Median and p95; on a loaded machine every figure grows alike, so the
// script also prints the load average. Run: npx tsx bench/dashboard.ts (Node 22 on PATH).
// Figures, not assertions; `npm run bench` (issue 9) measures the same channel in its table.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend } from '../electron/core/backend';
import { builtinCatalog } from '../shared/catalog/builtin';
import { allProcedures } from '../shared/catalog/schema';
import { engineRows, siteProcedureCounts } from '../electron/core/tables/dashboard';
import { evaluate } from '../shared/engine/evaluate';
import { synthEntries } from './synth';

const N = 100_000;
const TODAY = '2026-06-01';
const PROCEDURE_IDS = allProcedures(builtinCatalog('example-ct-like')!)
  .map((p) => p.id)
  .filter((id) => id !== 'renal-stone' && id !== 'cta-chest-pe');
const CONTEXT = { today: TODAY, trackStart: '2024-01-01', plannedApplicationDate: null, examWindowAssignedOn: null, mqsaQualifiedOn: null };

function stats(times: number[]): { median: number; p95: number } {
  const s = [...times].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]! };
}

async function time(runs: number, before: () => unknown, fn: () => unknown): Promise<{ median: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before();
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return stats(times);
}

export async function benchDashboard(): Promise<Array<{ name: string; median: number; p95: number }>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-bench-dashboard-'));
  const backend = openBackend({ dataDir: dir, host: 'preview', appVersion: 'bench', now: () => new Date(`${TODAY}T12:00:00Z`) });
  try {
    const db = backend.db;
    const now = `${TODAY}T12:00:00.000Z`;
    db.transaction(() => {
      db.prepare("INSERT INTO tracks (discipline, name, start_date, created_at, updated_at) VALUES ('CT', 'CT', '2024-01-01', ?, ?)").run(now, now);
      const site = db.prepare("INSERT INTO sites (name, created_at, updated_at) VALUES (?, ?, ?)");
      for (const name of ['Mercy General', 'Valley Imaging', 'Lakeside Regional', 'Northside Clinic', 'County Hospital']) site.run(name, now, now);
      const insert = db.prepare(
        `INSERT INTO entries (track_id, performed_on, performed_at, procedure_id, procedure_name, site_id, simulated, patient_marker, created_at, updated_at)
         VALUES (1, @performedOn, @performedAt, @procedureId, @name, @siteId, @simulated, @patientMarker, @createdAt, @createdAt)`,
      );
      // Two mandatory procedures never logged, so something remains and the forecast projects a date.
      for (const e of synthEntries(N, { endOn: TODAY, procedureIds: PROCEDURE_IDS })) {
        insert.run({ ...e, name: e.procedureId ?? 'Uncatalogued', siteId: (e.id % 5) + 1, simulated: e.simulated ? 1 : 0 });
      }
    })();
    db.exec('ANALYZE');
    const assigned = await backend.dispatch('catalogs.assign', { trackId: 1, catalog: { key: 'example-ct-like' } });
    if (!assigned.ok) throw new Error(assigned.error.message);

    const catalog = builtinCatalog('example-ct-like')!;
    const rows = engineRows(db, 1);
    const get = async () => {
      const r = await backend.dispatch('dashboard.get', { trackId: 1, paceWindowWeeks: 8 });
      if (!r.ok) throw new Error(r.error.message);
    };
    // "After a change": one entry's time moves by a minute, as an edit in the log does. That is a
    // column the engine reads, so the evaluation cache patches the entry in and the engine re-judges
    // its day. A different entry each time, so no two runs see the same change.
    const changeEntry = db.prepare(
      "UPDATE entries SET performed_at = CASE WHEN performed_at = '10:00' THEN '10:01' ELSE '10:00' END WHERE id = ?",
    );
    let changed = 0;
    const touch = () => changeEntry.run(1 + ((changed++ * 7919) % N));
    await get(); // warm-up (JIT)
    const noop = () => {};
    // Each call after a fresh entry change with the 8-week window cached: the 12-week forecast is computed anew.
    const touchForecast = async () => {
      touch();
      await get();
    };
    return [
      { name: 'dashboard.get after a change (incremental engine)', ...(await time(20, touch, get)) },
      { name: 'dashboard.get repeated (cached, forecast only)', ...(await time(100, noop, get)) },
      { name: 'dashboard.get, pace window changed', ...(await time(50, touchForecast, () => backend.dispatch('dashboard.get', { trackId: 1, paceWindowWeeks: 12 }))) },
      { name: '  for comparison: read every live row', ...(await time(20, noop, () => engineRows(db, 1))) },
      { name: '  for comparison: a full evaluate()', ...(await time(20, noop, () => evaluate(catalog, rows, CONTEXT))) },
      { name: 'SQL: per site and procedure (covering index)', ...(await time(50, noop, () => siteProcedureCounts(db, 1))) },
    ];
  } finally {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`Dashboard at ${N.toLocaleString('en-US')} entries in one track (example catalog), target 30 ms; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores:`);
  for (const r of await benchDashboard()) {
    console.log(`  ${r.name.padEnd(50)} median ${r.median.toFixed(2).padStart(8)} ms   p95 ${r.p95.toFixed(2).padStart(8)} ms`);
  }
}
