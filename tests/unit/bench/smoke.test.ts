// Keeps `npm run bench` from rotting: runs it in smoke mode (tiny data, few samples) in a child
// process and checks it completes and prints every row of issue 9's table. It never asserts a time:
// performance is not a test (the real figures are in docs/benchmarks.md).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

describe('npm run bench (smoke mode)', () => {
  it('runs every row to the end and prints the table', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/run.ts'], {
      cwd: ROOT,
      env: { ...process.env, BENCH_SMOKE: '1' },
      encoding: 'utf8',
      timeout: 170_000,
    });
    const expected = [
      'baseline: raw insert of 1 row, own transaction',
      'baseline: raw GROUP BY per procedure (covering index)',
      'log one entry (validate, insert, audit, re-evaluate)',
      'evaluate() of a track',
      'baseline: raw insert of 500 rows, one transaction',
      'baseline: copy the database file',
      'evaluate(): all entries in one track',
      'dashboard data for a track',
      'dashboard.get after a change (bench/dashboard.ts)',
      'CSV import of 500 rows',
      'backup (a checkpointed file copy, verified)',
      'open + migrate + first dashboard (fresh process)',
      'the same, first start after an update',
      'backend peak RSS',
      'log table: first page (all tracks)',
      'log table: filtered: track + date range',
      'verification packet PDF',
      'browser: open app, navigate to dashboard, visible',
      'renderer first screen (eager JS + CSS, gzip)',
    ];
    for (const what of expected) expect(out, what).toContain(what);
    // Both data sizes of the two rows that have a target at each.
    expect(out.match(/log one entry \(validate/g)).toHaveLength(2);
    expect(out.match(/evaluate\(\) of a track/g)).toHaveLength(2);
    // A row that crashed says ERROR; the smoke run must have none.
    const table = out.slice(out.indexOf('what '));
    expect(table).not.toMatch(/\bERROR\b/);
    expect(out).toMatch(/targets met, \d+ missed/);
    expect(out).toMatch(/Total elapsed: [\d.]+ s/);
  }, 180_000);
});
