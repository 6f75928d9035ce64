// `npm run bench`: RadLedger's performance against the targets of issue 9, beside the raw limits of
// the same machine measured in the same run (a raw prepared insert in one transaction, a raw GROUP BY
// over a covering index, a file copy). Prints a table, writes bench/results.json and the generated
// part of docs/benchmarks.md. Never fails the process for a missed target: it reports.
//
// BENCH_SMOKE=1 runs every row on tiny data (200 / 500 / 1,000 entries) with few samples, never
// builds the renderer, and writes nothing to docs/; the unit test tests/unit/bench/smoke.test.ts
// runs it so the bench cannot rot.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { migrations } from '../electron/core/db/migrations';
import { databasePath } from '../electron/core/paths';
import { countEntries, entryPageSql } from '../electron/core/tables/entries';
import { builtinCatalog } from '../shared/catalog/builtin';
import { evaluate } from '../shared/engine/evaluate';
import { benchEngine, type EngineBenchRow } from './lib/engine';
import { LOG_QUERY_CASES } from './log-queries';
import {
  assignBenchCatalog,
  call,
  dashboardData,
  dashboardSource,
  fileCopy,
  has,
  lightDispatch,
  logOneEntry,
  openBenchBackend,
  rawSingleInsert,
  touchTrack,
} from './lib/backend';
import { browserAvailable, navigateToDashboard } from './lib/browser';
import { bundleSize } from './lib/bundle';
import { CATALOG_KEY, rawInsert, seedDataDir, TRACK_CONTEXT, withGroupByBaseline, type DatasetSpec } from './lib/dataset';
import { csvOf, importOnce } from './lib/import-csv';
import { machineInfo, writeBenchmarksDoc } from './lib/machine';
import { trackEngineEntries } from './lib/progress';
import { consoleTable, formatValue, measured, ratio, unmeasured, type Row, type RowInput } from './lib/report';
import { runChild } from './lib/spawn';
import { collect, sample, sampleAsync, summarize, type SampleOptions, type Summary } from './lib/stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SMOKE = process.env.BENCH_SMOKE === '1';

const SIZE = SMOKE
  ? { heavy: 200, program: 500, stress: 1_000, browser: 200, packet: 100, engineOneTrack: 1_000 }
  : { heavy: 2_000, program: 100_000, stress: 1_000_000, browser: 10_000, packet: 1_000, engineOneTrack: 100_000 };
const RUNS = {
  fast: (o: SampleOptions = {}): SampleOptions => (SMOKE ? { warmup: 1, minRuns: 2, maxRuns: 3, budgetMs: 100, before: o.before } : { warmup: 5, minRuns: 10, maxRuns: 200, budgetMs: 4_000, ...o }),
  slow: (o: SampleOptions = {}): SampleOptions => (SMOKE ? { warmup: 0, minRuns: 1, maxRuns: 2, budgetMs: 100, before: o.before } : { warmup: 1, minRuns: 3, maxRuns: 15, budgetMs: 12_000, ...o }),
  children: SMOKE ? 2 : 5,
  rssChildren: SMOKE ? 1 : 2,
  browser: SMOKE ? 1 : 7,
  imports: SMOKE ? 1 : 2,
  rawInserts: SMOKE ? 1 : 3,
};

const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1_000 ? `${n / 1_000}k` : String(n));
const HEAVY: DatasetSpec = { entries: SIZE.heavy, tracks: 1, seed: 2_000, audit: true };
const PROGRAM: DatasetSpec = { entries: SIZE.program, tracks: 10, seed: 100_000, audit: true };
const STRESS: DatasetSpec = { entries: SIZE.stress, tracks: 10, seed: 1_000_000, audit: false };
const BROWSER: DatasetSpec = { entries: SIZE.browser, tracks: 1, seed: 10_000, audit: true };
const PACKET: DatasetSpec = { entries: SIZE.packet, tracks: 1, seed: 1_000, audit: true };
const label = {
  heavy: `${k(SIZE.heavy)} (1 track)`,
  program: `${k(SIZE.program)} (10 tracks)`,
  stress: `${k(SIZE.stress)} (10 tracks)`,
  browser: `${k(SIZE.browser)} (1 track)`,
  packet: `${k(SIZE.packet)} entries`,
};

