// Runs in a child process of the bench (one fresh Node per sample), so start-up and memory are
// measured cold, as a user's first window would see them. Prints one JSON line on stdout.
//
//   child cold <dataDir>   open + migrate + first dashboard of track 1 (ms)
//   child rss <dataDir>    a working session; peak resident memory (MB), and the RSS after each step
//   child backup <dataDir> [maxRuns]  manual backups (backups.create) one after another: their summary (ms)
//   child engine <size>    benchEngine (bench/lib/engine.ts): evaluate() timings for one track of <size> entries
// bench/lib/spawn.ts bundles this file with esbuild and runs it with plain node.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openBackend } from '../../electron/core/backend';
import { benchEngine } from './engine';
import { BENCH_NOW } from './dataset';
import { call, dashboardData, has, logOneEntry } from './backend';
import { sampleAsync } from './stats';

const [mode, dataDir, runs] = process.argv.slice(2);
const maxRuns = Number(runs ?? 15);

async function cold(): Promise<void> {
  // Everything is imported by now (as in Electron's main bundle); the clock starts at the open.
  const t0 = performance.now();
  const backend = openBackend({ dataDir: dataDir!, host: 'preview', appVersion: 'bench', now: () => BENCH_NOW });
  const t1 = performance.now();
  await dashboardData(backend.dispatch, backend.db, 1);
  const t2 = performance.now();
  await backend.ready;
  backend.close();
  console.log(JSON.stringify({ ms: t2 - t0, openMs: t1 - t0, dashboardMs: t2 - t1, processMs: t2 }));
}

async function rss(): Promise<void> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const backend = openBackend({ dataDir: dataDir!, host: 'preview', appVersion: 'bench', now: () => BENCH_NOW });
  await backend.ready;
  const tracks = (await call<Array<{ id: number }>>(backend.dispatch, 'tracks.list', undefined)).map((t) => t.id);
  const done: string[] = [];
  const step = (name: string) => {
    const now = process.memoryUsage().rss;
    peak = Math.max(peak, now);
    const { heapUsed, heapTotal, external } = process.memoryUsage();
    const mb = (n: number) => (n / 2 ** 20).toFixed(0);
    done.push(`${name} → ${mb(now)} MB (JS heap ${mb(heapUsed)} of ${mb(heapTotal)}, external ${mb(external)})`);
  };
  step('open');
  for (const trackId of tracks) await dashboardData(backend.dispatch, backend.db, trackId);
  step(`dashboard ×${tracks.length}`);
  await call(backend.dispatch, 'entries.list', { limit: 500 });
  await call(backend.dispatch, 'entries.list', { trackId: 1, status: 'signed', limit: 500, offset: 2000 });
  await call(backend.dispatch, 'entries.list', { q: 'mercy', limit: 500 });
  step('log pages');
  for (let i = 0; i < 50; i++) await logOneEntry(backend, 1 + (i % tracks.length), i);
  step('50 quick logs');
  if (has('documents.csv')) {
    // What the Documents page does: the backend writes the file, then the renderer reads it back in
    // pieces (documents.readExport) until the last one, which removes the backend's copy.
    const file = await call<{ exportId: string }>(backend.dispatch, 'documents.csv', { trackId: null });
    for (let offset: number | null = 0; offset !== null; ) {
      offset = (await call<{ next: number | null }>(backend.dispatch, 'documents.readExport', { exportId: file.exportId, offset })).next;
    }
    step('CSV export of all');
  }
  if (has('backups.create')) {
    await call(backend.dispatch, 'backups.create', undefined);
    step('backup');
  }
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  // What the session keeps once garbage is collected (spawn.ts passes --expose-gc): a small figure
  // here means the peak is transient garbage of one big operation, not data kept alive.
  (globalThis as { gc?: () => void }).gc?.();
  step('after a full GC');
  backend.close();
  // maxRSS is in kilobytes; the sampled figure catches what the kernel counter may round.
  const maxRss = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  console.log(JSON.stringify({ mb: maxRss / (1024 * 1024), idleMb: idleRss / (1024 * 1024), done }));
}

/**
 * The backup as the app takes it: its own backend process, the data folder's daily backup already
 * there. The manual backups made here are removed afterwards, so the folder stays as a user's would.
 */
async function backup(): Promise<void> {
  const backend = openBackend({ dataDir: dataDir!, host: 'preview', appVersion: 'bench', now: () => BENCH_NOW });
  await backend.ready;
  try {
    // No warm-up: the day's first backup was taken when the catalog was assigned.
    const s = await sampleAsync(async () => call(backend.dispatch, 'backups.create', undefined), { warmup: 0, minRuns: Math.min(3, maxRuns), maxRuns, budgetMs: 12_000 });
    console.log(JSON.stringify(s));
  } finally {
    backend.close();
    const dir = path.join(dataDir!, 'backups');
    for (const f of readdirSync(dir).filter((f) => f.includes('-manual'))) rmSync(path.join(dir, f), { force: true });
  }
}

function engine(): void {
  console.log(JSON.stringify(benchEngine([Number(dataDir)])[0]));
}

const idleRss = process.memoryUsage().rss;
const modes: Record<string, () => Promise<void> | void> = { cold, rss, backup, engine };
Promise.resolve()
  .then(() => modes[mode!]!())
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
