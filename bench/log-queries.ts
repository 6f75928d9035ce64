// Log table queries at 100,000 entries: first page, filtered pages and a deep page, each with its
// count. Prints median times; `npm run bench` folds this in. Run alone: `tsx bench/log-queries.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../electron/core/db/open';
import { listEntries, type EntryQuery } from '../electron/core/tables/entries';
import { seedLog } from '../tests/helpers/seed-log';

const N = 100_000;
const RUNS = 30;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const base: EntryQuery = { sort: 'date-desc', limit: 100, offset: 0 };
/** Exported for `npm run bench` (bench/run.ts), which runs the same cases at 1,000,000 entries. */
export const LOG_QUERY_CASES: Array<[string, EntryQuery]> = [
  ['first page (all tracks)', base],
  ['filtered: track + date range', { ...base, trackId: 1, from: '2025-01-01', to: '2025-06-30' }],
  ['filtered: track + status', { ...base, trackId: 1, status: 'signed' }],
  ['filtered: site', { ...base, siteId: 3 }],
  ['sorted by procedure in a track', { ...base, trackId: 1, sort: 'procedure' }],
  ['text search "mercy"', { ...base, q: 'mercy' }],
  ['text search, rare term "reaction"', { ...base, q: 'reaction' }],
  ['text search, no match "zzz"', { ...base, q: 'zzz' }],
  ['deep page (offset 50,000)', { ...base, offset: 50_000 }],
];

export function runLogQueryBench(): Array<{ name: string; medianMs: number; rows: number; total: number; capped: boolean }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-bench-'));
  const db = openDatabase(path.join(dir, 'radledger.sqlite'));
  try {
    seedLog(db, N);
    // Seeded notes are empty: one entry in 10,007 gets a note, the rare term searched for.
    db.exec("UPDATE entries SET notes = 'contrast reaction, monitored' WHERE id % 10007 = 0");
    return LOG_QUERY_CASES.map(([name, q]) => {
      const times: number[] = [];
      let last = { rows: [] as unknown[], total: 0, totalCapped: false };
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        last = listEntries(db, q);
        times.push(performance.now() - t0);
      }
      return { name, medianMs: median(times), rows: last.rows.length, total: last.total, capped: last.totalCapped };
    });
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`Log queries at ${N.toLocaleString('en-US')} entries (page of 100 + total count), median of ${RUNS}:`);
  for (const r of runLogQueryBench()) {
    console.log(`  ${r.name.padEnd(34)} ${r.medianMs.toFixed(2).padStart(8)} ms  (${r.rows} rows of ${r.total}${r.capped ? '+' : ''})`);
  }
}
