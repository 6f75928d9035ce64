// The bench's own arithmetic and parsing (bench/lib): percentiles, met/missed, the eager assets of
// index.html, and the generated part of docs/benchmarks.md. Hand-computed expectations.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eagerAssets } from '../../../bench/lib/bundle';
import { BEGIN, END, writeBenchmarksDoc, type Results } from '../../../bench/lib/machine';
import { measured, ratio } from '../../../bench/lib/report';
import { percentile, summarize } from '../../../bench/lib/stats';

describe('stats', () => {
  it('takes nearest-rank percentiles', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(xs, 0.5)).toBe(10);
    expect(percentile(xs, 0.95)).toBe(19);
    expect(percentile(xs, 1)).toBe(20);
    expect(percentile([7], 0.95)).toBe(7);
  });

  it('summarizes unsorted samples', () => {
    expect(summarize([5, 1, 3])).toEqual({ median: 3, p95: 5, min: 1, max: 5, runs: 3 });
  });
});

describe('report', () => {
  const row = { id: 'x', what: 'x', size: '2k' };

  it('judges an absolute target on the median and flags a p95 above it', () => {
    expect(measured({ ...row, target: { kind: 'max', value: 2, unit: 'ms' } }, { median: 1.5, p95: 1.9, runs: 9 }).status).toBe('met');
    const tail = measured({ ...row, target: { kind: 'max', value: 2, unit: 'ms' } }, { median: 1.5, p95: 4, runs: 9 });
    expect(tail.status).toBe('met');
    expect(tail.ratios).toContain('p95 over target');
    expect(measured({ ...row, target: { kind: 'max', value: 2, unit: 'ms' } }, { median: 2.5, p95: 3, runs: 9 }).status).toBe('missed');
  });

  it('judges a ratio target on the ratio to the same-run baseline', () => {
    const target = { kind: 'ratio' as const, value: 3, baseline: 'raw insert' };
    expect(measured({ ...row, target }, { median: 900, p95: 900, runs: 1 }, { ratioValue: 900 / 300 }).status).toBe('met');
    expect(measured({ ...row, target }, { median: 901, p95: 901, runs: 1 }, { ratioValue: 901 / 300 }).status).toBe('missed');
    expect(ratio(45, 3)).toBe('15.0×');
    expect(ratio(1, 4)).toBe('0.25×');
  });
});

describe('bundle', () => {
  it('reads the scripts, stylesheets and modulepreloads index.html loads eagerly', () => {
    const html = `<script type="module" crossorigin src="./assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vendor-b.js">
      <link rel="stylesheet" crossorigin href="./assets/index-c.css">
      <link rel="icon" href="./icon.png">`;
    expect(eagerAssets(html)).toEqual(['./assets/index-a.js', './assets/vendor-b.js', './assets/index-c.css']);
  });
});

describe('docs/benchmarks.md', () => {
  it('rewrites only the generated part and keeps the analysis around it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-bench-doc-'));
    const file = path.join(dir, 'benchmarks.md');
    writeFileSync(file, `# B\n\nintro\n\n${BEGIN}\nold figures\n${END}\n\n## Causes\n\nhand-written\n`);
    const results: Results = {
      smoke: false,
      date: '2026-11-24T13:00:00.000Z',
      elapsedMs: 300_000,
      machine: { cpus: 2, cpuModel: 'Test CPU', cpuMhz: 0, memoryGb: 8, freeMemoryGb: 4, node: 'v22.0.0', platform: 'linux', loadavg: '1 / 1 / 1' },
      rows: [measured({ id: 'evaluate-2k', what: 'evaluate() of a track', size: '2k', target: { kind: 'max', value: 5, unit: 'ms' } }, { median: 1, p95: 2, runs: 10 })],
      plans: { 'log-table-1m-0': 'SCAN entries' },
    };
    writeBenchmarksDoc(file, results);
    const doc = readFileSync(file, 'utf8');
    expect(doc).not.toContain('old figures');
    expect(doc).toContain('intro');
    expect(doc).toContain('hand-written');
    expect(doc).toContain('| evaluate() of a track | 2k | 1.00 ms | 2.00 ms | 10 | ≤ 5.00 ms | met |');
    expect(doc).toContain('2 × Test CPU, 8 GB');
    expect(doc).toContain('`log-table-1m-0`: SCAN entries');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the dashboard "after a change" samples', () => {
  it('change an entry the engine reads, so the evaluation cache has an entry to patch in', async () => {
    const { openBackend } = await import('../../../electron/core/backend');
    const { touchTrack } = await import('../../../bench/lib/backend');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-bench-touch-'));
    const backend = openBackend({ dataDir: dir, host: 'preview', appVersion: 't', now: () => new Date('2026-06-01T12:00:00Z') });
    try {
      const t = await backend.dispatch('tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
      expect(t.ok).toBe(true);
      for (const day of ['2026-05-01', '2026-05-02', '2026-05-03']) {
        await backend.dispatch('entries.create', { trackId: 1, performedOn: day, procedureName: 'CT Head' });
      }
      expect((await backend.dispatch('dashboard.get', { trackId: 1, paceWindowWeeks: 8 })).ok).toBe(true); // caches the evaluation
      const pending = () => backend.db.prepare('SELECT count(*) FROM temp.radledger_entry_changes').pluck().get() as number;
      const before = pending();
      const times = () => backend.db.prepare('SELECT performed_at FROM entries ORDER BY id').pluck().all();
      const was = times();
      touchTrack(backend.db, 1);
      expect(pending()).toBeGreaterThan(before);
      expect(times()).not.toEqual(was);
    } finally {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
