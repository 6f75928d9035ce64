// Peak resident memory of saving one backup to a file (backups.download and, since the pieced
// hand-over, the documents.readExport pieces the renderer reads), on a data folder seeded like the
// bench's 100k one. Not part of `npm run bench`; run by hand:
//   npm exec -- tsx bench/backup-download-rss.ts seed <dir>      seed the data folder and make a backup
//   npm exec -- tsx bench/backup-download-rss.ts measure <dir>   one save; prints JSON with the peak RSS
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { openBackend } from '../electron/core/backend';
import { BENCH_NOW, seedDataDir } from './lib/dataset';

const [mode, dir] = process.argv.slice(2);
const mb = (n: number) => Math.round(n / 2 ** 20);

async function seed(): Promise<void> {
  seedDataDir(dir!, { entries: 100_000, tracks: 10, seed: 100_000, audit: true }, { fast: true });
  const backend = openBackend({ dataDir: dir!, host: 'preview', appVersion: 'bench', now: () => BENCH_NOW });
  await backend.ready;
  const r = await backend.dispatch('backups.create', undefined);
  backend.close();
  console.log(JSON.stringify(r));
}

async function measure(): Promise<void> {
  const backend = openBackend({ dataDir: dir!, host: 'preview', appVersion: 'bench', now: () => BENCH_NOW });
  await backend.ready;
  const name = readdirSync(path.join(dir!, 'backups')).filter((n) => n.endsWith('-manual.sqlite')).sort().at(-1)!;
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  const maxBefore = process.resourceUsage().maxRSS * 1024;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  const r = (await backend.dispatch('backups.download', { name })) as { ok: boolean; value: Record<string, unknown> };
  if (!r.ok) throw new Error(JSON.stringify(r));
  let bytes = 0;
  let pieces = 0;
  if (typeof r.value.dataBase64 === 'string') bytes = Buffer.byteLength(r.value.dataBase64, 'base64');
  else {
    let offset: number | null = 0;
    while (offset !== null) {
      const p = (await backend.dispatch('documents.readExport', { exportId: r.value.exportId, offset })) as { ok: boolean; value: { base64: string; next: number | null } };
      if (!p.ok) throw new Error(JSON.stringify(p));
      bytes += Buffer.byteLength(p.value.base64, 'base64');
      pieces++;
      offset = p.value.next;
      // Each piece is a separate message: the renderer's await lets the backend's loop turn.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  backend.close();
  // The process's lifetime maxRSS (kilobytes) also catches a peak inside one synchronous call, which
  // the sampler cannot; it includes opening the backend, so it is printed beside, before and after.
  const maxAfter = process.resourceUsage().maxRSS * 1024;
  console.log(
    JSON.stringify({ backupMb: mb(bytes), pieces, ms: Math.round(ms), rssBeforeMb: mb(before), peakMb: mb(peak), deltaMb: mb(peak - before), maxRssBeforeMb: mb(maxBefore), maxRssAfterMb: mb(maxAfter) }),
  );
}

(mode === 'seed' ? seed() : measure()).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