const ms = (value: number) => ({ kind: 'max' as const, value, unit: 'ms' as const });

// Every row the bench prints, in order. A section that fails marks its rows as errors and the rest go on.
const ROWS = {
  baseInsertOne2k: { id: 'baseline-insert-1-2k', what: 'baseline: raw insert of 1 row, own transaction', size: label.heavy },
  baseGroupBy2k: { id: 'baseline-groupby-2k', what: 'baseline: raw GROUP BY per procedure (covering index)', size: label.heavy },
  log2k: { id: 'log-entry-2k', what: 'log one entry (validate, insert, audit, re-evaluate)', size: label.heavy, target: ms(2) },
  eval2k: { id: 'evaluate-2k', what: 'evaluate() of a track', size: label.heavy, target: ms(5) },
  baseInsert100k: { id: 'baseline-insert-100k', what: `baseline: raw insert of ${k(SIZE.program)} rows, one transaction`, size: label.program },
  baseInsertOne100k: { id: 'baseline-insert-1-100k', what: 'baseline: raw insert of 1 row, own transaction', size: label.program },
  baseGroupBy100k: { id: 'baseline-groupby-100k', what: 'baseline: raw GROUP BY per procedure (covering index)', size: `${label.program}, 1 track` },
  baseCopy100k: { id: 'baseline-copy-100k', what: 'baseline: copy the database file', size: label.program },
  log100k: { id: 'log-entry-100k', what: 'log one entry (validate, insert, audit, re-evaluate)', size: label.program, target: ms(20) },
  eval100k: { id: 'evaluate-100k', what: 'evaluate() of a track', size: `${label.program}, 1 track`, target: ms(50) },
  evalOneTrack: { id: 'evaluate-100k-one-track', what: 'evaluate(): all entries in one track (bench/engine.ts)', size: `${k(SIZE.engineOneTrack)} (1 track)`, target: ms(50) },
  dashboard100k: { id: 'dashboard-100k', what: 'dashboard data for a track (after a change)', size: `${label.program}, 1 track`, target: ms(30) },
  dashboardOneTrack: { id: 'dashboard-100k-one-track', what: 'dashboard.get after a change (bench/dashboard.ts)', size: '100k (1 track)', target: ms(30) },
  dashboardOneTrackHit: { id: 'dashboard-100k-one-track-repeat', what: 'dashboard.get repeated, no change (bench/dashboard.ts)', size: '100k (1 track)' },
  import100k: { id: 'csv-import-100k', what: `CSV import of ${k(SIZE.program)} rows`, size: `${k(SIZE.program)} rows`, target: { kind: 'ratio' as const, value: 3, baseline: 'raw insert' } },
  backup100k: { id: 'backup-100k', what: 'backup (a checkpointed file copy, verified)', size: label.program, target: ms(1_000) },
  cold100k: { id: 'cold-start-100k', what: 'open + migrate + first dashboard (fresh process)', size: label.program, target: ms(300) },
  update100k: { id: 'cold-start-update-100k', what: 'the same, first start after an update (1 migration pending)', size: label.program },
  rss100k: { id: 'peak-rss-100k', what: 'backend peak RSS (fresh process, working session)', size: label.program, unit: 'MB' as const, target: { kind: 'max' as const, value: 250, unit: 'MB' as const } },
  baseGroupBy1m: { id: 'baseline-groupby-1m', what: 'baseline: raw GROUP BY per procedure (covering index)', size: `${label.stress}, 1 track` },
  packet: { id: 'packet-pdf-1000', what: 'verification packet PDF', size: label.packet, target: ms(1_500) },
  browser: { id: 'browser-dashboard-10k', what: 'browser: open app, navigate to dashboard, visible', size: label.browser, target: ms(1_500) },
  bundle: { id: 'renderer-bundle', what: 'renderer first screen (eager JS + CSS, gzip)', size: 'dist/renderer', unit: 'kB' as const, target: { kind: 'max' as const, value: 400, unit: 'kB' as const } },
} satisfies Record<string, RowInput>;

const logTableRows: RowInput[] = LOG_QUERY_CASES.map(([name], i) => ({
  id: `log-table-1m-${i}`,
  what: `log table: ${name}`,
  size: label.stress,
  target: ms(10),
}));

const rows: Row[] = [];
const plans: Record<string, string> = {};
const scratch = mkdtempSync(path.join(os.tmpdir(), 'radledger-bench-'));
const started = performance.now();

function log(message: string): void {
  const s = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[${s} s] ${message}`);
}

async function section(name: string, inputs: RowInput[], body: () => Promise<Row[]>): Promise<void> {
  log(name);
  try {
    rows.push(...(await body()));
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    log(`  failed: ${message}`);
    rows.push(...inputs.filter((i) => !rows.some((r) => r.id === i.id)).map((i) => unmeasured(i, 'error', message.slice(0, 200))));
  }
}

function notBuilt(input: RowInput, channel: string): Row {
  return unmeasured(input, 'not built', `channel ${channel} is not in the contract yet`);
}

function seed(name: string, spec: DatasetSpec, fast = false): string {
  const dir = path.join(scratch, name);
  const t0 = performance.now();
  seedDataDir(dir, spec, { fast });
  log(`  seeded ${name}: ${spec.entries.toLocaleString('en-US')} entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return dir;
}

const catalog = builtinCatalog(CATALOG_KEY)!;

/** evaluate() alone on a track's entries as read from the database. */
function evaluateRow(input: RowInput, dbEntries: ReturnType<typeof trackEngineEntries>, groupBy: Summary): Row {
  const s = sample(() => evaluate(catalog, dbEntries, TRACK_CONTEXT), RUNS.fast());
  return measured(input, s, { ratios: [`${ratio(s.median, groupBy.median)} GROUP BY`] });
}

async function logEntryRow(input: RowInput, dataDir: string, insertOne: Summary): Promise<Row> {
  const backend = await openBenchBackend(dataDir);
  try {
    const parts: Array<{ create: number; evaluate: number }> = [];
    const s = await sampleAsync(async (i) => {
      const p = await logOneEntry(backend, 1, i);
      if (i >= 0) parts.push(p);
    }, RUNS.fast({ maxRuns: 100 }));
    const create = summarize(parts.map((p) => p.create)).median;
    const evalMs = summarize(parts.map((p) => p.evaluate)).median;
    return {
      ...measured(input, s, { ratios: [`${ratio(s.median, insertOne.median)} raw 1-row insert`] }),
      note: `entries.create ${formatValue(create, 'ms')} + re-evaluate ${formatValue(evalMs, 'ms')} (medians)`,
    };
  } finally {
    backend.close();
  }
}

async function main(): Promise<void> {
  log(`RadLedger bench${SMOKE ? ' (SMOKE: tiny sizes, figures meaningless)' : ''}; scratch ${scratch}`);
  const machine = machineInfo();
  log(`${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, load ${machine.loadavg}`);

  // ---- heavy user: 2k entries, one track -------------------------------------------------------
  let groupBy2k: Summary | null = null;
  let insertOne2k: Summary | null = null;
  await section(`heavy user: ${label.heavy}`, [ROWS.baseInsertOne2k, ROWS.baseGroupBy2k, ROWS.log2k, ROWS.eval2k], async () => {
    const dir = seed('heavy', HEAVY);
    log(`  ${await assignBenchCatalog(dir)}`);
    const out: Row[] = [];
    const light = lightDispatch(databasePath(dir));
    try {
      groupBy2k = withGroupByBaseline(light.db, 1, (run, plan) => ((plans[ROWS.baseGroupBy2k.id] = plan), sample(run, RUNS.fast())));
      out.push(measured(ROWS.baseGroupBy2k, groupBy2k));
      insertOne2k = sample(rawSingleInsert(light.db, HEAVY), RUNS.fast({ maxRuns: 50 }));
      out.push(measured(ROWS.baseInsertOne2k, insertOne2k));
      out.push(evaluateRow(ROWS.eval2k, trackEngineEntries(light.db, 1), groupBy2k));
    } finally {
      light.close();
    }
    out.push(await logEntryRow(ROWS.log2k, dir, insertOne2k));
    return out;
  });

  // ---- program: 100k entries, 10 tracks --------------------------------------------------------
  let insert100k: Summary | null = null;
  const programInputs = [ROWS.baseInsert100k, ROWS.baseInsertOne100k, ROWS.baseGroupBy100k, ROWS.baseCopy100k, ROWS.log100k, ROWS.eval100k, ROWS.evalOneTrack, ROWS.dashboard100k];
  let programDir = '';
  await section(`program: ${label.program}`, programInputs, async () => {
    const out: Row[] = [];
    insert100k = await collect(async (i) => rawInsert(path.join(scratch, `raw-insert-${i}`), PROGRAM), RUNS.rawInserts);
    for (let i = 0; i < RUNS.rawInserts; i++) rmSync(path.join(scratch, `raw-insert-${i}`), { recursive: true, force: true });
    out.push(measured(ROWS.baseInsert100k, insert100k, { ratios: [`${((insert100k.median * 1000) / SIZE.program).toFixed(1)} µs/row`] }));
    programDir = seed('program', PROGRAM);
    log(`  ${await assignBenchCatalog(programDir)}`);
    const light = lightDispatch(databasePath(programDir));
    let groupBy: Summary;
    let insertOne: Summary;
    try {
      groupBy = withGroupByBaseline(light.db, 1, (run, plan) => ((plans[ROWS.baseGroupBy100k.id] = plan), sample(run, RUNS.fast())));
      out.push(measured(ROWS.baseGroupBy100k, groupBy));
      insertOne = sample(rawSingleInsert(light.db, PROGRAM), RUNS.fast({ maxRuns: 50 }));
      out.push(measured(ROWS.baseInsertOne100k, insertOne));
      const copy = sample(fileCopy(databasePath(programDir), path.join(scratch, 'copy.sqlite')), RUNS.slow());
      rmSync(path.join(scratch, 'copy.sqlite'), { force: true });
      out.push(measured(ROWS.baseCopy100k, copy, { ratios: [`${(statSync(databasePath(programDir)).size / 1e6).toFixed(1)} MB file`] }));
      out.push(evaluateRow(ROWS.eval100k, trackEngineEntries(light.db, 1), groupBy));
      // A cache keyed on data changes would make repeat calls free; the row measures the call after a change.
      const d = await sampleAsync(() => dashboardData(light.dispatch, light.db, 1), RUNS.fast({ maxRuns: 100, before: () => touchTrack(light.db, 1) }));
      const hit = await sampleAsync(() => dashboardData(light.dispatch, light.db, 1), RUNS.fast({ maxRuns: 100 }));
      out.push({
        ...measured(ROWS.dashboard100k, d, { ratios: [`${ratio(d.median, groupBy.median)} GROUP BY`] }),
        note: `${dashboardSource()}; repeat call without a change ${formatValue(hit.median, 'ms')}`,
      });
    } finally {
      light.close();
    }
    // bench/engine.ts in a process of its own, as the app's backend runs the engine; the same in
    // this process, whose heap holds the work of every section so far, is given beside it.
    const engine = runChild<EngineBenchRow>('engine', String(SIZE.engineOneTrack));
    const [here] = benchEngine([SIZE.engineOneTrack]);
    out.push({
      ...measured(ROWS.evalOneTrack, { median: engine.medianMs, p95: engine.p95Ms, runs: engine.runs }, { ratios: [`${ratio(engine.medianMs, groupBy.median)} GROUP BY of a 10k track`] }),
      note: `verdicts are built when read: evaluate() and then reading all ${k(SIZE.engineOneTrack)} ${formatValue(engine.withVerdictsMs, 'ms')}; in the bench's own process ${formatValue(here!.medianMs, 'ms')} (medians)`,
    });
    out.push(await logEntryRow(ROWS.log100k, programDir, insertOne));
    return out;
  });

  await section(`CSV import: ${k(SIZE.program)} rows`, [ROWS.import100k], async () => {
    if (!has('import.commit')) return [notBuilt(ROWS.import100k, 'import.commit')];
    if (!insert100k) throw new Error('no raw-insert baseline (the program section failed)');
    const base = insert100k as Summary;
    const csv = csvOf(PROGRAM);
    const runs = [];
    for (let i = 0; i < RUNS.imports; i++) runs.push(await importOnce(csv));
    const s = summarize(runs.map((r) => r.ms));
    const r = s.median / base.median;
    return [
      {
        ...measured(ROWS.import100k, s, { ratios: [`${ratio(s.median, base.median)} raw insert`], ratioValue: r }),
        note: `${runs[0]!.imported.toLocaleString('en-US')} of ${runs[0]!.rows.toLocaleString('en-US')} rows imported; import.check ${formatValue(summarize(runs.map((x) => x.checkMs)).median, 'ms')} (not in the figure)`,
      },
    ];
  });

  await section('backup, cold start, peak RSS (fresh processes)', [ROWS.backup100k, ROWS.cold100k, ROWS.update100k, ROWS.rss100k], async () => {
    if (!programDir) throw new Error('no program dataset (the program section failed)');
    const out: Row[] = [];
    if (has('backups.create')) {
      // In the app's own backend process (child.ts), as for the cold start; three more in this
      // process, beside it. Each removes its manual backups, keeping the daily one.
      const s = runChild<Summary>('backup', programDir, String(RUNS.slow().maxRuns));
      const backend = await openBenchBackend(programDir);
      let here: Summary;
      try {
        here = await sampleAsync(async () => call(backend.dispatch, 'backups.create', undefined), { warmup: 0, minRuns: 3, maxRuns: 3 });
      } finally {
        backend.close();
        const backups = path.join(programDir, 'backups');
        for (const f of readdirSync(backups).filter((f) => f.includes('-manual'))) rmSync(path.join(backups, f), { force: true });
      }
      out.push({ ...measured(ROWS.backup100k, s), note: `database ${formatValue(statSync(databasePath(programDir)).size / 2 ** 20, 'MB')}; in the bench's own process ${formatValue(here.median, 'ms')} (median of 3)` });
    } else out.push(notBuilt(ROWS.backup100k, 'backups.create'));
    const cold = [] as Array<{ ms: number; openMs: number; dashboardMs: number; processMs: number }>;
    for (let i = 0; i < RUNS.children; i++) cold.push(runChild('cold', programDir));
    const c = summarize(cold.map((x) => x.ms));
    out.push({
      ...measured(ROWS.cold100k, c),
      note: `openBackend ${formatValue(summarize(cold.map((x) => x.openMs)).median, 'ms')} + first dashboard ${formatValue(summarize(cold.map((x) => x.dashboardMs)).median, 'ms')}; node start to dashboard ${formatValue(summarize(cold.map((x) => x.processMs)).median, 'ms')}`,
    });
    // After an update: the same data one migration behind; the start-up migrates it (and first
    // takes the pre-migration backup). One sample per run: each one consumes its pending migration.
    const updates = [] as Array<{ ms: number; openMs: number; dashboardMs: number }>;
    for (let i = 0; i < (SMOKE ? 1 : 2); i++) {
      const behind = path.join(scratch, `update-${i}`);
      seedDataDir(behind, PROGRAM, { fast: true, migrations: migrations.slice(0, -1) });
      updates.push(runChild('cold', behind));
      rmSync(behind, { recursive: true, force: true });
    }
    const u = summarize(updates.map((x) => x.ms));
    out.push({
      ...measured(ROWS.update100k, u),
      note: `migration ${migrations.at(-1)!.version} (${migrations.at(-1)!.name}) pending; openBackend ${formatValue(summarize(updates.map((x) => x.openMs)).median, 'ms')} (incl. the pre-migration backup)`,
    });
    const rss = [] as Array<{ mb: number; idleMb: number; done: string[] }>;
    for (let i = 0; i < RUNS.rssChildren; i++) rss.push(runChild('rss', programDir));
    const r = summarize(rss.map((x) => x.mb));
    out.push({ ...measured(ROWS.rss100k, r), note: `after imports ${summarize(rss.map((x) => x.idleMb)).median.toFixed(0)} MB; RSS after each step: ${rss[0]!.done.join(', ')}` });
    return out;
  });

  await section('dashboard, all entries in one track (bench/dashboard.ts)', [ROWS.dashboardOneTrack, ROWS.dashboardOneTrackHit], async () => {
    if (SMOKE) {
      const why = 'smoke mode: bench/dashboard.ts has a fixed 100k size';
      return [unmeasured(ROWS.dashboardOneTrack, 'skipped', why), unmeasured(ROWS.dashboardOneTrackHit, 'skipped', why)];
    }
    const mod = await optionalBench<{ benchDashboard: () => Promise<Array<{ name: string; median: number; p95: number }>> }>('dashboard.ts');
    if (!mod) return [unmeasured(ROWS.dashboardOneTrack, 'not built', 'bench/dashboard.ts is missing'), unmeasured(ROWS.dashboardOneTrackHit, 'not built', 'bench/dashboard.ts is missing')];
    const figures = await mod.benchDashboard();
    const find = (prefix: string) => figures.find((f) => f.name.startsWith(prefix));
    const after = find('dashboard.get after a change');
    const repeat = find('dashboard.get repeated');
    const parts = figures.filter((f) => f.name.trim().startsWith('for comparison')).map((f) => `${f.name.trim()} ${formatValue(f.median, 'ms')}`);
    if (!after || !repeat) throw new Error('bench/dashboard.ts no longer reports "after a change" and "repeated"');
    return [
      { ...measured(ROWS.dashboardOneTrack, { ...after, runs: 20 }), note: parts.join('; ') },
      measured(ROWS.dashboardOneTrackHit, { ...repeat, runs: 100 }),
    ];
  });

  // ---- stress: 1M entries ----------------------------------------------------------------------
  await section(`stress: ${label.stress}`, [ROWS.baseGroupBy1m, ...logTableRows], async () => {
    const dir = seed('stress', STRESS, true);
    const light = lightDispatch(databasePath(dir));
    const out: Row[] = [];
    try {
      const groupBy = withGroupByBaseline(light.db, 1, (run, plan) => ((plans[ROWS.baseGroupBy1m.id] = plan), sample(run, RUNS.fast())));
      out.push(measured(ROWS.baseGroupBy1m, groupBy));
      LOG_QUERY_CASES.forEach(([, q], i) => {
        const input = logTableRows[i]!;
        const page = entryPageSql(q);
        plans[input.id] = (light.db.prepare(`EXPLAIN QUERY PLAN ${page.sql}`).all(page.params) as Array<{ detail: string }>).map((r) => r.detail).join('; ');
      });
      for (const [i, [, q]] of LOG_QUERY_CASES.entries()) {
        const input = logTableRows[i]!;
        let total = 0;
        const budget = RUNS.fast({ minRuns: 3, maxRuns: 50, budgetMs: 3_000 });
        const s = await sampleAsync(async () => {
          total = (await call<{ total: number }>(light.dispatch, 'entries.list', q)).total;
        }, budget);
        // Where the time goes: the page's ids (the SQL that pages), and the total of every match.
        const page = entryPageSql(q);
        const pageStmt = light.db.prepare(page.sql);
        const pageMs = sample(() => pageStmt.all(page.params), { ...budget, warmup: 0, budgetMs: 1_500 }).median;
        const countMs = sample(() => countEntries(light.db, q), { ...budget, warmup: 0, budgetMs: 1_500 }).median;
        out.push({
          ...measured(input, s, { ratios: [`${ratio(s.median, groupBy.median)} GROUP BY`] }),
          note: `total returned ${total.toLocaleString('en-US')}; page ids ${formatValue(pageMs, 'ms')}, total ${formatValue(countMs, 'ms')}`,
        });
      }
    } finally {
      light.close();
      rmSync(dir, { recursive: true, force: true });
    }
    return out;
  });

  // ---- documents: packet of 1,000 entries ------------------------------------------------------
  await section(`verification packet: ${label.packet}`, [ROWS.packet], async () => {
    if (!has('documents.packet')) return [notBuilt(ROWS.packet, 'documents.packet')];
    const dir = seed('packet', PACKET);
    await assignBenchCatalog(dir);
    const backend = await openBenchBackend(dir);
    try {
      const input = { batch: { trackId: 1, statuses: ['draft', 'signed', 'entered', 'verified'] } };
      let info = { entryCount: 0, pages: 0 };
      const s = await sampleAsync(async () => (info = await call(backend.dispatch, 'documents.packet', input)), RUNS.slow({ maxRuns: 10 }));
      return [{ ...measured(ROWS.packet, s), note: `${info.entryCount} entries, ${info.pages} pages` }];
    } finally {
      backend.close();
    }
  });

  // ---- renderer: bundle and browser ------------------------------------------------------------
  const rendererDir = path.join(ROOT, 'dist/renderer');
  await section('renderer bundle', [ROWS.bundle], async () => {
    if (!ensureRendererBuilt(rendererDir)) return [unmeasured(ROWS.bundle, 'skipped', 'dist/renderer is not built (smoke mode never builds it)')];
    const b = bundleSize(rendererDir);
    const one = { median: b.eagerGzipKb, p95: b.eagerGzipKb, runs: 1 };
    return [{ ...measured(ROWS.bundle, one), note: `${b.files.map((f) => f.file).join(' + ')}; ${b.eagerRawKb.toFixed(0)} kB before gzip; lazy chunks ${b.lazyGzipKb.toFixed(0)} kB gzip` }];
  });

  await section(`browser: ${label.browser}`, [ROWS.browser], async () => {
    if (!browserAvailable()) return [unmeasured(ROWS.browser, 'skipped', 'no Chromium found (set CHROMIUM_PATH)')];
    if (!existsSync(path.join(rendererDir, 'index.html'))) return [unmeasured(ROWS.browser, 'skipped', 'dist/renderer is not built')];
    const dir = seed('browser', BROWSER);
    await assignBenchCatalog(dir);
    const s = await navigateToDashboard(dir, rendererDir, RUNS.browser);
    return [measured(ROWS.browser, s)];
  });

  // ---- report ----------------------------------------------------------------------------------
  const ordered = orderRows(rows);
  const elapsedMs = performance.now() - started;
  console.log('');
  console.log(consoleTable(ordered));
  console.log('');
  const missed = ordered.filter((r) => r.status === 'missed').length;
  const met = ordered.filter((r) => r.status === 'met').length;
  console.log(`${met} targets met, ${missed} missed, ${ordered.filter((r) => r.status === 'error' || r.status === 'not built' || r.status === 'skipped').length} not measured.`);
  console.log(`Total elapsed: ${(elapsedMs / 1000).toFixed(1)} s${elapsedMs > 600_000 ? ' (OVER the 10-minute budget)' : ''}.`);
  const results = { smoke: SMOKE, date: new Date().toISOString(), elapsedMs, machine, rows: ordered, plans };
  if (SMOKE) {
    // The smoke run must not overwrite the real figures.
    writeFileSync(path.join(scratch, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  } else {
    writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeBenchmarksDoc(path.join(ROOT, 'docs/benchmarks.md'), results);
    log('wrote bench/results.json and docs/benchmarks.md');
  }
}

/**
 * Another helper's bench script, loaded only if it exists (run.ts must not break while one is
 * missing or renamed); `undefined` when it does not.
 */
async function optionalBench<T>(file: string): Promise<T | undefined> {
  const full = path.join(ROOT, 'bench', file);
  if (!existsSync(full)) return undefined;
  return (await import(pathToFileURL(full).href)) as T;
}

/** Rows in the order of ROWS (then the log table rows after the 1M baseline). */
function orderRows(all: Row[]): Row[] {
  const order: string[] = Object.values(ROWS).map((r) => r.id);
  const at = order.indexOf(ROWS.baseGroupBy1m.id);
  order.splice(at + 1, 0, ...logTableRows.map((r) => r.id));
  return order.map((id) => all.find((r) => r.id === id)).filter((r): r is Row => r !== undefined);
}

/** Builds dist/renderer when missing or older than any renderer/shared source; smoke mode never builds. */
function ensureRendererBuilt(rendererDir: string): boolean {
  const index = path.join(rendererDir, 'index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (SMOKE) return builtAt > 0;
  const newest = Math.max(...['renderer', 'shared', 'vite.config.ts'].map((p) => newestMtime(path.join(ROOT, p))));
  if (builtAt >= newest) return true;
  log('  dist/renderer is missing or stale: npm run build:renderer');
  execFileSync('npm', ['run', 'build:renderer'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return true;
}

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

try {
  mkdirSync(scratch, { recursive: true });
  await main();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
